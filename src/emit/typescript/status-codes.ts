/**
 * `<service>/status-codes.ts`: the documented HTTP status codes (RFC 9110 §15)
 * as a `StatusCode` enum or `as const` object, with phrase, description and
 * group lookups and type guards.
 */
import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind } from './ts-morph.js';
import type { ServiceModel, StatusCode } from '../../model/types.js';
import type { EmitOptions } from '../types.js';
import { docText, headerLines, sourceFiles, stringLiteral } from '../text.js';
import { documentedStatuses, phraseOf, statusGroups, statusTitle } from '../view.js';
import { STATUS_GUARD_NAME, groupGuardName, statusMemberNames } from './names.js';
import { enumStatements, memberType, printSourceFile, recordInitializer, type EnumMember } from './source-file.js';

const ENUM = 'StatusCode';

/** The JSDoc text of one status member: title, description, group, standard phrase when it differs. */
function memberDoc(status: StatusCode): string {
  const paragraphs = [statusTitle(status)];
  if (status.description !== '') paragraphs.push(status.description);
  if (status.group !== null) paragraphs.push(`Group: ${status.group}`);
  if (status.standardPhrase !== null && status.standardPhrase !== status.phrase) {
    paragraphs.push(`Standard phrase: ${status.standardPhrase}`);
  }
  return paragraphs.join('\n\n');
}

function lookup(name: string, type: string, doc: string, entries: { key: number; value: string }[]): StatementStructures {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    docs: [docText(doc)],
    declarationKind: VariableDeclarationKind.Const,
    declarations: [{ name, type: `Readonly<Record<${ENUM}, ${type}>>`, initializer: recordInitializer(entries) }],
  };
}

/**
 * The group guards: one per guard name, covering every group title with that
 * name (`"Normal codes"` and `"Normal status codes"`), in order of first use;
 * titles made only of noise words ("Status codes") get none.
 */
function groupGuards(groups: readonly string[]): { name: string; groups: string[] }[] {
  const byName = new Map<string, string[]>();
  for (const group of groups) {
    const name = groupGuardName(group);
    if (name === null) continue;
    const titles = byName.get(name);
    if (titles) titles.push(group);
    else byName.set(name, [group]);
  }
  return [...byName].map(([name, titles]) => ({ name, groups: titles }));
}

/** Emits the text of `<service>/status-codes.ts` for `model` in the given enum style. */
export function emitStatusCodes(model: ServiceModel, options: EmitOptions): string {
  const statuses = documentedStatuses(model);
  const names = statusMemberNames(statuses);
  const rows = statuses.map((status, index) => ({ status, member: names[index] ?? '' }));
  const members: EnumMember[] = rows.map(({ status, member }) => ({ name: member, value: status.code, doc: memberDoc(status) }));
  const guards = groupGuards(statusGroups(statuses));

  const statements: StatementStructures[] = [
    ...enumStatements(ENUM, `HTTP status codes documented for ${model.title}.`, members, options.style),
    lookup(
      'statusPhrase',
      'string',
      'The phrase of each status code as documented (the standard phrase when the docs give none, `""` when neither exists).',
      rows.map(({ status }) => ({ key: status.code, value: stringLiteral(phraseOf(status) ?? '') })),
    ),
    lookup(
      'statusDescription',
      'string',
      'The documented description of each status code (`""` when none).',
      rows.map(({ status }) => ({ key: status.code, value: stringLiteral(status.description) })),
    ),
    lookup(
      'statusGroup',
      'string | null',
      'The group each status code is documented under (`null` when none).',
      rows.map(({ status }) => ({ key: status.code, value: status.group === null ? 'null' : stringLiteral(status.group) })),
    ),
    {
      kind: StructureKind.Function,
      isExported: true,
      docs: ['Whether `value` is one of the documented status codes.'],
      name: STATUS_GUARD_NAME,
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${ENUM}`,
      statements: [`return typeof value === 'number' && Object.prototype.hasOwnProperty.call(statusPhrase, value);`],
    },
    ...guards.map(({ name, groups: titles }): StatementStructures => {
      const inGroup = rows
        .filter(({ status }) => status.group !== null && titles.includes(status.group))
        .map(({ member }) => memberType(ENUM, member, options.style));
      const quoted = titles.map((title) => `“${title}”`).join(', ');
      const test = titles.map((title) => `statusGroup[code] === ${stringLiteral(title)}`).join(' || ');
      return {
        kind: StructureKind.Function,
        isExported: true,
        docs: [docText(`Whether \`code\` is a status code documented under the group${titles.length > 1 ? 's' : ''} ${quoted}.`)],
        name,
        parameters: [{ name: 'code', type: 'number' }],
        returnType: `code is ${inGroup.join(' | ')}`,
        statements: [`return ${STATUS_GUARD_NAME}(code) && ${titles.length > 1 ? `(${test})` : test};`],
      };
    }),
  ];

  const header = headerLines(
    sourceFiles(
      model,
      statuses.flatMap((status) => status.sources),
    ),
  );
  return printSourceFile(header, statements);
}
