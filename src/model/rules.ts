/**
 * The model stage's doc-lint rules, as data: each id has a severity, a
 * one-line description and a sentence builder. The id names the diagnostic
 * (`ruleId`), the fixture (test/fixtures/model/<id>.rst) and its test.
 *
 * Severity policy: `error` only when something the docs say is lost (a row or
 * table that cannot be read); `warning` for doc defects a reader would want
 * fixed (duplicates, wrong phrases, unknown codes); `info` for what the model
 * did on the reader's behalf (filled-down cells, ignored tables and columns).
 */
import type { VFile } from 'vfile';
import { asText, defineRules, flag as flagRule } from '../diagnostics.js';
import { MAX_MESSAGES_PER_RULE, MessageLimit } from '../parse/reporter.js';
import { parseRules } from '../parse/rules.js';
import type { Rule as StageRule } from '../diagnostics.js';
import type { Point, Position } from '../parse/types.js';

/** The values each rule's sentence needs. */
export interface RuleArgs {
  'no-code-table': Record<string, never>;
  'not-a-code-table': { header: string };
  'header-row-in-body': { header: string };
  'ignored-column': { header: string };
  'unreadable-table': { header: string; rows: number };
  'unreadable-row': { row: number; column: string; text: string };
  'empty-row': { row: number };
  'filled-down': { column: string; value: string };
  'duplicate-code': { kind: 'status code' | 'error code'; code: string; first: string };
  'duplicate-across-pages': { kind: 'status code' | 'error code'; code: string; first: string };
  'out-of-order': { code: string; previous: string };
  'class-code': { code: string };
  'unregistered-code': { code: string; unused: boolean };
  'nonstandard-phrase': { code: string; phrase: string; standard: string; obsolete: boolean };
  'no-status': { code: string; text: string };
  'unreadable-status': { code: string; text: string };
  'error-code-whitespace': { code: string };
  'error-code-rejoined': { code: string; text: string };
  'error-code-list': { codes: string[]; text: string };
  'not-an-error-code': { row: number; text: string; spanning: boolean };
  'error-body-undocumented': Record<string, never>;
}

export type RuleId = keyof RuleArgs;

/** A model rule: the shape every stage's rules share (src/diagnostics.ts), with its id typed. */
export interface Rule<Id extends RuleId = RuleId> extends StageRule<RuleArgs[Id]> {
  readonly id: Id;
}

