/**
 * The error body a service documents: read from the example literal blocks
 * (`.. code-block::`, `::`) of its code pages, JSON or XML.
 *
 *   .. code-block::                  -> JSON body, code field "errorCode",
 *                                       message field "errorMessage"
 *      { "errorMessage": "Authorization failed.", "errorCode": "CCE.01401001", }
 *
 *   ::                               -> XML body, root element "Error",
 *                                       code field "Code", message field "Message"
 *      <Error><Code>NoSuchKey</Code><Message>...</Message></Error>
 *
 * A block is a body when it is a JSON object (trailing commas and `//`
 * comments forgiven, as docs write them) with a string member named like an
 * error code (`error_code`, `errorCode`, `code`, `Code`...) directly or under
 * one wrapping member (`{"error": {"code": ...}}`), or an XML element with such a
 * child element. Pure; no input throws; block sizes are bounded.
 */
import { setOwn } from './own.js';
import type { RstBlock, RstRoot } from '../parse/types.js';
import type { ErrorBody, SourceRef } from './types.js';

/** Blocks longer than this are not read as a body (examples are a few lines). */
const MAX_BLOCK = 20_000;
const CODE_KEY = /^(?:error[_-]?code|err[_-]?code|code|errorcode)$/i;
const MESSAGE_KEY = /^(?:error[_-]?)?(?:msg|message|description)$|message$/i;

function* literalBlocks(blocks: readonly RstBlock[], depth = 0): Generator<{ text: string; line: number; column: number }> {
  if (depth > 50) return;
  for (const block of blocks) {
    if (block.type === 'literalBlock') yield { text: block.text, line: block.position.start.line, column: block.position.start.column };
    if ('children' in block && Array.isArray(block.children)) yield* literalBlocks(block.children as RstBlock[], depth + 1);
  }
}

/** JSON as docs write it: trailing commas before `}`/`]` and whole-line `//` comments dropped, outside strings. */
function lenientJson(text: string): unknown {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (inString) {
      out += ch;
      if (ch === '\\') out += text[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    } else if (ch === ',') {
      let j = i + 1;
      while (j < text.length && /\s/.test(text[j] ?? '')) j++;
      if (text[j] === '}' || text[j] === ']') continue;
    }
    out += ch;
  }
  try {
    return JSON.parse(out) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body shape of a JSON example, or null when it is not an error body. */
function jsonBody(value: unknown): Omit<ErrorBody, 'sources'> | null {
  if (!isObject(value)) return null;
  const direct = Object.keys(value).find((key) => CODE_KEY.test(key) && typeof value[key] === 'string');
  if (direct !== undefined) {
    return {
      mediaType: 'application/json',
      wrapper: null,
      root: null,
      codeField: direct,
      messageField: Object.keys(value).find((key) => MESSAGE_KEY.test(key) && typeof value[key] === 'string') ?? null,
      fields: Object.keys(value),
      examples: [value],
    };
  }
  const keys = Object.keys(value);
  const wrapper = keys.length === 1 ? keys[0] : undefined;
  const inner = wrapper === undefined ? undefined : value[wrapper];
  if (wrapper === undefined || !isObject(inner)) return null;
  const nested = jsonBody(inner);
  return nested === null ? null : { ...nested, wrapper, examples: [value] };
}

const XML_ELEMENT = /<([A-Za-z_][\w.-]{0,100})>([^<]{0,5000})<\/\1>/g;
const XML_ROOT = /^(?:<\?xml[^>]{0,200}\?>\s*)?<([A-Za-z_][\w.-]{0,100})>([\s\S]*)<\/\1>\s*$/;

/** The body shape of an XML example (a root element with text-only children), or null. */
function xmlBody(text: string): Omit<ErrorBody, 'sources'> | null {
  const root = XML_ROOT.exec(text.trim());
  if (!root) return null;
  const children: Record<string, string> = {};
  for (const match of (root[2] ?? '').matchAll(XML_ELEMENT)) {
    const [, name = '', value = ''] = match;
    if (!Object.hasOwn(children, name)) setOwn(children, name, value.replace(/\s*\n\s*/g, ''));
  }
  const codeField = Object.keys(children).find((key) => CODE_KEY.test(key));
  if (codeField === undefined) return null;
  return {
    mediaType: 'application/xml',
    wrapper: null,
    root: root[1] ?? 'Error',
    codeField,
    messageField: Object.keys(children).find((key) => MESSAGE_KEY.test(key)) ?? null,
    fields: Object.keys(children),
    examples: [children],
  };
}

/**
 * The documented error body of a service's pages: the first example block
 * that is one; later examples of the same shape (media type, code field) are
 * kept as further examples. Null when no page shows one (or the pages were
 * parsed without their document tree and without `literalBlocks`).
 */
export function readErrorBody(pages: readonly { path: string; root: RstRoot }[]): ErrorBody | null {
  let body: ErrorBody | null = null;
  for (const page of pages) {
    const document = page.root.document;
    const blocks = page.root.literalBlocks ?? (document ? literalBlocks(document.children) : []);
    for (const block of blocks) {
      if (block.text.length > MAX_BLOCK) continue;
      const trimmed = block.text.trim();
      const shape = trimmed.startsWith('<') ? xmlBody(trimmed) : trimmed.startsWith('{') ? jsonBody(lenientJson(trimmed)) : null;
      if (shape === null) continue;
      const source: SourceRef = { file: page.path, line: block.line, column: block.column };
      if (body === null) body = { ...shape, sources: [source] };
      else if (body.mediaType === shape.mediaType && body.codeField === shape.codeField && body.wrapper === shape.wrapper) {
        body.examples.push(...shape.examples);
        body.sources.push(source);
      }
    }
  }
  return body;
}
