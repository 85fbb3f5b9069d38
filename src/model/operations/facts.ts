/**
 * Facts read from a parameter row's cells, conservatively: the mandatory
 * flag, and from the description only what it states plainly: a default
 * ("The default value is **300**"), a numeric range ("ranges from 1 to
 * 65535"), a length ("1 to 64 characters", "cannot exceed 255 characters"),
 * and an enumeration ("The value can be **A** or **B**", "Options: …", a
 * bullet list of `**VALUE**: meaning`). A list introduced by "for example",
 * "such as" or "e.g." is never an enumeration.
 *
 * Every regex is linear; inputs are clipped.
 */
import type { JsonType, Schema } from './types.js';

const MAX_TEXT = 20_000;

/** `Yes`, `Mandatory`, `Required`, `true` -> true; `No`, `Optional` -> false; else null. */
export function readMandatory(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (/^(?:yes|y|true|mandatory|required|m|是)\b/.test(t)) return true;
  if (/^(?:no|n|false|optional|o|conditional|conditionally|否|-|n\/a)(?:\b|$)/.test(t)) return false;
  return null;
}

/** `Type: string` / `Type: container` in an element description (object storage's element tables). */
export function typeFromDescription(text: string): string | null {
  const m = /(?:^|\n)\s*Type\s*:\s*([A-Za-z][\w <>,]*?)\s*(?:\n|$|\.\s)/.exec(text.slice(0, MAX_TEXT));
  return m ? m[1]! : null;
}

