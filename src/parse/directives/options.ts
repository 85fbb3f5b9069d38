/**
 * Directive option converters, ported from docutils 0.19's
 * parsers/rst/directives/__init__.py for the whole range of values: each
 * takes the option's text (null when the field body is empty) and returns
 * the converted value, or throws `OptionValueError` with the text of the
 * exception docutils' converter raises; run.ts wraps it as docutils does:
 *
 *   :delim: U+110000   ->  invalid option value: (option: "delim"; value: 'U+110000')
 *                          chr() arg not in range(0x110000)
 *
 * Integers are `bigint` (Python's are unbounded, and docutils prints them).
 * Where docutils itself would crash (an AttributeError escaping its parser,
 * e.g. `:delim:` with no value), the converter keeps going without a message.
 */
import { pyInt, pyRepr, pySplit, pySplitlines, pyStrip } from '../block-text.js';
import { isPythonEncoding } from './encodings.js';

export type Convertor = (value: string | null) => unknown;
/** A directive's option_spec: option name -> converter ('any': every option accepted unchanged). */
export type OptionSpec = Readonly<Record<string, Convertor>> | 'any';

/** The ValueError or TypeError a converter raises (its message). */
export class OptionValueError {
  constructor(readonly message: string) {}
}

const REQUIRED = 'argument required but none supplied';

/** Python `int(value)` (the converter some option specs name directly). */
export function integer(v: string | null): bigint {
  if (v === null) throw new OptionValueError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
  const n = pyInt(v);
  if (typeof n === 'string') throw new OptionValueError(n);
  return n;
}

export function unchanged(v: string | null): string {
  return v ?? '';
}

export function unchangedRequired(v: string | null): string {
  if (v === null) throw new OptionValueError(REQUIRED);
  return v;
}

/** directives.path: the lines stripped and joined. */
export function path(v: string | null): string {
  if (v === null) throw new OptionValueError(REQUIRED);
  return pySplitlines(v).map(pyStrip).join('');
}

/** directives.uri: whitespace removed (escaped whitespace aside, which this port does not keep apart). */
export function uri(v: string | null): string {
  if (v === null) throw new OptionValueError(REQUIRED);
  return pySplit(v).join('');
}

export function flag(v: string | null): null {
  if (v && pyStrip(v)) throw new OptionValueError(`no argument is allowed; "${v}" supplied`);
  return null;
}

export function nonnegativeInt(v: string | null): bigint {
  const n = integer(v);
  if (n < 0n) throw new OptionValueError('negative value; must be positive or zero');
  return n;
}

function positiveInt(v: string | null): bigint {
  const n = integer(v);
  if (n < 1n) throw new OptionValueError('negative or zero value; must be positive');
  return n;
}

/** directives.percentage: a nonnegative integer, a trailing `%` allowed. */
export function percentage(v: string | null): bigint {
  return nonnegativeInt(v === null ? null : v.replace(/[ %]+$/, ''));
}

export function positiveIntList(v: string | null): bigint[] {
  if (v === null) throw new OptionValueError("argument of type 'NoneType' is not iterable");
  const entries = v.includes(',') ? v.split(',') : pySplit(v);
  return entries.map(positiveInt);
}

const LENGTH_UNITS = ['em', 'ex', 'px', 'in', 'cm', 'mm', 'pt', 'pc'];

/** directives.get_measure: `<number><unit>`, or null where docutils raises. */
function measure(v: string, units: readonly string[]): string | null {
  const m = /^([0-9.]+) *([a-z%]*)$/.exec(v);
  if (!m || !units.includes(m[2] ?? '') || !/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(m[1] ?? '')) return null;
  return (m[1] ?? '') + (m[2] ?? '');
}

function measureError(units: readonly string[]): OptionValueError {
  return new OptionValueError(`not a positive measure of one of the following units:\n${units.map((u) => `"${u}"`).join(' ')}`);
}

function requireString(v: string | null): string {
  if (v === null) throw new OptionValueError("expected string or bytes-like object, got 'NoneType'");
  return v;
}

/** directives.length_or_unitless. */
export function lengthOrUnitless(v: string | null): string {
  const units = [...LENGTH_UNITS, ''];
  const r = measure(requireString(v), units);
  if (r === null) throw measureError(units);
  return r;
}

/** directives.length_or_percentage_or_unitless, with docutils' `default` unit for a bare number. */
export function lengthOrPercentageOrUnitless(v: string | null, unit = ''): string {
  const s = requireString(v);
  const units = [...LENGTH_UNITS, '%'];
  const r = measure(s, units);
  if (r !== null) return r;
  const bare = measure(s, ['']);
  if (bare !== null) return bare + unit;
  throw measureError(units);
}

