/**
 * Text splicing: the merge never re-serialises the user's spec. It computes
 * edits (replace `[start, end)` with `text`) against the original source and
 * applies them, so every byte outside an edit is kept as it was.
 */

export interface Edit {
  start: number;
  end: number;
  text: string;
  /** Among edits at the same offset, lower `order` comes first in the output. */
  order: number;
}

/** Applies non-overlapping edits to `source`; returns the new text. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.order - b.order);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`Overlapping edits at offset ${edit.start}.`);
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** `\r\n` when the source uses it, else `\n`. */
export function detectEol(source: string): string {
  const lf = source.indexOf('\n');
  return lf > 0 && source[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** Offset of the first character of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** The whitespace that starts the line holding `offset`. */
export function lineIndent(source: string, offset: number): string {
  const start = lineStart(source, offset);
  let end = start;
  while (end < source.length && (source[end] === ' ' || source[end] === '\t')) end++;
  return source.slice(start, end);
}

/** Whether only spaces/tabs stand between the start of the line and `offset`. */
export function firstOnLine(source: string, offset: number): boolean {
  const start = lineStart(source, offset);
  return /^[ \t]*$/.test(source.slice(start, offset));
}

/**
 * The start of the line after the one holding `offset - 1`: where a new line
 * can be inserted after a construct that ends at `offset`. When `offset`
 * already is a line start it is returned; at the end of a text without a
 * final newline, the text's length is returned (`needsEol` tells to add one).
 */
export function nextLineStart(source: string, offset: number): { offset: number; needsEol: boolean } {
  if (offset > 0 && source[offset - 1] === '\n') return { offset, needsEol: false };
  const lf = source.indexOf('\n', offset);
  if (lf < 0) return { offset: source.length, needsEol: true };
  return { offset: lf + 1, needsEol: false };
}

/** Prefixes every non-empty line of `text` with `indent`, using `eol` between lines. */
export function indentLines(text: string, indent: string, eol: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join(eol);
}
