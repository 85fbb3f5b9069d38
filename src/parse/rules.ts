/**
 * The parse stage's rules, as data, in the shape of the model's
 * (src/model/rules.ts): each id has docutils' level (and the severity it
 * maps to), a one-sentence description, and a builder that makes docutils'
 * exact message text from typed arguments (the oracle compares that text, so
 * it stays docutils' wording, byte for byte). Every message of this stage is
 * reported through a rule by id (`systemMessage`), so an id never changes
 * with the wording. `parseRules` is the parse stage's record in the one
 * catalog (src/rules.ts).
 */
import { defineRules, severityOfLevel, type Rule } from '../diagnostics.js';
import type { SystemMessage, SystemMessageLevel, SystemMessageType } from './types.js';

type None = Record<string, never>;
/** A directive's name as written (`csv-table`, `Note`...). */
type Named = { name: string };

/** The values each rule's message needs. */
export interface ParseRuleArgs {
  // tables (states/tables.ts, grid-table.ts, simple-table.ts)
  'malformed-table': { detail: string };
  'blank-line-after-table': None;
  'unexpected-indentation': None;
  // body
  'unexpected-unindent': { construct: string };
  'line-block-unterminated': None;
  'unexpected-title-overline': None;
  'unexpected-section-title-or-transition': None;
  'enumerated-list-start': { text: string; ordinal: number };
  'definition-list-literal': None;
  // sections
  'title-level-inconsistent': None;
  'incomplete-section-title': None;
  'short-incomplete-section-title': None;
  'missing-underline': None;
  'overline-underline-mismatch': None;
  'title-overline-too-short': None;
  'title-underline-too-short': None;
  'short-title-underline': None;
  'invalid-section-marker': None;
  'unexpected-section-title': None;
  // literal blocks
  'literal-block-expected': None;
  'inconsistent-literal-quoting': None;
  // targets and explicit markup
  'duplicate-explicit-target': { name: string };
  'redundant-explicit-target': { name: string };
  'duplicate-implicit-target': { name: string };
  'malformed-hyperlink-target': None;
  'malformed-substitution-definition': None;
  'substitution-definition-missing-contents': { name: string };
  'substitution-definition-empty': { name: string };
  // directives
  'directive-error': Named & { detail: string };
  'directive-content-missing': Named;
  'table-content-missing': Named;
  'directive-content-error': Named & { expected: string };
  'directive-disabled': Named;
  'directive-misplaced': Named;
  'image-align': Named & { align: string };
  'figure-caption': None;
  'code-number-lines': None;
  'table-widths-mismatch': Named & { columns: number };
  'table-no-data': None;
  'table-header-rows': Named & { specified: bigint; rows: number };
  'table-stub-columns': Named & { specified: bigint; columns: number };
  'table-no-body': Named & { rows: number };
  'table-no-body-columns': Named & { columns: number };
  'list-table-empty': Named;
  'csv-access-disabled': Named;
  'csv-content-missing': Named;
  'csv-error': Named & { detail: string };
  // inline markup (inline/inliner.ts, inline/roles.ts)
  'inline-markup': { construct: string };
  'role-not-implemented': { role: string };
  'raw-role-disabled': None;
  'pep-number': { text: string };
  'rfc-number': { text: string };
  'multiple-roles': None;
  'role-and-reference': { position: string };
  // rst-codegen's own
  'parser-stalled': None;
  'nesting-too-deep': { max: number };
  'too-many-messages': { rule: string; count: number; max: number };
  'skeleton-too-large': { chars: number; max: number };
  'skeleton-too-complex': { steps: number };
  'skeleton-unavailable': { reason: string };
}

export type ParseRuleId = keyof ParseRuleArgs;

/** A parse rule: the catalog's `Rule` (its severity follows from docutils' level) and the level itself. */
export interface ParseRule<Id extends ParseRuleId = ParseRuleId> extends Rule<ParseRuleArgs[Id]> {
  readonly id: Id;
  /** docutils' level of the message (1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE). */
  readonly level: SystemMessageLevel;
}

const LEVEL_TYPES: Readonly<Record<SystemMessageLevel, SystemMessageType>> = { 1: 'INFO', 2: 'WARNING', 3: 'ERROR', 4: 'SEVERE' };

const SHORT = "Treating it as ordinary text because it's so short.";

function rule<Id extends ParseRuleId>(id: Id, level: SystemMessageLevel, description: string, message: (args: ParseRuleArgs[Id]) => string): ParseRule<Id> {
  return { id, level, severity: severityOfLevel(level), description, message };
}

