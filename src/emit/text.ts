/**
 * Text safety for generated files (ECMA-262 §12.3 line terminators, §12.9.4
 * string literals; RFC 8259 §7 strings; Trojan Source, CVE-2021-42574): every
 * piece of documentation text that reaches a generated file goes through one
 * of these functions, so no input can end a comment or a string early, hide
 * code behind bidi overrides, or make output depend on anything but the input.
 */
import { compareCodePoints } from '../order.js';
import type { ServiceModel, SourceRef } from '../model/types.js';

/** Name written into every generated file; also the value of the OpenAPI `x-generated-by` marker. */
export const GENERATOR = 'rst-codegen';

/**
 * Characters that are never written raw: C0 controls (tab and LF are handled
 * separately), DEL, C1 controls, bidi embeddings/overrides/isolates and marks,
 * line/paragraph separators, the BOM, and lone surrogates.
 */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Surrogate}/gu;

const hex4 = (char: string): string => char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/**
 * A single-quoted TypeScript string literal whose value is exactly `value`:
 * `it's` -> `'it\'s'`. Escapes backslash, quote, line terminators, every
 * unsafe character (as `\xNN`/`\uNNNN`) and `</` (as `<\/`); other Unicode
 * (non-Latin scripts, emoji) is kept readable.
 */
export function stringLiteral(value: string): string {
  const body = value.replace(
    /[\\'\n\r\t]|<\/|[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]|\p{Surrogate}/gu,
    (match) => {
      switch (match) {
        case '\\':
          return '\\\\';
        case "'":
          return "\\'";
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
        case '</':
          return '<\\/';
        default: {
          const code = match.charCodeAt(0);
          return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${hex4(match)}`;
        }
      }
    },
  );
  return `'${body}'`;
}

/**
 * Documentation text made safe inside a JSDoc block: line breaks (CR, CRLF,
 * U+2028/U+2029) become LF; a comment terminator (star, slash) gets a
 * backslash between its two characters; `</` becomes `<\/`; every `@`
 * becomes `&#64;` (TypeScript starts a JSDoc tag at an `@` after any
 * whitespace; hovers render `&#64;` as `@`); lone surrogates become U+FFFD;
 * other unsafe characters are shown as `\uXXXX` text; trailing spaces go.
 */
export function docText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\p{Surrogate}/gu, '\uFFFD')
    .replace(UNSAFE, (char) => `\\u${hex4(char)}`)
    .replace(/\*\//g, '*\\/')
    .replace(/<\//g, '<\\/')
    .replace(/@/g, '&#64;')
    .replace(/[ \t]+$/gm, '');
}

/** Text made safe for one `//` comment line: like {@link docText}, with every line break turned into a space. */
export function lineCommentText(text: string): string {
  return docText(text.replace(/\r\n?|[\n\u2028\u2029]/g, ' ')).replace(/\n/g, ' ');
}

/**
 * Stable JSON text: 2-space indent, trailing LF, key order as built by the
 * caller; characters JSON.stringify leaves raw but that are unsafe to show
 * (C1 controls, DEL, bidi controls, U+2028/U+2029, BOM) are written as
 * `\uXXXX`, so `JSON.parse` gives back exactly the same values.
 */
export function toJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2);
  // most specs hold none of these: no copy of the megabytes then
  return `${JSON_UNSAFE_ANY.test(json) ? json.replace(JSON_UNSAFE, (char) => `\\u${hex4(char).toLowerCase()}`) : json}\n`;
}

/**
 * {@link UNSAFE} less what `JSON.stringify` already escapes (C0 controls, lone
 * surrogates: well-formed `JSON.stringify`, ES2019), so without the `u` flag:
 * a plain UTF-16 class, several times faster over the megabytes of a spec.
 */
const JSON_UNSAFE = /[\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const JSON_UNSAFE_ANY = new RegExp(JSON_UNSAFE.source);

/**
 * The RST files an output derives from: the files named by `refs`, in the
 * order of `model.sources` (files not listed there follow, sorted); all of
 * `model.sources` when `refs` names none.
 */
export function sourceFiles(model: ServiceModel, refs: readonly SourceRef[]): string[] {
  const used = new Set(refs.map((ref) => ref.file));
  if (used.size === 0) return [...model.sources];
  const listed = model.sources.filter((file) => used.has(file));
  const known = new Set(model.sources);
  const others = [...used].filter((file) => !known.has(file)).sort(compareCodePoints);
  return [...listed, ...others];
}

/** The do-not-edit sentence of generated JSON files, naming their sources (for a JSON string: {@link toJson} escapes it). */
export function doNotEdit(files: readonly string[]): string {
  const from = files.length === 0 ? '' : ` from ${files.join(', ')}`;
  return `Generated by ${GENERATOR}${from}. Do not edit: change the source and run \`rst-codegen generate\`.`;
}

/** The `//` header lines of a generated TypeScript file: the do-not-edit sentence, then one line per source file. */
export function headerLines(files: readonly string[]): string[] {
  return [
    `Generated by ${GENERATOR}. Do not edit: change the source and run \`rst-codegen generate\`.`,
    ...(files.length === 0 ? [] : ['Sources:', ...files.map((file) => `  ${lineCommentText(file)}`)]),
  ];
}
