/**
 * Translation of generated components (JSON Schema 2020-12, the OpenAPI 3.1
 * dialect) to the OpenAPI 3.0 Schema Object (an extended subset of JSON
 * Schema draft-wright-00). OpenAPI 3.0.3 §4.7.24 lists what 3.0 accepts;
 * everything else is rewritten or dropped, and each drop is reported.
 *
 *   { type: ['string', 'null'], const: 'x', examples: ['x'] }
 *     -> { type: 'string', nullable: true, enum: ['x'], example: 'x' }
 */

import { escapePointer } from './generated.js';

/** A keyword that 3.0 cannot express and was dropped, with its JSON Pointer inside the component. */
interface DroppedKeyword {
  pointer: string;
  keyword: string;
}

export interface Translation<T> {
  value: T;
  dropped: DroppedKeyword[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** Keywords that OpenAPI 3.0's Schema Object accepts as they are (besides `x-` extensions). */
const KEPT = new Set([
  'title',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
  'enum',
  'type',
  'description',
  'format',
  'default',
  'nullable',
  'discriminator',
  'readOnly',
  'writeOnly',
  'example',
  'externalDocs',
  'deprecated',
  'xml',
]);
/** Keywords whose value is one schema. */
const ONE_SCHEMA = new Set(['not', 'items', 'additionalProperties']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST = new Set(['allOf', 'anyOf', 'oneOf']);
/** 2020-12 keywords that only annotate or identify: dropped silently (OpenAPI 3.0 has no place for them). */
const SILENT = new Set(['$schema', '$id', '$comment', '$anchor', '$dynamicAnchor', '$vocabulary']);

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Translates one 2020-12 schema to the OpenAPI 3.0 dialect; the input is not modified. */
export function schemaTo30(schema: unknown, pointer = ''): Translation<Json> {
  const dropped: DroppedKeyword[] = [];
  const value = translateSchema(schema as Json, pointer, dropped);
  return { value, dropped };
}

function translateSchema(schema: Json, pointer: string, dropped: DroppedKeyword[]): Json {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (!isObject(schema)) return schema;

  const out: JsonObject = {};
  let nullable = false;
  const ref = schema['$ref'];
  for (const [keyword, raw] of Object.entries(schema)) {
    const at = `${pointer}/${escapePointer(keyword)}`;
    if (keyword.startsWith('x-') || (KEPT.has(keyword) && keyword !== 'type' && keyword !== 'enum')) {
      out[keyword] = raw;
    } else if (keyword === '$ref') {
      // Handled below: a 3.0 Reference Object takes no siblings.
    } else if (keyword === 'type') {
      const types = Array.isArray(raw) ? raw.filter((t): t is string => typeof t === 'string') : [raw];
      const concrete = types.filter((t) => t !== 'null');
      if (concrete.length < types.length) nullable = true;
      if (concrete.length === 1) out['type'] = concrete[0] ?? null;
      else if (concrete.length > 1) {
        out['anyOf'] = [...(isArrayOf(out['anyOf']) ?? []), ...concrete.map((t) => ({ type: t }))];
      } else out['enum'] = [null];
    } else if (keyword === 'enum') {
      out['enum'] = raw;
      if (Array.isArray(raw) && raw.includes(null)) nullable = true;
    } else if (keyword === 'const') {
      out['enum'] = [raw];
      if (raw === null) nullable = true;
    } else if (keyword === 'examples') {
      if (Array.isArray(raw) && raw.length > 0 && !('example' in schema)) out['example'] = raw[0] ?? null;
    } else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
      if (typeof raw === 'number') {
        const bound = keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum';
        out[bound] = raw;
        out[keyword] = true;
      } else out[keyword] = raw;
    } else if (keyword === 'properties' && isObject(raw)) {
      const props: JsonObject = {};
      for (const [name, sub] of Object.entries(raw)) {
        props[name] = translateSchema(sub, `${at}/${escapePointer(name)}`, dropped);
      }
      out['properties'] = props;
    } else if (ONE_SCHEMA.has(keyword) && !Array.isArray(raw)) {
      out[keyword] = keyword === 'additionalProperties' && typeof raw === 'boolean' ? raw : translateSchema(raw, at, dropped);
    } else if (SCHEMA_LIST.has(keyword) && Array.isArray(raw)) {
      const translated = raw.map((sub, index) => translateSchema(sub, `${at}/${index}`, dropped));
      out[keyword] = [...(isArrayOf(out[keyword]) ?? []), ...translated];
    } else if (!SILENT.has(keyword)) {
      dropped.push({ pointer: at, keyword });
    }
  }
  if (typeof ref === 'string') {
    const siblings = Object.keys(out).filter((k) => !k.startsWith('x-'));
    if (siblings.length === 0 && !nullable) return { $ref: ref, ...out };
    out['allOf'] = [{ $ref: ref }, ...(isArrayOf(out['allOf']) ?? [])];
  }
  if (nullable) {
    out['nullable'] = true;
    const values = out['enum'];
    if (Array.isArray(values) && !values.includes(null)) out['enum'] = [...values, null];
  }
  return out;
}

function isArrayOf(value: Json | undefined): Json[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** `{ name: { schema, … } }` (a `content` or `headers` map) with each `schema` translated. */
function schemasIn(entries: Json, at: string, dropped: DroppedKeyword[]): Json {
  if (!isObject(entries)) return entries;
  const copy: JsonObject = {};
  for (const [name, entry] of Object.entries(entries)) {
    copy[name] = isObject(entry) ? partsTo30(entry, `${at}/${escapePointer(name)}`, dropped) : entry;
  }
  return copy;
}

/** A Parameter, Header, Media Type, Response or Request Body object: its `schema`, `content` and `headers`, translated. */
function partsTo30(object: JsonObject, at: string, dropped: DroppedKeyword[]): JsonObject {
  const out: JsonObject = { ...object };
  if ('schema' in object) out['schema'] = translateSchema(object['schema'] ?? null, `${at}/schema`, dropped);
  for (const part of ['content', 'headers'] as const) {
    if (part in object) out[part] = schemasIn(object[part] ?? null, `${at}/${part}`, dropped);
  }
  return out;
}

/**
 * Translates one component (`section` says which kind) to the 3.0 dialect:
 * a schema as a whole; the `schema`s inside a response, parameter, header
 * or request body. Other sections are taken as they are.
 */
export function componentTo30(section: string, component: unknown): Translation<unknown> {
  if (section === 'schemas') return schemaTo30(component);
  if (!isObject(component as Json) || !['responses', 'parameters', 'headers', 'requestBodies'].includes(section)) return { value: component, dropped: [] };
  const dropped: DroppedKeyword[] = [];
  return { value: partsTo30(component as JsonObject, '', dropped), dropped };
}

/** Translates an Operation object: its parameters, request body and responses. */
export function operationTo30(operation: unknown): Translation<unknown> {
  if (!isObject(operation as Json)) return { value: operation, dropped: [] };
  const op = operation as JsonObject;
  const dropped: DroppedKeyword[] = [];
  const out: JsonObject = { ...op };
  const parameters = op['parameters'];
  if (Array.isArray(parameters)) {
    out['parameters'] = parameters.map((parameter, index) => (isObject(parameter) ? partsTo30(parameter, `/parameters/${index}`, dropped) : parameter));
  }
  const body = op['requestBody'];
  if (isObject(body)) out['requestBody'] = partsTo30(body, '/requestBody', dropped);
  const responses = op['responses'];
  if (isObject(responses)) out['responses'] = schemasIn(responses, '/responses', dropped);
  return { value: out, dropped };
}