const RULES: { readonly [Id in ParseRuleId]: ParseRule<Id> } = {
  'malformed-table': rule('malformed-table', 3, 'A grid or simple table whose borders or columns do not line up; it is not read.', (a) =>
    a.detail === '' ? 'Malformed table.' : `Malformed table.\n${a.detail}`,
  ),
  'blank-line-after-table': rule(
    'blank-line-after-table',
    2,
    'A table followed by text without a blank line in between.',
    () => 'Blank line required after table.',
  ),
  'unexpected-indentation': rule('unexpected-indentation', 3, 'An indented line where the text before it does not allow one.', () => 'Unexpected indentation.'),
  'unexpected-unindent': rule(
    'unexpected-unindent',
    2,
    'A list, quote or literal block followed by less indented text without a blank line.',
    (a) => `${a.construct} ends without a blank line; unexpected unindent.`,
  ),
  'line-block-unterminated': rule(
    'line-block-unterminated',
    2,
    'A line block followed by text without a blank line.',
    () => 'Line block ends without a blank line.',
  ),
  'unexpected-title-overline': rule(
    'unexpected-title-overline',
    1,
    'A line of punctuation too short for a title overline or transition, read as text.',
    () => `Unexpected possible title overline or transition.\n${SHORT}`,
  ),
  'unexpected-section-title-or-transition': rule(
    'unexpected-section-title-or-transition',
    4,
    'A title overline or transition inside a list, quote, table cell or directive, where sections are not allowed.',
    () => 'Unexpected section title or transition.',
  ),
  'enumerated-list-start': rule(
    'enumerated-list-start',
    1,
    'An enumerated list that does not start at 1 (or a, i...).',
    (a) => `Enumerated list start value not ordinal-1: "${a.text}" (ordinal ${a.ordinal})`,
  ),
  'definition-list-literal': rule(
    'definition-list-literal',
    1,
    'A line ending in "::" directly followed by indented text, read as a definition list item.',
    () => 'Blank line missing before literal block (after the "::")? Interpreted as a definition list item.',
  ),
  'title-level-inconsistent': rule('title-level-inconsistent', 4, 'A section title whose underline style skips a level.', () => 'Title level inconsistent:'),
  'incomplete-section-title': rule(
    'incomplete-section-title',
    4,
    'A title overline and title with no underline before the end of the text.',
    () => 'Incomplete section title.',
  ),
  'short-incomplete-section-title': rule(
    'short-incomplete-section-title',
    1,
    'A short overline without a matching title, read as text.',
    () => "Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.",
  ),
  'missing-underline': rule(
    'missing-underline',
    4,
    'A title overline and title without the matching underline.',
    () => 'Missing matching underline for section title overline.',
  ),
  'overline-underline-mismatch': rule(
    'overline-underline-mismatch',
    4,
    'A section title whose overline and underline differ.',
    () => 'Title overline & underline mismatch.',
  ),
  'title-overline-too-short': rule('title-overline-too-short', 2, 'A section title wider than its overline.', () => 'Title overline too short.'),
  'title-underline-too-short': rule('title-underline-too-short', 2, 'A section title wider than its underline.', () => 'Title underline too short.'),
  'short-title-underline': rule(
    'short-title-underline',
    1,
    'A short line of punctuation under text, too short for a title underline, read as text.',
    () => `Possible title underline, too short for the title.\n${SHORT}`,
  ),
  'invalid-section-marker': rule(
    'invalid-section-marker',
    3,
    'Two lines of punctuation that are neither a title nor a transition.',
    () => 'Invalid section title or transition marker.',
  ),
  'unexpected-section-title': rule(
    'unexpected-section-title',
    4,
    'A section title inside a list, quote, table cell or directive, where sections are not allowed.',
    () => 'Unexpected section title.',
  ),
  'literal-block-expected': rule(
    'literal-block-expected',
    2,
    'A paragraph ending in "::" with no literal block after it.',
    () => 'Literal block expected; none found.',
  ),
  'inconsistent-literal-quoting': rule(
    'inconsistent-literal-quoting',
    3,
    'A quoted literal block whose lines do not all start with the same character.',
    () => 'Inconsistent literal block quoting.',
  ),
  'duplicate-explicit-target': rule(
    'duplicate-explicit-target',
    2,
    'Two explicit targets (hyperlink targets, footnotes, `:name:` options) with the same name.',
    (a) => `Duplicate explicit target name: "${a.name}".`,
  ),
  'redundant-explicit-target': rule(
    'redundant-explicit-target',
    1,
    'The same hyperlink target (name and URI) defined twice.',
    (a) => `Duplicate explicit target name: "${a.name}".`,
  ),
  'duplicate-implicit-target': rule(
    'duplicate-implicit-target',
    1,
    'Two section titles (or a title and a target) with the same name.',
    (a) => `Duplicate implicit target name: "${a.name}".`,
  ),
  'malformed-hyperlink-target': rule(
    'malformed-hyperlink-target',
    2,
    'A hyperlink target `.. _name:` whose name does not end with a colon; read as a comment.',
    () => 'malformed hyperlink target.',
  ),
  'malformed-substitution-definition': rule(
    'malformed-substitution-definition',
    2,
    'A substitution definition `.. |name| ...` without its closing bar; read as a comment.',
    () => 'malformed substitution definition.',
  ),
  'substitution-definition-missing-contents': rule(
    'substitution-definition-missing-contents',
    2,
    'A substitution definition `.. |name|` with nothing after the name; dropped.',
    (a) => `Substitution definition "${a.name}" missing contents.`,
  ),
  'substitution-definition-empty': rule(
    'substitution-definition-empty',
    2,
    'A substitution definition whose contents are not a directive (`.. |name| text`); dropped.',
    (a) => `Substitution definition "${a.name}" empty or invalid.`,
  ),
  'directive-error': rule(
    'directive-error',
    3,
    "A directive's arguments, options or content do not fit the directive.",
    (a) => `Error in "${a.name}" directive:\n${a.detail}.`,
  ),
  'directive-content-missing': rule(
    'directive-content-missing',
    3,
    'A directive that needs content (note, code, container...) has none.',
    (a) => `Content block expected for the "${a.name}" directive; none found.`,
  ),
  'table-content-missing': rule(
    'table-content-missing',
    2,
    'A `table` directive without a table in its content.',
    (a) => `Content block expected for the "${a.name}" directive; none found.`,
  ),
  'directive-content-error': rule(
    'directive-content-error',
    3,
    'A table directive whose content is not the one table or list it expects.',
    (a) => `Error parsing content block for the "${a.name}" directive: ${a.expected}.`,
  ),
  'directive-disabled': rule(
    'directive-disabled',
    2,
    'A `raw` or `include` directive, which rst-codegen (like the oracle) does not run.',
    (a) => `"${a.name}" directive disabled.`,
  ),
  'directive-misplaced': rule(
    'directive-misplaced',
    3,
    'A `topic` or `sidebar` directive inside a body element.',
    (a) => `The "${a.name}" directive may not be used within topics or body elements.`,
  ),
  'image-align': rule(
    'image-align',
    3,
    'An image aligned `top`, `middle` or `bottom` outside a substitution definition.',
    (a) =>
      `Error in "${a.name}" directive: "${a.align}" is not a valid value for the "align" option.  Valid values for "align" are: "left", "center", "right".`,
  ),
  'figure-caption': rule(
    'figure-caption',
    3,
    'A figure whose content does not start with a caption paragraph.',
    () => 'Figure caption must be a paragraph or empty comment.',
  ),
  'code-number-lines': rule(
    'code-number-lines',
    3,
    'A `code` directive whose `:number-lines:` start is not an integer.',
    () => ':number-lines: with non-integer start value',
  ),
  'table-widths-mismatch': rule(
    'table-widths-mismatch',
    3,
    'A `:widths:` option with another number of values than the table has columns.',
    (a) => `"${a.name}" widths do not match the number of columns in table (${a.columns}).`,
  ),
  'table-no-data': rule('table-no-data', 3, 'A list or CSV table with no columns.', () => 'No table data detected in CSV file.'),
  'table-header-rows': rule(
    'table-header-rows',
    3,
    'A `:header-rows:` option larger than the table.',
    (a) => `${a.specified} header row(s) specified but only ${a.rows} row(s) of data supplied ("${a.name}" directive).`,
  ),
  'table-stub-columns': rule(
    'table-stub-columns',
    3,
    'A `:stub-columns:` option larger than a row.',
    (a) => `${a.specified} stub column(s) specified but only ${a.columns} columns(s) of data supplied ("${a.name}" directive).`,
  ),
  'table-no-body': rule(
    'table-no-body',
    3,
    'A table whose rows are all header rows.',
    (a) => `Insufficient data supplied (${a.rows} row(s)); no data remaining for table body, required by "${a.name}" directive.`,
  ),
  'table-no-body-columns': rule(
    'table-no-body-columns',
    3,
    'A table whose columns are all stub columns.',
    (a) => `Insufficient data supplied (${a.columns} columns(s)); no data remaining for table body, required by "${a.name}" directive.`,
  ),
  'list-table-empty': rule('list-table-empty', 3, 'A `list-table` directive without content.', (a) => `The "${a.name}" directive is empty; content required.`),
  'csv-access-disabled': rule(
    'csv-access-disabled',
    2,
    'A `csv-table` reading a file or URL, which rst-codegen (like the oracle) does not do.',
    (a) => `File and URL access deactivated; ignoring "${a.name}" directive.`,
  ),
  'csv-content-missing': rule(
    'csv-content-missing',
    2,
    'A `csv-table` directive without content.',
    (a) => `The "${a.name}" directive requires content; none supplied.`,
  ),
  'csv-error': rule(
    'csv-error',
    3,
    "CSV data Python's csv module rejects (an unclosed quote, a field too long...).",
    (a) => `Error with CSV data in "${a.name}" directive:\n${a.detail}`,
  ),
  'inline-markup': rule(
    'inline-markup',
    2,
    'Inline markup (emphasis, strong, literal, reference, substitution...) whose start-string has no end-string.',
    (a) => `Inline ${a.construct} start-string without end-string.`,
  ),
  'role-not-implemented': rule(
    'role-not-implemented',
    3,
    'An interpreted text role docutils knows but does not implement (`:index:`, `:named-reference:`...).',
    (a) => `Interpreted text role "${a.role}" not implemented.`,
  ),
  'raw-role-disabled': rule(
    'raw-role-disabled',
    2,
    'The `raw` role, which rst-codegen (like the oracle) does not run.',
    () => 'raw (and derived) roles disabled',
  ),
  'pep-number': rule(
    'pep-number',
    3,
    'A `:pep:` role whose text is not a number from 0 to 9999.',
    (a) => `PEP number must be a number from 0 to 9999; "${a.text}" is invalid.`,
  ),
  'rfc-number': rule(
    'rfc-number',
    3,
    'An `:rfc:` role whose text is not a positive number.',
    (a) => `RFC number must be a number greater than or equal to 1; "${a.text}" is invalid.`,
  ),
  'multiple-roles': rule(
    'multiple-roles',
    2,
    'Interpreted text with a role both before and after it.',
    () => 'Multiple roles in interpreted text (both prefix and suffix present; only one allowed).',
  ),
  'role-and-reference': rule(
    'role-and-reference',
    2,
    'Interpreted text that is both a role and a reference (`` :role:`text`_ ``).',
    (a) => `Mismatch: both interpreted text role ${a.position} and reference suffix.`,
  ),
  'parser-stalled': rule(
    'parser-stalled',
    4,
    'The block parser stopped making progress (a bug): the rest of the block is not read.',
    () => 'Internal error: the block parser stopped making progress.',
  ),
  'nesting-too-deep': rule(
    'nesting-too-deep',
    4,
    'Blocks (lists, block quotes, directives, table cells) nested deeper than the parser reads; docutils 0.19 fails on the whole page there with "maximum recursion depth exceeded". The deeper content is not read.',
    (a) =>
      `Nesting too deep: more than ${a.max} nested blocks (docutils stops with "maximum recursion depth exceeded"); the content nested deeper is not read.`,
  ),
  'too-many-messages': rule(
    'too-many-messages',
    2,
    'A page with more messages of one rule than are kept per page: the first ones are shown, and this message counts the others.',
    (a) => `${a.count} more \`${a.rule}\` messages from this line on are not shown: only the first ${a.max} messages of a rule are kept per page.`,
  ),
  'skeleton-too-large': rule(
    'skeleton-too-large',
    2,
    'A page with too much text outside its tables for the document skeleton; its tables are listed flat.',
    (a) =>
      `The page has ${a.chars} characters outside its tables, more than the ${a.max} the document skeleton is built for; its tables are read without their sections and list items, so groups come only from table captions.`,
  ),
  'skeleton-too-complex': rule(
    'skeleton-too-complex',
    2,
    'A page whose document skeleton costs too many parsing steps; its tables are listed flat.',
    (a) =>
      `The document skeleton was given up after ${a.steps} parsing steps (deeply indented or nested text makes it costly); its tables are read without their sections and list items, so groups come only from table captions.`,
  ),
  'skeleton-unavailable': rule(
    'skeleton-unavailable',
    1,
    'The document skeleton could not be built; tables are listed flat.',
    (a) => `The document skeleton is unavailable (restructured failed: \`${a.reason}\`); tables are listed flat.`,
  ),
};

/** The parse stage's rules, by id. */
export const parseRules = defineRules(RULES);

/** A reference to a rule with its arguments, for code that decides the message before it knows the line. */
export type RuleCall = { [Id in ParseRuleId]: { rule: Id; args: ParseRuleArgs[Id] } }[ParseRuleId];

/** The message `rule` reports with `args`, at `line` and `column`. */
export function systemMessage<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], line: number, column: number): SystemMessage {
  const r: ParseRule<Id> = parseRules[id];
  return { level: r.level, type: LEVEL_TYPES[r.level], line, column, message: r.message(args), ruleId: id };
}
