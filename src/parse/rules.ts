/**
 * Rule ids of the parse stage's messages.
 */
const RULE_IDS: [RegExp, string][] = [
  [/^Malformed table\./, 'malformed-table'],
  [/^Blank line required after table\./, 'blank-line-after-table'],
  [/^Enumerated list start value not ordinal-1/, 'enumerated-list-start'],
  [/^Unexpected possible title overline or transition\./, 'unexpected-title-overline'],
  [/^Unexpected section title or transition\./, 'unexpected-section-title-or-transition'],
  [/^Unexpected section title\./, 'unexpected-section-title'],
  [/^Unexpected indentation\./, 'unexpected-indentation'],
  [/ends without a blank line; unexpected unindent\./, 'unexpected-unindent'],
  [/^Duplicate implicit target name/, 'duplicate-implicit-target'],
  [/^Duplicate explicit target name/, 'duplicate-explicit-target'],
  [/^Title underline too short\./, 'title-underline-too-short'],
  [/^Title level inconsistent/, 'title-level-inconsistent'],
  [/^Error in "[^"]*" directive/, 'directive-error'],
  [/^Error parsing content block for the "[^"]*" directive/, 'directive-content-error'],
  [/^Content block expected for the "[^"]*" directive/, 'directive-content-missing'],
  [/^Literal block expected; none found\./, 'literal-block-expected'],
  [/^Inline .* start-string without end-string\./, 'inline-unclosed'],
];

export function ruleIdFor(message: string): string {
  for (const [re, id] of RULE_IDS) if (re.test(message)) return id;
  const first = (message.split('\n')[0] ?? '').replace(/"[^"]*"/g, ' ').replace(/\([^)]*\)/g, ' ');
  const words = first.toLowerCase().match(/[a-z0-9]+/g) ?? ['rst', 'message'];
  return words.slice(0, 6).join('-');
}
