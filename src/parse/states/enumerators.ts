/**
 * Enumerated-list markers (states.py `Body.enum`, `parse_enumerator`,
 * `make_enumerator`) and docutils' bundled roman.py.
 *
 *   "3." -> { format: 'period', sequence: 'arabic', ordinal: 3 }
 *   "(iv)" -> { format: 'parens', sequence: 'lowerroman', ordinal: 4 }
 */
const ENUM_SEQUENCES = ['arabic', 'loweralpha', 'upperalpha', 'lowerroman', 'upperroman'] as const;
const ENUM_SEQ_RE: Record<string, RegExp> = {
  arabic: /^[0-9]+$/,
  loweralpha: /^[a-z]$/,
  upperalpha: /^[A-Z]$/,
  lowerroman: /^[ivxlcdm]+$/,
  upperroman: /^[IVXLCDM]+$/,
};
const FORMAT_INFO: Record<string, { prefix: string; suffix: string }> = {
  parens: { prefix: '(', suffix: ')' },
  rparen: { prefix: '', suffix: ')' },
  period: { prefix: '', suffix: '.' },
};

const ROMAN_RE = /^M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { M: 1000, D: 500, C: 100, L: 50, X: 10, V: 5, I: 1 };
/** roman.fromRoman (docutils' bundled roman.py), null when invalid. */
function fromRoman(s: string): number | null {
  if (!s || !ROMAN_RE.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_VALUES[s[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}
function toRoman(n: number): string | null {
  if (n <= 0 || n >= 5000) return null;
  const table: [string, number][] = [
    ['M', 1000],
    ['CM', 900],
    ['D', 500],
    ['CD', 400],
    ['C', 100],
    ['XC', 90],
    ['L', 50],
    ['XL', 40],
    ['X', 10],
    ['IX', 9],
    ['V', 5],
    ['IV', 4],
    ['I', 1],
  ];
  let out = '';
  for (const [sym, val] of table) {
    while (n >= val) {
      out += sym;
      n -= val;
    }
  }
  return out;
}

export interface Enumerator {
  format: string;
  sequence: string;
  text: string;
  ordinal: number | null;
}

export function parseEnumerator(m: RegExpExecArray, expected: string | null): Enumerator {
  const format = m[1] ? 'parens' : m[2] ? 'rparen' : 'period';
  const whole = (m[1] ?? m[2] ?? m[3] ?? '') as string;
  const text = format === 'parens' ? whole.slice(1, -1) : whole.slice(0, -1);
  let sequence = '';
  if (text === '#') sequence = '#';
  else if (expected) {
    if (ENUM_SEQ_RE[expected]?.test(text)) sequence = expected;
  } else if (text === 'i') sequence = 'lowerroman';
  else if (text === 'I') sequence = 'upperroman';
  if (!sequence) {
    sequence = 'upperroman';
    for (const s of ENUM_SEQUENCES) {
      if (ENUM_SEQ_RE[s]?.test(text)) {
        sequence = s;
        break;
      }
    }
  }
  let ordinal: number | null;
  if (sequence === '#') ordinal = 1;
  else if (sequence === 'arabic') ordinal = parseInt(text, 10);
  else if (sequence === 'loweralpha') ordinal = text.charCodeAt(0) - 96;
  else if (sequence === 'upperalpha') ordinal = text.charCodeAt(0) - 64;
  else if (sequence === 'lowerroman') ordinal = fromRoman(text.toUpperCase());
  else ordinal = fromRoman(text);
  return { format, sequence, text, ordinal };
}

export function makeEnumerator(ordinal: number, sequence: string, format: string): [string, string] | null {
  let e: string;
  if (sequence === '#') e = '#';
  else if (sequence === 'arabic') e = String(ordinal);
  else {
    if (sequence.endsWith('alpha')) {
      if (ordinal > 26) return null;
      e = String.fromCharCode(ordinal + 96);
    } else {
      const r = toRoman(ordinal);
      if (r === null) return null;
      e = r;
    }
    e = sequence.startsWith('lower') ? e.toLowerCase() : e.toUpperCase();
  }
  const fi = FORMAT_INFO[format] ?? { prefix: '', suffix: '.' };
  return [fi.prefix + e + fi.suffix + ' ', fi.prefix + '#' + fi.suffix + ' '];
}
