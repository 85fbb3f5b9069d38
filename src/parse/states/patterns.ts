/**
 * The body transitions of docutils' `Body` state (states.py `Body.patterns`
 * and `Body.initial_transitions`), in docutils' order, and the one
 * transition each specialized body state (BulletList, FieldList...) accepts.
 */
import type { StateName } from '../context.js';

const ENUM = '(?:[0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)';
export const PATTERNS = {
  bullet: /^[-+*\u2022\u2023\u2043](?: +|$)/,
  enumerator: new RegExp(`^(?:(\\(${ENUM}\\))|(${ENUM}\\))|(${ENUM}\\.))(?: +|$)`),
  field_marker: /^:(?![: ])(?:[^:\\]|\\.|:(?!(?:[ `]|$)))*(?<! ):(?: +|$)/,
  option_marker: (() => {
    const optarg = '(?:[a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)';
    const shortopt = `(?:-|\\+)[a-zA-Z0-9](?: ?${optarg})?`;
    const longopt = `(?:--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*(?:[ =]${optarg})?`;
    const option = `(?:${shortopt}|${longopt})`;
    return new RegExp(`^${option}(?:, ${option})*(?:  +| ?$)`);
  })(),
  doctest: /^>>>(?: +|$)/,
  line_block: /^\|( +|$)/,
  grid_table_top: /^\+-[-+]+-\+ *$/,
  simple_table_top: linear((s) => /^=[= ]*$/.test(s) && s.includes(' =')),
  explicit_markup: /^\.\.(?: +|$)/,
  anonymous: /^__(?: +|$)/,
  line: linear(isUniformLine),
} as const;

/**
 * docutils' `line` pattern, `^([!-/:-@[-`{-~])\1* *$` (one punctuation
 * character repeated, then spaces), without a regular expression: V8 runs
 * the back-reference loop `\1*` with one backtracking frame per character,
 * so a line of millions of `=` overflowed its stack.
 */
function isUniformLine(s: string): boolean {
  const c = s.charCodeAt(0);
  const punct = (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  if (!punct) return false;
  let i = 1;
  while (i < s.length && s.charCodeAt(i) === c) i++;
  while (i < s.length && s.charCodeAt(i) === 32) i++;
  return i === s.length;
}

/**
 * A pattern as a linear test, for `matchBody` (which needs `exec`): the
 * regular expressions with a repeated group (`^=+(?: +=+)+ *$`: docutils'
 * simple table top) or a back-reference loop push one backtracking frame per
 * repetition in V8 and overflow on a line of millions of `= `.
 */
function linear(test: (s: string) => boolean): { test(s: string): boolean; exec(s: string): RegExpExecArray | null } {
  return {
    test,
    exec: (s) => {
      if (!test(s)) return null;
      const m = [s] as unknown as RegExpExecArray;
      m.index = 0;
      m.input = s;
      return m;
    },
  };
}

export type BodyTransition = keyof typeof PATTERNS | 'text';
const BODY_ORDER: readonly BodyTransition[] = [
  'bullet',
  'enumerator',
  'field_marker',
  'option_marker',
  'doctest',
  'line_block',
  'grid_table_top',
  'simple_table_top',
  'explicit_markup',
  'anonymous',
  'line',
  'text',
];

/** The one transition each specialized body state accepts. */
export const SPECIALIZED: Partial<Record<StateName, BodyTransition>> = {
  BulletList: 'bullet',
  DefinitionList: 'text',
  EnumeratedList: 'enumerator',
  FieldList: 'field_marker',
  ExtensionOptions: 'field_marker',
  OptionList: 'option_marker',
  LineBlock: 'line_block',
  Explicit: 'explicit_markup',
};

/**
 * The characters each body pattern can start with (read off the patterns
 * above). A line whose first character is not among them cannot match, so
 * the regular expression is not run: most lines are text, and would
 * otherwise go through eleven failing patterns.
 */
const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const FIRST_CHARS: Readonly<Record<Exclude<BodyTransition, 'text'>, string>> = {
  bullet: '-+*\u2022\u2023\u2043',
  enumerator: '(#0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ',
  field_marker: ':',
  option_marker: '-+/',
  doctest: '>',
  line_block: '|',
  grid_table_top: '+',
  simple_table_top: '=',
  explicit_markup: '.',
  anonymous: '_',
  line: ASCII_PUNCTUATION,
};

export function matchBody(line: string, only: readonly BodyTransition[] | null): { name: BodyTransition; m: RegExpExecArray | null } {
  const first = line.charAt(0);
  for (const name of only ?? BODY_ORDER) {
    if (name === 'text') return { name, m: null };
    if (first !== '' && !FIRST_CHARS[name].includes(first)) continue;
    const m = PATTERNS[name].exec(line);
    if (m) return { name, m };
  }
  return { name: 'text', m: null };
}
