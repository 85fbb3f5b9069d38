/**
 * The generated document as the merge takes it: its `components` (every
 * section: `responses`, `schemas`, …) and its operations (`paths`), with an
 * optional per-service prefix applied to every component name and every
 * internal `$ref` to one, as `redocly join --prefix-components-with-info-prop`
 * does, so several services can sit side by side in one spec:
 *
 *   components.schemas.ErrorCode            -> components.schemas.EvsErrorCode
 *   $ref: '#/components/schemas/ErrorCode'  -> $ref: '#/components/schemas/EvsErrorCode'
 */

/** The component sections of OpenAPI 3.1 (§4.8.7); 3.0 has all but `pathItems`. */
export const COMPONENT_SECTIONS = [
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'links',
  'callbacks',
  'pathItems',
] as const;
type Section = (typeof COMPONENT_SECTIONS)[number];

/** HTTP methods of a Path Item Object (OpenAPI 3.1 §4.8.9). */
export const METHODS: ReadonlySet<string> = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** What a component name may be (OpenAPI 3.1 §4.8.7.1), and so a prefix. */
export const COMPONENT_NAME = /^[a-zA-Z0-9.\-_]+$/;

/** The generated `components.responses` / `components.schemas` (the shape the merge took before `paths`). */
export interface GeneratedComponents {
  responses?: Record<string, object>;
  schemas?: Record<string, object>;
}

/** A generated `openapi.json`, as far as the merge uses it. */
export interface GeneratedDocument {
  components?: Partial<Record<Section, Record<string, object>>>;
  /** `paths[path][method]`: generated operations (other Path Item fields are folded into them). */
  paths?: Record<string, Record<string, unknown>>;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A document from either shape: a `GeneratedDocument`, or bare components as before. */
export function asDocument(input: GeneratedDocument | GeneratedComponents): GeneratedDocument {
  if ('components' in input || 'paths' in input) return input as GeneratedDocument;
  return { components: input as GeneratedDocument['components'] };
}

/** A JSON Pointer token (RFC 6901 §4): `~` -> `~0`, `/` -> `~1`, and back. */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Rewrites every `$ref: '#/components/<section>/<name>…'` in `value` whose
 * component `rename` knows; a new value, the input is not modified. The depth
 * of `value` is bounded by the caller (see depth.ts).
 */
function renameRefs(value: unknown, rename: (section: string, name: string) => string | undefined): unknown {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, rename));
  if (!isRecord(value)) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') {
      const match = /^#\/components\/([^/]+)\/([^/]+)(\/.*)?$/.exec(item);
      const renamed = match ? rename(match[1] ?? '', unescapePointer(match[2] ?? '')) : undefined;
      out[key] = match && renamed !== undefined ? `#/components/${match[1]}/${escapePointer(renamed)}${match[3] ?? ''}` : item;
    } else out[key] = renameRefs(item, rename);
  }
  return out;
}

/** `doc` with `prefix` before every component name and every `$ref` to a component of `doc`. */
export function prefixDocument(doc: GeneratedDocument, prefix: string): GeneratedDocument {
  if (prefix === '') return doc;
  const components = doc.components ?? {};
  const known = (section: string, name: string): boolean => {
    const entries = (components as Record<string, unknown>)[section];
    return isRecord(entries) && Object.hasOwn(entries, name);
  };
  const rename = (section: string, name: string): string | undefined => (known(section, name) ? prefix + name : undefined);
  const out: GeneratedDocument = { components: {} };
  for (const [section, entries] of Object.entries(components)) {
    if (!isRecord(entries)) continue;
    (out.components as Record<string, unknown>)[section] = Object.fromEntries(
      Object.entries(entries).map(([name, value]) => [prefix + name, renameRefs(value, rename)]),
    );
  }
  if (doc.paths !== undefined) out.paths = renameRefs(doc.paths, rename) as GeneratedDocument['paths'];
  return out;
}
