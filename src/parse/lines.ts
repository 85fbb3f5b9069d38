/**
 * `SourceLines`: a run of lines as docutils' state machine sees them — the
 * indentation of the enclosing block removed, tabs already expanded — with,
 * for every line, where it sits in the source file. Every parser in this
 * folder works on `SourceLines`, so a cell nested in a list item nested in a
 * directive still knows its exact source line and column.
 *
 *   const src = fileLines(['a', '  b']);   // lines 1 and 2, column 1
 *   src.slice(1).lineNumbers               // [2]
 *   src.lead(1)                            // 2 (leading whitespace, counted once)
 *
 * Each line's leading whitespace is counted once and kept with the line:
 * a nested block (its lines the same text with `t` columns removed) inherits
 * `lead - t` instead of counting again, so a page nested N levels deep does not
 * count every line's indentation N times (N^3 work on a deep page).
 */
import { isPyWs } from './block-text.js';

/** Unknown (not counted yet) in `SourceLines`' lead cache. */
const UNKNOWN = -1;

export class SourceLines {
  /** For each line, its count of leading Python whitespace, or UNKNOWN (counted on first use; made on first use). */
  private leads: Int32Array | undefined;

  constructor(
    /** The lines' text, enclosing indentation removed, no line terminators. */
    readonly lines: readonly string[],
    /** For each line, its 1-based line number in the source file. */
    readonly lineNumbers: readonly number[],
    /** For each line, the 1-based source column (UTF-16 units) of `lines[i][0]`. */
    readonly columns: readonly number[],
    /** Leading-whitespace counts already known (UNKNOWN where not), one per line; shared with views of the same text. */
    leads?: Int32Array,
  ) {
    this.leads = leads;
  }

  get length(): number {
    return this.lines.length;
  }

  /** The number of Python whitespace characters line `i` starts with (its length for a blank line). */
  lead(i: number): number {
    this.leads ??= new Int32Array(this.lines.length).fill(UNKNOWN);
    const known = this.leads[i] ?? 0;
    if (known !== UNKNOWN) return known;
    const line = this.lines[i] ?? '';
    let n = 0;
    while (n < line.length && isPyWs(line.charCodeAt(n))) n++;
    this.leads[i] = n;
    return n;
  }

  /** Line `i`'s lead with its first `t` characters removed, when already counted and those are all whitespace; else UNKNOWN. */
  leadAfter(i: number, t: number): number {
    const known = this.leads?.[i] ?? UNKNOWN;
    return known !== UNKNOWN && t <= known ? known - t : UNKNOWN;
  }

  /** Lines `from` (inclusive) to `to` (exclusive, default the end), positions kept; like `Array.prototype.slice`. */
  slice(from: number, to: number = this.lines.length): SourceLines {
    if (from === 0 && to >= this.lines.length) return this;
    // the same lines, the same text: the counts are shared (`subarray` is a view over the same memory)
    return new SourceLines(this.lines.slice(from, to), this.lineNumbers.slice(from, to), this.columns.slice(from, to), this.leads?.subarray(from, to));
  }

  /** These lines followed by `other`'s. */
  concat(other: SourceLines): SourceLines {
    let leads: Int32Array | undefined;
    if (this.leads || other.leads) {
      leads = new Int32Array(this.length + other.length).fill(UNKNOWN);
      if (this.leads) leads.set(this.leads);
      if (other.leads) leads.set(other.leads, this.length);
    }
    return new SourceLines([...this.lines, ...other.lines], [...this.lineNumbers, ...other.lineNumbers], [...this.columns, ...other.columns], leads);
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
