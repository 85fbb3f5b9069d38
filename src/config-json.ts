/**
 * JSON with positions, for the config: a single linear scan (RFC 8259) that
 * finds the first syntax error and its offset (JSON.parse does not say
 * where), records where every value and key starts, and notes keys given
 * twice in one object. The values themselves come from JSON.parse. Nesting is
 * bounded (512 levels), so no input overflows the stack.
 */

/** Where a JSON value starts, and for objects and arrays where their members start. */
export interface Located {
  /** Offset of the value's first character. */
  start: number;
  /** Object members by key: the key's offset and the value. The last of duplicate keys wins, as in JSON.parse. */
  members?: Map<string, { keyStart: number; value: Located }>;
  /** Array items. */
  items?: Located[];
}

interface DuplicateKey {
  key: string;
  keyStart: number;
  firstKeyStart: number;
}

export type ScanResult = { ok: true; value: unknown; root: Located; duplicates: DuplicateKey[] } | { ok: false; reason: string; offset: number };

const MAX_DEPTH = 512;
const LITERAL = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class Stop {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {}
}

export function scanJson(text: string): ScanResult {
  let i = 0;
  const duplicates: DuplicateKey[] = [];
  const ws = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else return;
    }
  };
  const describe = () => (i >= text.length ? 'unexpected end of input' : `unexpected \`${text[i]}\``);
  const string = (): string => {
    const start = i;
    i++;
    let escaped = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return escaped ? (JSON.parse(text.slice(start, i)) as string) : text.slice(start + 1, i - 1);
      }
      if (c < 0x20) throw new Stop('a control character inside a string', i);
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop('an invalid escape in a string', i);
        continue;
      }
      i++;
    }
    throw new Stop('an unterminated string', i);
  };
  const value = (depth: number): Located => {
    if (depth > MAX_DEPTH) throw new Stop(`nesting is deeper than ${MAX_DEPTH} levels`, i);
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      const members = new Map<string, { keyStart: number; value: Located }>();
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return { start, members };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Stop(`${describe()} where a key string was expected`, i);
        const keyStart = i;
        const key = string();
        ws();
        if (text[i] !== ':') throw new Stop(`${describe()} where \`:\` was expected`, i);
        i++;
        const member = value(depth + 1);
        const first = members.get(key);
        if (first) duplicates.push({ key, keyStart, firstKeyStart: first.keyStart });
        members.set(key, { keyStart, value: member });
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { start, members };
        }
        throw new Stop(`${describe()} where \`,\` or \`}\` was expected`, i);
      }
    }
    if (c === '[') {
      const items: Located[] = [];
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return { start, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { start, items };
        }
        throw new Stop(`${describe()} where \`,\` or \`]\` was expected`, i);
      }
    }
    if (c === '"') {
      string();
      return { start };
    }
    LITERAL.lastIndex = i;
    const literal = LITERAL.exec(text);
    if (literal) {
      i += literal[0].length;
      return { start };
    }
    throw new Stop(`${describe()} where a value was expected`, i);
  };
  try {
    const root = value(0);
    ws();
    if (i < text.length) throw new Stop(`${describe()} after the end of the JSON value`, i);
    return { ok: true, value: JSON.parse(text) as unknown, root, duplicates };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, reason: error.reason, offset: error.offset };
    throw error;
  }
}

/** 1-based line and column (UTF-16 units, as vfile counts) of `offset`, from precomputed line starts. */
export function lineColumn(lineStarts: readonly number[], offset: number): { line: number; column: number; offset: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1, offset };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
