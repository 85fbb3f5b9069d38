/**
 * `<service>/error-codes.ts`: the service's documented error codes (the
 * `error_code` of its error body) as an `ErrorCode` enum or `as const`
 * object, with an `errorCodeInfo` lookup and an `isErrorCode` guard.
 */
import type { StatementStructures } from 'ts-morph';
import { StructureKind, VariableDeclarationKind, Writers } from './ts-morph.js';
import type { ErrorCode, ServiceModel } from '../../model/types.js';
import type { EmitOptions } from '../types.js';
import { headerLines, sourceFiles, stringLiteral } from '../text.js';
import { documentedErrors } from '../view.js';
import { errorMemberNames } from './names.js';
import { enumStatements, printSourceFile, recordInitializer, type EnumMember } from './source-file.js';

const ENUM = 'ErrorCode';
const INFO = 'ErrorCodeInfo';

/**
 * The JSDoc text of one error member: code and message (each message as a
 * list item when the docs give several), statuses, description, solution.
 */
function memberDoc(error: ErrorCode): string {
  const texts = error.messages.map((message) => message.text);
  const [only, ...more] = texts;
  const paragraphs = [only === undefined ? error.code : more.length === 0 ? `${error.code}: ${only}` : error.code];
  if (more.length > 0) paragraphs.push(['Messages:', ...texts.map((message) => `- ${message.replace(/\n/g, '\n  ')}`)].join('\n'));
  paragraphs.push(error.statuses.length === 0 ? 'HTTP status: not documented' : `HTTP status: ${error.statuses.join(', ')}`);
  if (error.description !== '') paragraphs.push(error.description);
  if (error.solution !== '') paragraphs.push(`Solution: ${error.solution}`);
  return paragraphs.join('\n\n');
}

/** Emits the text of `<service>/error-codes.ts` for `model` in the given enum style. */
export function emitErrorCodes(model: ServiceModel, options: EmitOptions): string {
  const errors = documentedErrors(model);
  const names = errorMemberNames(errors);
  const rows = errors.map((error, index) => ({ error, member: names[index] ?? '' }));
  const members: EnumMember[] = rows.map(({ error, member }) => ({ name: member, value: error.code, doc: memberDoc(error) }));

  const statements: StatementStructures[] = [
    ...enumStatements(ENUM, `Service error codes (\`error_code\`) documented for ${model.title}.`, members, options.style),
    {
      kind: StructureKind.Interface,
      isExported: true,
      docs: ['What the docs say about one service error code.'],
      name: INFO,
      properties: [
        { name: 'statuses', isReadonly: true, type: 'readonly number[]', docs: ['HTTP statuses the error is returned with (empty when not documented).'] },
        {
          name: 'messages',
          isReadonly: true,
          type: 'readonly string[]',
          docs: ['The documented error messages, each one the API may send with the code (empty when none).'],
        },
        { name: 'description', isReadonly: true, type: 'string', docs: ['The documented description (`""` when none).'] },
        { name: 'solution', isReadonly: true, type: 'string', docs: ['The documented fix (`""` when none).'] },
      ],
    },
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      docs: ['What the docs say about each error code.'],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        {
          name: 'errorCodeInfo',
          type: `Readonly<Record<${ENUM}, ${INFO}>>`,
          initializer: recordInitializer(
            rows.map(({ error }) => ({
              key: error.code,
              value: Writers.object({
                statuses: `[${error.statuses.filter(Number.isFinite).map(String).join(', ')}]`,
                messages: `[${error.messages.map((message) => stringLiteral(message.text)).join(', ')}]`,
                description: stringLiteral(error.description),
                solution: stringLiteral(error.solution),
              }),
            })),
          ),
        },
      ],
    },
    {
      kind: StructureKind.Function,
      isExported: true,
      docs: ['Whether `value` is one of the documented error codes.'],
      name: 'isErrorCode',
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${ENUM}`,
      statements: [`return typeof value === 'string' && Object.prototype.hasOwnProperty.call(errorCodeInfo, value);`],
    },
  ];

  const header = headerLines(
    sourceFiles(
      model,
      errors.flatMap((error) => error.sources),
    ),
  );
  return printSourceFile(header, statements);
}
