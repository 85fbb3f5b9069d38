/**
 * Reads the spelling of a type cell (233 spellings in the corpus) into a
 * JSON Schema type:
 *
 *   String, str, datetime, Date, Timestamp, UUID, "HTTP time string…"   -> string
 *   Integer, int, Long, Int32, Short                                        -> integer
 *   Float, Double, Number, Decimal                                          -> number
 *   Boolean, bool                                                           -> boolean
 *   Object, JSON object, dict, Dictionary data structure…, Container, XML,
 *   `x object`, `:ref:` to a table                                          -> object (nested: see `nested`)
 *   Array, list, List data structure…, `Array of strings`, `List<String>`,
 *   `String Array`, `Array of x objects`, `list<dict>`, `JSONArray`          -> array (items read the same way)
 *   Map<String,String>, map<string, string>                                 -> object + additionalProperties
 *
 * Anything else is `unknown`: the caller keeps the description and reports it.
 */
import type { JsonType, Schema } from './types.js';

export interface TypeReading {
  /** The schema of the value; for a nested object or array of objects, `nested` says where its fields are. */
  schema: Schema;
  /** The value (or each array item) is an object whose fields another table documents. */
  objectLike: boolean;
  /** Array nesting depth of `objectLike` (0: the value is the object; 1: items are). */
  depth: number;
  /** A name the spelling gives the nested object (`tag` of `Array of tag objects`, `resource_tag` of `List<resource_tag>`). */
  objectName: string | null;
}

const MAX = 300;

const SCALARS: ReadonlyArray<[RegExp, JsonType]> = [
  [
    /^(?:string|str|char|text|varchar|uuid|datetime|date|time|timestamp|date-?time|enum|ip|url|uri|binary or text|binary|file|byte\[\]|bytes?|char\[\]|string \(?enum\)?)$/i,
    'string',
  ],
  [/^(?:integer|int|int32|int64|long|short|uint|uint32|uint64|bigint|unsigned int|int\(\d+\)|integer \(int32\)|integer \(int64\))$/i, 'integer'],
  [/^(?:float|double|number|decimal|numeric|bigdecimal|float32|float64)$/i, 'number'],
  [/^(?:boolean|bool)$/i, 'boolean'],
];
const OBJECT = /^(?:object|json object|jsonobject|json|dict|dictionary|map|struct|container|hash|body|xml)$/i;
const ARRAY = /^(?:array|list|jsonarray|json array|set|tuple)$/i;

function scalar(word: string): JsonType | null {
  const w = word.trim();
  for (const [re, type] of SCALARS) if (re.test(w)) return type;
  return null;
}

const object = (name: string | null): TypeReading => ({ schema: { type: 'object' }, objectLike: true, depth: 0, objectName: name });

/** One item of an array spelling (`strings`, `objects`, `tag objects`, `Map<String,String> objects`), or null. */
function item(text: string): TypeReading | null {
  const t = text.trim().replace(/\s+/g, ' ');
  const plural = t.replace(/(?:e?s)$/i, '');
  const s = scalar(t) ?? scalar(plural) ?? (/^integers?$/i.test(t) ? 'integer' : null);
  if (s) return { schema: { type: s }, objectLike: false, depth: 0, objectName: null };
  if (OBJECT.test(t) || OBJECT.test(plural) || /^objects?$/i.test(t)) return object(null);
  const named = /^(.+?) objects?$/i.exec(t);
  if (named) {
    const inner = read(named[1]!, 1);
    if (inner && !inner.objectLike && inner.schema.type !== 'object') return inner;
    if (inner && inner.schema.additionalProperties !== undefined) return inner;
    return object(cleanName(named[1]!));
  }
  return read(t, 1);
}

const cleanName = (name: string): string | null => {
  const n = name.trim();
  return /^[A-Za-z_][\w.-]*$/.test(n) ? n : null;
};

/** Reads a type spelling; null when it is not a recognisable type. */
export function readType(spelling: string): TypeReading | null {
  return read(spelling, 0);
}

function read(spelling: string, level: number): TypeReading | null {
  if (level > 4) return null;
  let t = spelling.replace(/\s+/g, ' ').trim();
  if (t === '' || t.length > MAX) return null;
  // "Dictionary data structure. For details, see Table 3." / "List data structure." / "Array. For details, see Table 9."
  const prose = /^(dictionary|dict|list|array|object|map|string|integer|boolean)(?: data structure| type)?(?:\s*[.,;:]|$)/i.exec(t);
  if (prose && t.length > prose[0].length) t = prose[1]!;
  const s = scalar(t);
  if (s) return { schema: { type: s }, objectLike: false, depth: 0, objectName: null };
  if (/^dictionary$/i.test(t) || OBJECT.test(t)) return object(null);
  if (ARRAY.test(t)) return { schema: { type: 'array' }, objectLike: false, depth: 1, objectName: null };
  // Map<String,String>, map<string, Object>, Map<String,Map<String,Array<String>>>
  const map = /^(?:map|dict|hashmap)\s*<\s*([^,<>]+?)\s*,\s*(.+)>$/i.exec(t);
  if (map) {
    const value = read(map[2]!, level + 1);
    return {
      schema: { type: 'object', additionalProperties: value && !value.objectLike ? value.schema : value ? { type: 'object' } : true },
      objectLike: false,
      depth: 0,
      objectName: null,
    };
  }
  // List<String>, Array<Object>, list<dict>, Set<String>, list<map<String,String>>, List<resource_tag>
  const generic = /^(?:list|array|set|collection)\s*<\s*(.+)>$/i.exec(t) ?? /^(?:list|array) of (.+)$/i.exec(t) ?? /^(.+?) (?:array|list)$/i.exec(t);
  if (generic) {
    const inner = item(generic[1]!) ?? (cleanName(generic[1]!) ? object(cleanName(generic[1]!)) : null);
    if (!inner) return null;
    return { schema: { type: 'array', items: inner.schema }, objectLike: inner.objectLike, depth: inner.depth + 1, objectName: inner.objectName };
  }
  // `bandwidth object`, `TokenAuth object`
  const named = /^(.+?) object$/i.exec(t);
  if (named && cleanName(named[1]!)) {
    const inner = scalar(named[1]!);
    if (inner) return { schema: { type: inner }, objectLike: false, depth: 0, objectName: null };
    return object(cleanName(named[1]!));
  }
  return null;
}
