/**
 * `SourceLines`: a run of lines as docutils' state machine sees them — the
 * indentation of the enclosing block removed, tabs already expanded — with,
 * for every line, where it sits in the source file. Every parser in this
 * folder works on `SourceLines`, so a cell nested in a list item nested in a
 * directive still knows its exact source line and column.
 *
 *   const src = fileLines(['a', '  b']);   // lines 1 and 2, column 1
 *   src.slice(1).lineNumbers               // [2]
 */
export class SourceLines {
  constructor(
    /** The lines' text, enclosing indentation removed, no line terminators. */
    readonly lines: readonly string[],
    /** For each line, its 1-based line number in the source file. */
    readonly lineNumbers: readonly number[],
    /** For each line, the 1-based source column (UTF-16 units) of `lines[i][0]`. */
    readonly columns: readonly number[],
  ) {}

  get length(): number {
    return this.lines.length;
  }

  /** Lines `from` (inclusive) to `to` (exclusive, default the end), positions kept; like `Array.prototype.slice`. */
  slice(from: number, to: number = this.lines.length): SourceLines {
    if (from === 0 && to >= this.lines.length) return this;
    return new SourceLines(this.lines.slice(from, to), this.lineNumbers.slice(from, to), this.columns.slice(from, to));
  }

  /** These lines followed by `other`'s. */
  concat(other: SourceLines): SourceLines {
    return new SourceLines([...this.lines, ...other.lines], [...this.lineNumbers, ...other.lineNumbers], [...this.columns, ...other.columns]);
  }
}

/** Wraps whole-file lines (line 1 at column 1). */
export function fileLines(lines: readonly string[]): SourceLines {
  return new SourceLines(
    lines,
    lines.map((_, i) => i + 1),
    lines.map(() => 1),
  );
}
