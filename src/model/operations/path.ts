/**
 * Reads the request line of an operation page: the method and the path
 * template, in every form the docs write it.
 *
 *   GET /v2/{project_id}/zones                          bare line (under `URI`, `-  URI format`, in a code block)
 *   POST https://{*Endpoint*}/v3/auth/tokens            full URL; scheme, host and inline markup removed
 *   GET /v2/zones?type={type}&limit={limit}             query string -> query parameters `type`, `limit`
 *   PUT /?acl HTTP/1.1  +  Host: bucket.obs.example.com S3-style request line; `?acl` (no `=`) is a sub-resource
 *                                                       and stays in the path key (`/?acl`), as AWS's S3 spec does;
 *                                                       a literal object key (`/ObjectName`) becomes `/{ObjectName}`
 *   PATH: /v1.0/{project_id}/instances  +  Method: GET  separate lines, in either order
 *   URI: POST /v1/{project_id}/things                   a short label before the request line
 *   | Method | URI |  table  GET | /v1/things          a table with a method column and a URI / path / URL column
 *
 * Pure string functions; every regex is linear (no nested quantifiers).
 */
import type { HttpMethod } from './types.js';

export interface RequestLine {
  method: HttpMethod;
  /** The path key: starts with `/`, no host, no markup; sub-resources (`?acl`) kept, query parameters removed. */
  path: string;
  /** Query parameters written in the URI (`limit` of `?limit={limit}`), in order, unique. */
  query: string[];
  /**
   * S3 style (an `HTTP/1.1` request line with a `Host:` header in the same block): the bucket is in the host and
   * the path is the object key, so a literal path (`/ObjectName`) is a placeholder.
   */
  s3?: true;
  /** Placeholders renamed to match an equally shaped path of the service (`id` -> `volume_id`): the docs' name -> the key's. */
  renamed?: Record<string, string>;
}

export type LineReading = { kind: 'line'; line: RequestLine } | { kind: 'unreadable'; method: string; text: string } | { kind: 'none' };

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'] as const;
const METHOD_LINE = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE)[ \t]+(\S.*)$/;
/**
 * `URI: POST /v1/x`, `Request line: GET /v2/y`: a label that names a request (its last word uri, url, path,
 * request, endpoint, api, line, syntax or format), a colon, then a request line with nothing after the target
 * but an `HTTP/1.1` (`Note: GET /v1/x is deprecated` is prose).
 */
const LABELLED_LINE =
  /^(?:[A-Za-z]{1,20}[ \t]){0,3}(?:uri|url|path|request|endpoint|api|line|syntax|format)s?[ \t]*:[ \t]*(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|TRACE)[ \t]+(\S+(?:[ \t]+HTTP\/\d(?:\.\d)?)?)[ \t]*$/i;
const PATH_LINE = /^(?:PATH|URI|URL|Path)[ \t]*:[ \t]*(\S.*)$/;
const METHOD_FIELD = /^(?:Method|METHOD|HTTP method|Request method)[ \t]*:[ \t]*([A-Za-z]+)\s*$/;
const MAX_LINE = 2000;