const clip = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const rules: { readonly [Id in RuleId]: Rule<Id> } = defineRules({
  'no-code-table': {
    id: 'no-code-table',
    severity: 'warning',
    description: 'A page yields no status-code or error-code table.',
    message: () => 'No status-code or error-code table found on this page',
  },
  'not-a-code-table': {
    id: 'not-a-code-table',
    severity: 'info',
    description: 'A table is neither a status-code nor an error-code table and is skipped.',
    message: (a) => `Table with columns \`${clip(a.header)}\` is not a status-code or error-code table and is skipped`,
  },
  'header-row-in-body': {
    id: 'header-row-in-body',
    severity: 'info',
    description: 'A table without a header row whose first row holds column titles; that row is read as the header.',
    message: (a) => `Table has no header row, so its first row \`${clip(a.header)}\` is read as the header`,
  },
  'ignored-column': {
    id: 'ignored-column',
    severity: 'info',
    description: 'A column of a code table that the model has no field for (Module, Category…).',
    message: (a) => `Column \`${clip(a.header)}\` has no place in the model and is ignored`,
  },
  'unreadable-table': {
    id: 'unreadable-table',
    severity: 'error',
    description: 'A table whose headers name codes but whose code column holds no readable code: its rows are lost.',
    message: (a) => `Table with columns \`${clip(a.header)}\` names codes but none of its ${a.rows} rows has a readable code, so it is skipped`,
  },
  'unreadable-row': {
    id: 'unreadable-row',
    severity: 'warning',
    description:
      'A body row of a code table whose code cannot be read: it is left out of the generated code (a warning, so one bad row does not stop a whole run; lint shows it).',
    message: (a) =>
      a.text === ''
        ? `Row ${a.row} has an empty \`${clip(a.column, 40)}\` cell and no row above to continue, so it is skipped`
        : `Row ${a.row} has no readable code in \`${clip(a.column, 40)}\` (\`${clip(a.text, 60)}\`), so it is skipped`,
  },
  'empty-row': {
    id: 'empty-row',
    severity: 'info',
    description: 'A body row whose cells are all empty.',
    message: (a) => `Row ${a.row} is empty and is skipped`,
  },
  'filled-down': {
    id: 'filled-down',
    severity: 'info',
    description: 'An empty code or status cell under a filled one means "same as above"; the value above is used.',
    message: (a) => `Empty \`${clip(a.column, 40)}\` cell read as \`${clip(a.value, 60)}\` from the row above`,
  },
  'duplicate-code': {
    id: 'duplicate-code',
    severity: 'warning',
    description: 'A code documented twice on the same page; it is kept once with every source listed.',
    message: (a) => `Duplicate ${a.kind} \`${a.code}\`, first defined at ${a.first}`,
  },
  'duplicate-across-pages': {
    id: 'duplicate-across-pages',
    severity: 'info',
    description: 'A code documented again on another page of the same service; it is kept once with every source listed.',
    message: (a) => `The ${a.kind} \`${a.code}\` is also defined at ${a.first}`,
  },
  'out-of-order': {
    id: 'out-of-order',
    severity: 'warning',
    description: 'A status code listed after a greater one in the same table.',
    message: (a) => `Status code \`${a.code}\` comes after \`${a.previous}\``,
  },
  'class-code': {
    id: 'class-code',
    severity: 'info',
    description: 'A class of codes such as `4xx`: kept in statusClasses, not as an enum member.',
    message: (a) => `Status class \`${a.code}\` is kept as a class, not as a status code`,
  },
  'unregistered-code': {
    id: 'unregistered-code',
    severity: 'warning',
    description: 'A status code missing from the IANA HTTP Status Code Registry.',
    message: (a) =>
      a.unused ? `Status code \`${a.code}\` is reserved as unused in the IANA registry` : `Status code \`${a.code}\` is not registered with IANA`,
  },
  'nonstandard-phrase': {
    id: 'nonstandard-phrase',
    severity: 'warning',
    description: 'A reason phrase other than the one RFC 9110 / the IANA registry gives (spelling and case aside).',
    message: (a) =>
      a.obsolete
        ? `Phrase \`${a.phrase}\` of status \`${a.code}\` is the obsolete name of \`${a.standard}\``
        : `Phrase \`${a.phrase}\` of status \`${a.code}\` differs from the standard \`${a.standard}\``,
  },
  'no-status': {
    id: 'no-status',
    severity: 'info',
    description: 'An error code documented without an HTTP status (`N/A`, `-`): its statuses are empty.',
    message: (a) =>
      a.text === ''
        ? `Error code \`${a.code}\` has an empty status cell and no row above, so its statuses are left empty`
        : `Error code \`${a.code}\` has status \`${clip(a.text, 40)}\`, so its statuses are left empty`,
  },
  'unreadable-status': {
    id: 'unreadable-status',
    severity: 'warning',
    description: 'An error code whose status cell holds no readable HTTP status.',
    message: (a) => `Error code \`${a.code}\` has no readable status in \`${clip(a.text, 60)}\`, so its statuses are left empty`,
  },
  'error-code-whitespace': {
    id: 'error-code-whitespace',
    severity: 'warning',
    description: 'An error code containing whitespace that is not a line wrapped inside the cell (plain words such as `Bad Request`): it is kept as written.',
    message: (a) => `Error code \`${a.code}\` contains whitespace; it is kept as written`,
  },
  'error-code-rejoined': {
    id: 'error-code-rejoined',
    severity: 'warning',
    description:
      'An error code wrapped across lines of its cell (`IncorrectNumberOf FilesInPostRequest`, `DCS. 4855`): its pieces are joined without the spaces, as the API sends it.',
    message: (a) => `Error code \`${clip(a.text, 60)}\` is wrapped across lines and is read as \`${a.code}\``,
  },
  'error-code-list': {
    id: 'error-code-list',
    severity: 'info',
    description:
      "A cell that lists several error codes (`CBR.0001, CBR.0002`, `AccessDenied or NoSuchKey`): each becomes its own code with the row's status and message.",
    message: (a) => `Error-code cell \`${clip(a.text, 60)}\` lists ${a.codes.length} codes; each is read on its own with this row's status and message`,
  },
  'not-an-error-code': {
    id: 'not-an-error-code',
    severity: 'warning',
    description:
      'A row of an error-code table whose code cell holds a sentence, or a note spanning the code column (a footnote such as "If other error codes cannot be rectified, contact technical support."): it is no code and is left out.',
    message: (a) =>
      a.spanning
        ? `Row ${a.row} is a note spanning the error-code column (\`${clip(a.text, 60)}\`), not an error code, so it is skipped`
        : `Row ${a.row} holds a sentence in the error-code column (\`${clip(a.text, 60)}\`), not an error code, so it is skipped`,
  },
  'error-body-undocumented': {
    id: 'error-body-undocumented',
    severity: 'info',
    description:
      'A service documents error codes but no example error body (JSON or XML literal block); the common `{error_code, error_msg, request_id}` body is assumed.',
    message: () => 'No example error body is documented for these error codes, so the common `{error_code, error_msg, request_id}` body is assumed',
  },
});

/**
 * The parse stage's per-page limit, for the model's messages too: a page keeps the first
 * `MAX_MESSAGES_PER_RULE` messages of each rule, and one more says how many were left out (a page of
 * 200,000 tables that are no code tables would otherwise hold 200,000 `not-a-code-table` infos).
 */
const limits = new WeakMap<VFile, MessageLimit>();

/** Forgets what was reported on `files` (a model is built from here on). */
export function startPages(files: Iterable<VFile>): void {
  for (const file of files) limits.delete(file);
}

/** Reports rule `id` on `file` at `place`, with the rule's severity and sentence (past the page's limit: counted only). */
export function flag<Id extends RuleId>(file: VFile, id: Id, args: RuleArgs[Id], place: Point | Position | undefined): void {
  let limit = limits.get(file);
  if (!limit) {
    limit = new MessageLimit();
    limits.set(file, limit);
  }
  const start = place && 'start' in place ? place.start : place;
  if (!limit.admit(id, start?.line ?? 1, start?.column ?? 1)) return;
  const rule: Rule<Id> = rules[id];
  flagRule(file, rule, args, place);
}

/**
 * Adds to each of `files`, for each rule with messages left out, the parse stage's `too-many-messages`
 * sentence counting them, under the rule's own id and severity (so the config's `rules` setting of that
 * rule applies to it too). Once, after the model's last message.
 */
export function finishPages(files: Iterable<VFile>): void {
  for (const file of files) {
    const limit = limits.get(file);
    if (!limit) continue;
    for (const [id, d] of limit.dropped) {
      const text = parseRules['too-many-messages'].message({ rule: id, count: d.count, max: MAX_MESSAGES_PER_RULE });
      flagRule(file, { ...rules[id as RuleId], message: asText }, { text }, { line: d.line, column: d.column });
    }
    limits.delete(file);
  }
}