const strongValues = (raw: string): string[] =>
  [...raw.slice(0, MAX_TEXT).matchAll(/\*\*([^*\n]{1,80})\*\*|``([^`\n]{1,80})``/g)].map((m) => (m[1] ?? m[2]!).trim());

const NOT_ENUM = /\b(?:for example|e\.g\.|such as|example|including but not limited|includes but is not limited|for instance|etc\.?)\b/i;

/** The enum values the description states, typed for `type`; null when it states none plainly. */
export function readEnum(description: string, raw: string, type: JsonType | undefined): Array<string | number> | null {
  if (type === 'boolean' || type === 'object' || type === 'array' || type === undefined) return null;
  const text = raw.slice(0, MAX_TEXT);
  // Both readings take values written **bold** or ``literal``: without either, there is none.
  if (!text.includes('**') && !text.includes('``')) return null;
  let values: string[] | null = null;
  // A bullet list whose every item starts with a bold value: `-  **VALUE**: meaning` / `-  **VALUE** (default): …`.
  const bullets = [...text.matchAll(/^[ \t]*[-*+][ \t]+(.*)$/gm)].map((m) => m[1]!);
  if (bullets.length >= 2 && !NOT_ENUM.test(textBeforeFirstBullet(text))) {
    const heads = bullets.map(
      (b) => /^\*\*([^*]{1,60})\*\*\s*(?:\([^)]{0,40}\))?\s*[:：,-]/.exec(b)?.[1]?.trim() ?? /^``([^`]{1,60})``\s*[:：,-]/.exec(b)?.[1]?.trim(),
    );
    if (heads.every((h) => h !== undefined)) values = heads as string[];
  }
  if (!values) {
    // One sentence: "The value can be **A**, **B**, or **C**." / "Options: **A**, **B**" / "Enumerated values: A, B".
    for (const sentence of text.split(/(?<=[.;])\s+|\n\s*\n/)) {
      const lead =
        /^(?:.{0,80}?\b(?:the value can be|the value is|value range|values?|options?|enumerated values?|possible values?|valid values?|the value must be|can be set to|value options?|the options are|available values?)\b(?: one of| either| any of)?\s*(?:is|are)?\s*[:：]?)\s*(.*)$/i.exec(
          sentence.replace(/\s+/g, ' '),
        );
      if (!lead || NOT_ENUM.test(sentence)) continue;
      const rest = lead[1]!;
      const vals = strongValues(rest);
      const skeleton = rest.replace(/\*\*[^*]{1,80}\*\*|``[^`]{1,80}``/g, 'V').replace(/[.\s]+$/, '');
      if (vals.length >= 2 && /^V(?:\s*(?:,|or|and|\/|, or|, and)\s*V)*$/.test(skeleton)) {
        values = vals;
        break;
      }
    }
  }
  if (!values || values.length < 2 || values.length > 200) return null;
  if (new Set(values).size !== values.length) return null;
  if (type === 'integer' || type === 'number') {
    const nums = values.map(Number);
    if (nums.some((n) => !Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n)))) return null;
    return nums;
  }
  return values;
}

function textBeforeFirstBullet(text: string): string {
  const i = text.search(/^[ \t]*[-*+][ \t]+/m);
  return i < 0 ? text : text.slice(Math.max(0, i - 300), i);
}

/** Default, range and length from the description, applied to `schema` (a scalar schema) in place of nothing: returns the keywords to add. */
export function readLimits(description: string, raw: string, type: JsonType | undefined): Partial<Schema> {
  const out: Partial<Schema> = {};
  // Each reading needs a word the text may not have (a digit, `characters`, `default`): the text is flattened only when it does.
  const clipped = description.slice(0, MAX_TEXT);
  const rawClipped = raw.slice(0, MAX_TEXT);
  const hasDefault = /default/i.test(clipped) || /default/i.test(rawClipped);
  const numeric = (type === 'integer' || type === 'number') && /\d/.test(clipped);
  const sized = type === 'string' && /\d/.test(clipped) && /char|byte/i.test(clipped);
  if (!hasDefault && !numeric && !sized) return out;
  const text = clipped.replace(/\s+/g, ' ');
  if (numeric) {
    const range =
      /\b(?:ranges?|range is|range:|value range|values? (?:range|ranging))\s*(?:is|:)?\s*(?:from)?\s*\[?\s*(-?\d+(?:\.\d+)?)\s*(?:to|-|~|,)\s*(-?\d+(?:\.\d+)?)\b/i.exec(
        text,
      ) ?? /\bfrom (-?\d+(?:\.\d+)?) to (-?\d+(?:\.\d+)?)\b/i.exec(text);
    if (range) {
      const lo = Number(range[1]);
      const hi = Number(range[2]);
      if (Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi && (type === 'number' || (Number.isInteger(lo) && Number.isInteger(hi)))) {
        out.minimum = lo;
        out.maximum = hi;
      }
    }
  }
  if (sized) {
    const both = /\b(\d{1,6}) to (\d{1,6}) (?:characters|bytes|chars)\b/i.exec(text);
    const most =
      /\b(?:cannot exceed|can contain a maximum of|contains? a maximum of|a maximum of|contain up to|up to|at most|no more than|not exceed|maximum length(?: is)?(?: of)?)\s*(\d{1,6}) (?:characters|chars)\b/i.exec(
        text,
      );
    if (both && Number(both[1]) <= Number(both[2])) {
      out.minLength = Number(both[1]);
      out.maxLength = Number(both[2]);
    } else if (most) out.maxLength = Number(most[1]);
  }
  const flatRaw = hasDefault ? rawClipped.replace(/\s+/g, ' ') : '';
  const def = hasDefault
    ? (/\b(?:the default value is|defaults? to|default value:|default:|by default, the value is|the value defaults to)\s*\*\*([^*]{1,60})\*\*/i.exec(flatRaw) ??
      /\b(?:the default value is|defaults? to|default value:|default:)\s*([A-Za-z0-9_.-]{1,40})\s*(?:[.,;]|$)/i.exec(text))
    : null;
  if (def && !conditional(def.input, def.index, def.index + def[0].length)) {
    const value = def[1]!.trim().replace(/^["'`]+|["'`]+$/g, '');
    if (type === 'integer' || type === 'number') {
      const n = Number(value);
      if (value !== '' && Number.isFinite(n) && (type === 'number' || Number.isInteger(n))) out.default = n;
    } else if (type === 'boolean') {
      if (/^(?:true|false)$/i.test(value)) out.default = value.toLowerCase() === 'true';
    } else if (type === 'string' && !/^(?:null|none|empty|blank|not specified)$/i.test(value)) out.default = value;
  }
  if (out.default !== undefined && typeof out.default === 'number') {
    if ((out.minimum !== undefined && out.default < out.minimum) || (out.maximum !== undefined && out.default > out.maximum)) delete out.default;
  }
  if (typeof out.default === 'string') {
    if ((out.maxLength !== undefined && out.default.length > out.maxLength) || (out.minLength !== undefined && out.default.length < out.minLength))
      delete out.default;
  }
  return out;
}

/**
 * Whether the sentence holding a default (`input[start, end)`) makes it conditional: "… **ENCRYPT_DECRYPT**
 * for a symmetric key and **SIGN_VERIFY** for an asymmetric key", "If X is set, the default is …", or a
 * default that names another field (`the value of **other_field**`).
 */
function conditional(input: string, start: number, end: number): boolean {
  const before = input.slice(Math.max(0, start - 300), start);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const after = input.slice(end, end + 300);
  const stop = after.search(/\.(?:\s|$)|;/);
  const sentence = `${from >= 0 ? before.slice(from + 2) : before} \u0000 ${stop >= 0 ? after.slice(0, stop) : after}`;
  return /\b(?:for|if|when|unless|depending|otherwise|depends|based on|same as|value of)\b/i.test(sentence);
}
