/**
 * `SourceLines`: a run of lines as docutils' state machine sees them — the
 * indentation of the enclosing block removed, tabs already expanded — with,
 * for every line, where it sits in the source file. Every parser in this
 * folder works on `SourceLines`, so a cell nested in a list item nested in a
 * directive still knows its exact source line and column.
 */
export interface SourceLines {
  /** The lines' text, enclosing indentation removed, no line terminators. */
  readonly lines: readonly string[];
  /** For each line, its 1-based line number in the source file. */
  readonly lineNumbers: readonly number[];
  /** For each line, the 1-based source column (UTF-16 units) of `lines[i][0]`. */
  readonly columns: readonly number[];
}

/** Wraps whole-file lines (line 1 at column 1). */
export function fileLines(lines: readonly string[]): SourceLines {
  return {
    lines,
    lineNumbers: lines.map((_, i) => i + 1),
    columns: lines.map(() => 1),
  };
}

/** Lines `start` (inclusive) to `end` (exclusive), positions kept. */
export function sliceLines(src: SourceLines, start: number, end: number): SourceLines {
  return {
    lines: src.lines.slice(start, end),
    lineNumbers: src.lineNumbers.slice(start, end),
    columns: src.columns.slice(start, end),
  };
}
