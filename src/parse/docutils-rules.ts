/**
 * The parse stage's rules: docutils' system messages, by the ids the parser
 * gives them today (src/parse/rules.ts `ruleIdFor`, skeleton.ts, inline.ts).
 * Provisional: to be replaced by a record in src/parse/rules.ts, where the
 * parser names its messages itself.
 */
import { asText, defineRules } from '../diagnostics.js';
import type { Rule, Severity } from '../diagnostics.js';

/** Severity follows each message's docutils level; the one listed is the usual one. */
const docutils = (id: string, severity: Severity, description: string): Rule<{ text: string }> => ({ id, severity, description, message: asText });
export const parseRules = defineRules({
  'malformed-table': docutils('malformed-table', 'error', 'A table docutils cannot read (docutils\' "Malformed table." and its detail); its rows are lost.'),
  'blank-line-after-table': docutils('blank-line-after-table', 'warning', 'A table not followed by a blank line.'),
  'enumerated-list-start': docutils('enumerated-list-start', 'info', 'An enumerated list that does not start at 1 (or A, i…).'),
  'unexpected-title-overline': docutils('unexpected-title-overline', 'error', 'A line that looks like a title overline or transition where none can be.'),
  'unexpected-section-title-or-transition': docutils('unexpected-section-title-or-transition', 'error', 'A section title or transition inside a block where none may appear.'),
  'unexpected-section-title': docutils('unexpected-section-title', 'error', 'A section title inside a block (list item, block quote, table cell…).'),
  'unexpected-indentation': docutils('unexpected-indentation', 'error', 'Text indented where docutils expects none.'),
  'unexpected-unindent': docutils('unexpected-unindent', 'warning', 'A block (list, quote, explicit markup) that ends without a blank line.'),
  'duplicate-implicit-target': docutils('duplicate-implicit-target', 'info', 'Two sections with the same title.'),
  'duplicate-explicit-target': docutils('duplicate-explicit-target', 'warning', 'Two targets with the same name.'),
  'title-underline-too-short': docutils('title-underline-too-short', 'warning', 'A title underline (or overline) shorter than the title.'),
  'title-level-inconsistent': docutils('title-level-inconsistent', 'error', 'A section title whose underline style breaks the document\'s title hierarchy.'),
  'directive-error': docutils('directive-error', 'error', 'A directive with invalid arguments or options (docutils\' "Error in … directive").'),
  'directive-content-error': docutils('directive-content-error', 'error', 'A directive whose content cannot be read (a bad csv-table or list-table body).'),
  'directive-content-missing': docutils('directive-content-missing', 'warning', 'A directive that needs content and has none.'),
  'literal-block-expected': docutils('literal-block-expected', 'warning', 'A paragraph ending in `::` with no indented literal block after it.'),
  'inline-markup': docutils('inline-markup', 'warning', 'Inline markup docutils cannot read: `*`, `**` or a backquote opened and never closed, bad PEP or RFC numbers, unknown roles.'),
  'skeleton-too-large': docutils('skeleton-too-large', 'warning', 'A page with too much text outside its tables for the `restructured` skeleton; its tables are listed flat (groups then come only from captions).'),
  'skeleton-too-complex': docutils('skeleton-too-complex', 'warning', 'A page whose `restructured` skeleton would cost too many steps (deep indentation or nesting); its tables are listed flat.'),
  'skeleton-unavailable': docutils('skeleton-unavailable', 'info', 'The `restructured` skeleton failed on a page; its tables are listed flat.'),
});

