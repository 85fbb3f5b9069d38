/**
 * Directive option converters (docutils' parsers/rst/directives/__init__.py):
 * each takes the option's text (null when the field body is empty) and
 * returns the converted value, or throws `OptionValueError` with docutils'
 * exact message, which run.ts wraps as docutils does:
 * "invalid option value: (option: "delim"; value: 'U+110000')\n<message>".
 */
import { pyRepr, pySplit } from '../block-text.js';

export type Convertor = (value: string | null) => unknown;
/** A directive's option_spec: option name -> converter ('any': every option accepted unchanged). */
export type OptionSpec = Readonly<Record<string, Convertor>> | 'any';

/** Python's ValueError raised by a converter. */
export class OptionValueError {
  constructor(readonly message: string) {}
}

export function unchanged(v: string | null): string {
  return v === null ? '' : v;
}

export function unchangedRequired(v: string | null): string {
  if (v === null) throw new OptionValueError('argument required but none supplied');
  return v;
}

export function flag(v: string | null): null {
  if (v && v.trim()) throw new OptionValueError(`no argument is allowed; "${v}" supplied`);
  return null;
}

function pyInt(v: string | null): number {
  if (v === null) throw new OptionValueError("int() argument must be a string, a bytes-like object or a real number, not 'NoneType'");
  const s = v.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) throw new OptionValueError(`invalid literal for int() with base 10: ${pyRepr(v)}`);
  return parseInt(s.replace(/_/g, ''), 10);
}

export function nonnegativeInt(v: string | null): number {
  const n = pyInt(v);
  if (n < 0) throw new OptionValueError('negative value; must be positive or zero');
  return n;
}

export function positiveInt(v: string | null): number {
  const n = pyInt(v);
  if (n < 1) throw new OptionValueError('negative or zero value; must be positive');
  return n;
}

export function positiveIntList(v: string | null): number[] {
  const s = v ?? '';
  const entries = s.includes(',') ? s.split(',') : pySplit(s);
  return entries.map(positiveInt);
}

export function classOption(v: string | null): string[] {
  if (v === null) throw new OptionValueError('argument required but none supplied');
  return pySplit(v);
}

const UNICODE_RE = /^(?:0x|x|\\x|U\+?|\\u)([0-9a-f]+)$|^&#x([0-9a-f]+);$/i;
/** directives.unicode_code. */
function unicodeCode(code: string): string {
  if (/^[0-9]+$/.test(code)) return String.fromCodePoint(Math.min(parseInt(code, 10), 0x10ffff));
  const m = UNICODE_RE.exec(code);
  if (m) return String.fromCodePoint(Math.min(parseInt(m[1] ?? m[2] ?? '0', 16), 0x10ffff));
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

export function valueOr(values: readonly string[], other: Convertor): Convertor {
  return (v) => (v !== null && values.includes(v) ? v : other(v));
}

export function choice(values: readonly string[]): Convertor {
  return (v) => {
    const value = (v ?? '').toLowerCase().trim();
    if (!v) throw new OptionValueError(`must supply an argument; choose from ${formatValues(values)}`);
    if (!values.includes(value)) throw new OptionValueError(`"${v}" unknown; choose from ${formatValues(values)}`);
    return value;
  };
}

function formatValues(values: readonly string[]): string {
  return `${values.slice(0, -1).map((s) => `"${s}"`).join(', ')}, or "${values[values.length - 1]}"`;
}

/** The option_spec most body directives share. */
export const BASIC_OPTIONS: Readonly<Record<string, Convertor>> = { class: classOption, name: unchanged };