const NON_ID_TRANSLATE: Readonly<Record<string, string>> = {
  '\u00f8': 'o',
  '\u0111': 'd',
  '\u0127': 'h',
  '\u0131': 'i',
  '\u0142': 'l',
  '\u0167': 't',
  '\u0180': 'b',
  '\u0183': 'b',
  '\u0188': 'c',
  '\u018c': 'd',
  '\u0192': 'f',
  '\u0199': 'k',
  '\u019a': 'l',
  '\u019e': 'n',
  '\u01a5': 'p',
  '\u01ab': 't',
  '\u01ad': 't',
  '\u01b4': 'y',
  '\u01b6': 'z',
  '\u01e5': 'g',
  '\u0225': 'z',
  '\u0234': 'l',
  '\u0235': 'n',
  '\u0236': 't',
  '\u0237': 'j',
  '\u023c': 'c',
  '\u023f': 's',
  '\u0240': 'z',
  '\u0247': 'e',
  '\u0249': 'j',
  '\u024b': 'q',
  '\u024d': 'r',
  '\u024f': 'y',
  // digraphs
  '\u00df': 'sz',
  '\u00e6': 'ae',
  '\u0153': 'oe',
  '\u0238': 'db',
  '\u0239': 'qp',
};

/** nodes.make_id: an identifier `[a-z](-?[a-z0-9]+)*` made of `name`, possibly empty. */
function makeId(name: string): string {
  let id = '';
  for (const ch of name.toLowerCase()) id += NON_ID_TRANSLATE[ch] ?? ch;
  id = id.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  return pySplit(id)
    .join(' ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
}

/** directives.class_option: the words as class names. */
export function classOption(v: string | null): string[] {
  if (v === null) throw new OptionValueError(REQUIRED);
  return pySplit(v).map((name) => {
    const id = makeId(name);
    if (!id) throw new OptionValueError(`cannot make "${name}" into a class name`);
    return id;
  });
}

/** Python's `str.isdigit()` beyond the decimal digits: superscripts, circled digits... (Numeric_Type=Digit). */
const OTHER_DIGIT_RE =
  /^[\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]$/u;
const DECIMAL_RE = /^\p{Nd}$/u;
const UNICODE_RE = /^(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|^&#x([0-9a-f]+);$/i;

/** Python `chr(n)` for n >= 0, with Python's errors. */
function chr(n: bigint): string {
  if (n < 0x110000n) return String.fromCodePoint(Number(n));
  if (n <= 0x7fffffffn) throw new OptionValueError('chr() arg not in range(0x110000)');
  // OverflowError, which unicode_code turns into a ValueError
  throw new OptionValueError('code too large (Python int too large to convert to C int)');
}

/** directives.unicode_code: a decimal or hexadecimal character code, else the text as it is. */
function unicodeCode(code: string): string {
  if (code !== '' && [...code].every((c) => DECIMAL_RE.test(c) || OTHER_DIGIT_RE.test(c))) return chr(integer(code));
  const m = UNICODE_RE.exec(code);
  if (m) return chr(BigInt(`0x${m[1] ?? m[2] ?? '0'}`));
  return code;
}

export function singleCharOrUnicode(v: string | null): string {
  const s = unicodeCode(v ?? '');
  if ([...s].length > 1) throw new OptionValueError(`${pyRepr(s)} invalid; must be a single character or a Unicode code`);
  return s;
}

export function singleCharOrWhitespaceOrUnicode(v: string | null): string {
  if (v === 'tab') return '\t';
  if (v === 'space') return ' ';
  return singleCharOrUnicode(v);
}

/** directives.encoding: a name `codecs.lookup` knows. */
export function encoding(v: string | null): string {
  if (v === null) throw new OptionValueError('lookup() argument must be str, not None');
  if (!isPythonEncoding(v)) throw new OptionValueError(`unknown encoding: "${v}"`);
  return v;
}

export function valueOr(values: readonly string[], other: Convertor): Convertor {
  return (v) => (v !== null && values.includes(v) ? v : other(v));
}

/** directives.choice: one of `values`, case and surrounding whitespace ignored. */
export function choice(values: readonly string[]): Convertor {
  return (v) => {
    if (v === null) throw new OptionValueError(`must supply an argument; choose from ${formatValues(values)}`);
    const value = pyStrip(v.toLowerCase());
    if (!values.includes(value)) throw new OptionValueError(`"${v}" unknown; choose from ${formatValues(values)}`);
    return value;
  };
}

function formatValues(values: readonly string[]): string {
  return `${values
    .slice(0, -1)
    .map((s) => `"${s}"`)
    .join(', ')}, or "${values[values.length - 1]}"`;
}

const RST_PARSERS = new Set(['null', 'rst', 'restructuredtext', 'rest', 'restx', 'rtxt']);

/**
 * directives.parser_name: docutils imports the parser's module; here the
 * reStructuredText and null parsers exist, the Markdown ones are not
 * installed, and any other name is a module that is not there.
 */
export function parserName(v: string | null): string | null {
  if (!v) return null;
  const name = v.toLowerCase();
  if (RST_PARSERS.has(name)) return name;
  if (name === 'markdown' || name === 'commonmark') {
    throw new OptionValueError(
      `Parser "${v}" not found. Parsing "CommonMark" requires one of the packages\n('pycmark', 'myst', 'recommonmark') available at https://pypi.org`,
    );
  }
  const module = name === 'myst' ? 'myst_parser' : (name.split('.')[0] ?? name);
  throw new OptionValueError(`Parser "${v}" not found. No module named '${module}'`);
}

/** The option_spec most body directives share. */
export const BASIC_OPTIONS: Readonly<Record<string, Convertor>> = { class: classOption, name: unchanged };