/** Removes RST inline markup around a URL: `**`, `*`, backquotes, escapes, `:literal:` roles, trailing punctuation. */
function stripMarkup(text: string): string {
  return text
    .replace(/:[a-z-]+:`/g, '`')
    .replace(/\\(.)/g, '$1')
    .replace(/[*`]/g, '')
    .trim();
}

/** Reads one line of text (already split; markup allowed). */
export function readMethodLine(raw: string): LineReading {
  const text = stripMarkup(raw.length > MAX_LINE ? raw.slice(0, MAX_LINE) : raw);
  const plain = METHOD_LINE.exec(text);
  const match = plain ?? LABELLED_LINE.exec(text);
  if (!match) return { kind: 'none' };
  const method = match[1]!;
  const line = toRequestLine(method, match[2]!);
  // A labelled line counts only when it reads (`Note: DELETE requests cannot be undone.` is prose).
  return line ? { kind: 'line', line } : plain ? { kind: 'unreadable', method, text } : { kind: 'none' };
}

/** Reads `PATH: /x` + `Method: GET` lines (in any order) from the lines of one block. */
export function readPathMethodLines(lines: readonly string[]): LineReading {
  let pathText: string | undefined;
  let method: string | undefined;
  for (const raw of lines) {
    const text = stripMarkup(raw.slice(0, MAX_LINE));
    const p = PATH_LINE.exec(text);
    if (p && pathText === undefined) pathText = p[1]!;
    const m = METHOD_FIELD.exec(text);
    if (m && method === undefined) method = m[1]!.toUpperCase();
  }
  if (method === undefined || !(METHODS as readonly string[]).includes(method)) return { kind: 'none' };
  if (pathText === undefined) return { kind: 'unreadable', method, text: lines.join(' ') };
  const line = toRequestLine(method, pathText);
  return line ? { kind: 'line', line } : { kind: 'unreadable', method, text: pathText };
}

/**
 * A request line from a table with a method column and a URI / path / URL column (header texts, lower case):
 * its one body row that reads; `none` when the header has no such pair, or when rows name several
 * different operations (an overview of a service's APIs documents none of them).
 */
export function readRequestTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): LineReading {
  const methodCol = header.findIndex((h) => /^(?:http )?(?:request )?method$/.test(h));
  const pathCol = header.findIndex((h) => /^(?:request )?(?:uri|url|path)(?: format)?$/.test(h));
  if (methodCol < 0 || pathCol < 0) return { kind: 'none' };
  let unreadable: LineReading | undefined;
  let found: RequestLine | undefined;
  for (const row of rows.slice(0, 200)) {
    const method = stripMarkup(row[methodCol] ?? '').toUpperCase();
    if (!(METHODS as readonly string[]).includes(method)) continue;
    const target = stripMarkup((row[pathCol] ?? '').slice(0, MAX_LINE));
    const line = toRequestLine(method, target);
    if (!line) unreadable ??= { kind: 'unreadable', method, text: target };
    else if (!found) found = line;
    else if (found.method !== line.method || found.path !== line.path) return { kind: 'none' };
  }
  return found ? { kind: 'line', line: found } : (unreadable ?? { kind: 'none' });
}

/** `https://{Endpoint}/v1/x?limit={limit} HTTP/1.1` -> `/v1/x` + query `limit`; null when no path can be read. */
export function toRequestLine(method: string, target: string): RequestLine | null {
  let url = target.trim().split(/[ \t]+/)[0] ?? '';
  url = url.replace(/[.,;:]+$/, '');
  // Scheme and host (`https://{Endpoint}`, `https://iam.example.com:443`), or a bare host placeholder (`{endpoint}/v1`).
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/.exec(url);
  if (scheme) url = url.slice(scheme[0].length);
  else if (!url.startsWith('/') && /^\{[^}/]*\}\//.test(url)) url = url.slice(url.indexOf('/'));
  if (url === '') url = '/';
  if (!url.startsWith('/')) return null;
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  const q = url.indexOf('?');
  let path = q >= 0 ? url.slice(0, q) : url;
  const queryText = q >= 0 ? url.slice(q + 1) : '';
  if (!validTemplate(path)) return null;
  const query: string[] = [];
  const subResources: string[] = [];
  for (const item of queryText.split('&')) {
    if (item === '') continue;
    const eq = item.indexOf('=');
    const name = (eq >= 0 ? item.slice(0, eq) : item).replace(/^\{(.*)\}$/, '$1');
    if (!/^[A-Za-z0-9_.\-[\]]+$/.test(name)) continue;
    if (eq >= 0) {
      if (!query.includes(name)) query.push(name);
    } else if (!subResources.includes(name)) subResources.push(name);
  }
  path = path.replace(/\/{2,}/g, '/');
  if (subResources.length > 0) path = `${path}?${subResources.join('&')}`;
  return { method: method.toLowerCase() as HttpMethod, path, query };
}

/** A path template: `/`-led, balanced non-nested braces with non-empty names, no whitespace or quotes. */
function validTemplate(path: string): boolean {
  if (!/^\/[^\s"'<>\\^|]*$/.test(path)) return false;
  let open = false;
  let name = 0;
  for (const ch of path) {
    if (ch === '{') {
      if (open) return false;
      open = true;
      name = 0;
    } else if (ch === '}') {
      if (!open || name === 0) return false;
      open = false;
    } else if (open) {
      if (ch === '/') return false;
      name++;
    }
  }
  return !open;
}

/** A `Host:` header whose first label names a bucket (`bucketname.obs...`, `examplebucket.s3...`, `{bucket}.x`). */
const BUCKET_HOST = /^[ \t]*Host[ \t]*:[ \t]*(?:[\w-]*bucket[\w-]*|\{[^{}\s]{1,64}\}|<[^<>\s]{1,64}>)\./im;
const HTTP_VERSION = /[ \t]HTTP\/\d(?:\.\d)?[ \t]*$/m;
const JSON_CONTENT = /^[ \t]*Content-Type[ \t]*:[ \t]*application\/\S*json/im;

/**
 * Whether the request line `line`, read from the block `text`, is S3 style: an `HTTP/1.x` request line and a
 * `Host:` header whose first label names the bucket (virtual-hosted style: `bucketname.obs.region...`), a path of
 * at most one segment (`/`, `/?acl`, `/ObjectName`: the segment is the object key) and no JSON body. A JSON API's
 * raw request (`POST /v1/widgets HTTP/1.1`, or `GET /health HTTP/1.1` + `Host: api.example.com`) is not: its path
 * stays literal and its request parameters stay the body.
 */
export function isS3Block(text: string, line: RequestLine): boolean {
  const head = text.slice(0, 4000);
  const q = line.path.indexOf('?');
  const base = q >= 0 ? line.path.slice(0, q) : line.path;
  return !base.slice(1).includes('/') && BUCKET_HOST.test(head) && HTTP_VERSION.test(head) && !JSON_CONTENT.test(head);
}

/** The literal object key of an S3-style path (`ObjectName` of `/ObjectName?acl`); null for `/`, `/?acl` or a template. */
export function s3LiteralKey(line: RequestLine): string | null {
  if (!line.s3) return null;
  const q = line.path.indexOf('?');
  const base = q >= 0 ? line.path.slice(0, q) : line.path;
  if (base === '/' || base.includes('{')) return null;
  return base.slice(1);
}

/** An S3-style path with its literal object key replaced by `{name}` (`/ObjectName?acl` -> `/{ObjectName}?acl`). */
export function withObjectKey(line: RequestLine, name: string): RequestLine {
  const q = line.path.indexOf('?');
  return { ...line, path: `/{${name}}${q >= 0 ? line.path.slice(q) : ''}` };
}

/** The sub-resources of a path key (`acl` of `/?acl`, `uploads` of `/{Key}?uploads`). */
export function subResources(path: string): string[] {
  const q = path.indexOf('?');
  return q >= 0
    ? path
        .slice(q + 1)
        .split('&')
        .filter((s) => s !== '')
    : [];
}

/** A path key with every placeholder name blanked: equal shapes are the same path to OpenAPI (`/v1/{a}` = `/v1/{b}`). */
export function pathShape(path: string): string {
  return path.replace(/\{[^{}]*\}/g, '{}');
}

/** The `{name}` placeholders of a path template, in order. */
export function pathPlaceholders(path: string): string[] {
  const out: string[] = [];
  const q = path.indexOf('?');
  for (const m of (q >= 0 ? path.slice(0, q) : path).matchAll(/\{([^{}]+)\}/g)) if (!out.includes(m[1]!)) out.push(m[1]!);
  return out;
}
