/**
 * Examples from code blocks: the JSON body of a request or response example
 * (a leading request line, status line and header lines are dropped), and a
 * small validator of an example against the schema built from the tables,
 * which names the first field that does not match.
 *
 * The validator knows exactly the keywords the schema builder writes (type,
 * properties, required, items, additionalProperties, enum, minimum, maximum,
 * minLength, maxLength, oneOf, `$ref` to a component); the tests check its
 * verdicts against ajv's.
 */
import { toRequestLine } from './path.js';
import type { RequestLine } from './path.js';
import type { Schema } from './types.js';

export type ExampleReading = { kind: 'json'; value: unknown } | { kind: 'invalid'; reason: string } | { kind: 'xml' } | { kind: 'none' };

const MAX_EXAMPLE = 2_000_000;

/** Deepest nesting of arrays/objects an example may have; deeper examples are reported, not read (every later walk is bounded by it). */
export const MAX_EXAMPLE_DEPTH = 64;

/** Nesting depth of a parsed JSON value (a scalar is 0), measured without recursion; stops counting past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_EXAMPLE_DEPTH): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(node) ? node : Object.values(node as Record<string, unknown>))
      if (child !== null && typeof child === 'object') stack.push([child, level]);
  }
  return deepest;
}

/** Reads a code block's text as a JSON example. */
export function readExample(text: string): ExampleReading {
  if (text.length > MAX_EXAMPLE) return { kind: 'none' };
  const lines = text.split('\n');
  let i = 0;
  // Request line, status line, headers, blank lines.
  while (i < lines.length) {
    const line = lines[i]!.trim();
    if (
      line === '' ||
      /^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+\S/.test(line) ||
      /^HTTP\/\d/.test(line) ||
      (/^[A-Za-z][\w-]*\s*:\s*\S?/.test(line) && !/^["{[]/.test(line))
    ) {
      i++;
      continue;
    }
    break;
  }
  const body = lines.slice(i).join('\n').trim();
  if (body === '') return { kind: 'none' };
  if (body.startsWith('<')) return { kind: 'xml' };
  if (!body.startsWith('{') && !body.startsWith('[')) return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch (error) {
    return { kind: 'invalid', reason: error instanceof Error ? error.message : String(error) };
  }
  if (jsonDepth(value) > MAX_EXAMPLE_DEPTH) return { kind: 'invalid', reason: `it nests arrays and objects more than ${MAX_EXAMPLE_DEPTH} levels deep` };
  return { kind: 'json', value };
}

/**
 * The query parameter names of an example's request line (`GET /v1/x?limit={limit}&marker={marker}`)
 * when it has the operation's method; none otherwise.
 */
export function exampleQuery(text: string, line: RequestLine): string[] {
  const first =
    text
      .slice(0, 4000)
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim() ?? '';
  const m = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(\S+)/.exec(first);
  if (!m || m[1]!.toLowerCase() !== line.method) return [];
  return toRequestLine(m[1]!, m[2]!)?.query ?? [];
}

export interface Mismatch {
  /** JSON-pointer-like path of the field, `/` for the root. */
  field: string;
  reason: string;
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

/** The first place `value` does not match `schema`, or null. `resolve` gives a component by `$ref`. */
export function firstMismatch(value: unknown, schema: Schema, resolve: (ref: string) => Schema | undefined, path = '', depth = 0): Mismatch | null {
  const field = path === '' ? '/' : path;
  if (depth > MAX_EXAMPLE_DEPTH * 2) return { field, reason: `nests deeper than ${MAX_EXAMPLE_DEPTH} levels` };
  if (schema.$ref !== undefined) {
    const target = resolve(schema.$ref);
    return target ? firstMismatch(value, target, resolve, path, depth + 1) : null;
  }
  if (schema.oneOf) {
    const fits = schema.oneOf.filter((s) => firstMismatch(value, s, resolve, path, depth + 1) === null).length;
    return fits === 1 ? null : { field, reason: fits === 0 ? 'matches none of the documented bodies' : 'matches several of the documented bodies' };
  }
  if (schema.type !== undefined) {
    const actual = typeOf(value);
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => t === actual || (t === 'number' && actual === 'integer')))
      return {
        field,
        reason: `is ${actual === 'integer' ? 'a number' : `a${/^[aeiou]/.test(actual) ? 'n' : ''} ${actual}`}, the tables say ${types.join(' or ')}`,
      };
  }
  if (schema.enum && !schema.enum.some((e) => e === value))
    return { field, reason: `${JSON.stringify(value)?.slice(0, 40)} is not one of the documented values` };
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return { field, reason: `${value} is below the documented minimum ${schema.minimum}` };
    if (schema.maximum !== undefined && value > schema.maximum) return { field, reason: `${value} is above the documented maximum ${schema.maximum}` };
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) return { field, reason: `is shorter than the documented ${schema.minLength} characters` };
    if (schema.maxLength !== undefined && length > schema.maxLength) return { field, reason: `is longer than the documented ${schema.maxLength} characters` };
  }
  if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length && i < 1000; i++) {
      const m = firstMismatch(value[i], schema.items, resolve, `${path}/${i}`, depth + 1);
      if (m) return m;
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const name of schema.required ?? [])
      if (!Object.hasOwn(record, name)) return { field: `${path}/${name}`, reason: 'is required by the tables but missing' };
    for (const [name, child] of Object.entries(record)) {
      const sub =
        schema.properties && Object.hasOwn(schema.properties, name)
          ? schema.properties[name]
          : typeof schema.additionalProperties === 'object'
            ? schema.additionalProperties
            : undefined;
      if (schema.additionalProperties === false && !(schema.properties && Object.hasOwn(schema.properties, name)))
        return { field: `${path}/${name}`, reason: 'is not documented' };
      if (sub) {
        const m = firstMismatch(child, sub, resolve, `${path}/${name}`, depth + 1);
        if (m) return m;
      }
    }
  }
  return null;
}

/** Field paths (`a.b[].c`) of a JSON value, for the example/table cross-check. */
export function fieldPaths(value: unknown, prefix = '', out: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 32 || out.size > 10_000) return out;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 50)) fieldPaths(item, `${prefix}[]`, out, depth + 1);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p = prefix === '' ? k : `${prefix}.${k}`;
      out.add(p);
      fieldPaths(v, p, out, depth + 1);
    }
  }
  return out;
}
