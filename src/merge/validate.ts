/**
 * Validation of a spec's data against the official OpenAPI 3.0 / 3.1 JSON
 * Schemas shipped by @seriousme/openapi-schema-validator, plus a check that
 * every internal `$ref` (`#/...`) resolves. Synchronous: the merge core stays
 * a plain function. A merge is judged by what it ADDS: `newProblems` compares
 * the result with the original, so a spec that was already invalid (a broken
 * `$ref` of its own, say) can still be merged into.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { escapePointer, unescapePointer } from './generated.js';
import type { OpenApiDialect } from './spec.js';

interface SchemaProblem {
  /** JSON Pointer of the offending value in the spec's data. */
  pointer: string;
  message: string;
}

export interface BrokenRef {
  /** JSON Pointer of the object holding the `$ref`. */
  pointer: string;
  ref: string;
}

export interface ValidationResult {
  valid: boolean;
  schemaProblems: SchemaProblem[];
  brokenRefs: BrokenRef[];
}

/** The part of the validator's class this module uses (its compiled JSON Schema per OpenAPI version). */
interface AjvHolder {
  getAjvValidator(version: string): ValidateFunction;
}

const compiled = new Map<OpenApiDialect, ValidateFunction>();

function schemaValidator(dialect: OpenApiDialect): ValidateFunction {
  let validate = compiled.get(dialect);
  if (!validate) {
    const holder = new Validator({ allErrors: true }) as unknown as Partial<AjvHolder>;
    if (typeof holder.getAjvValidator !== 'function') {
      throw new Error('@seriousme/openapi-schema-validator no longer exposes getAjvValidator; pin version 2.11.0.');
    }
    validate = holder.getAjvValidator(dialect);
    compiled.set(dialect, validate);
  }
  return validate;
}

function describe(error: ErrorObject): SchemaProblem {
  const params = error.params as Record<string, unknown>;
  const extra =
    typeof params['additionalProperty'] === 'string'
      ? ` (\`${params['additionalProperty']}\`)`
      : typeof params['missingProperty'] === 'string'
        ? ` (\`${params['missingProperty']}\`)`
        : '';
  return { pointer: error.instancePath, message: `${error.message ?? error.keyword}${extra}` };
}

/** Resolves a local JSON Pointer fragment (`#/a/b`) against `root`. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    let token: string;
    try {
      token = unescapePointer(decodeURIComponent(raw));
    } catch {
      return undefined;
    }
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** Every `$ref: '#/…'` in `data` that does not resolve (external refs are not checked). */
export function brokenRefs(data: unknown): BrokenRef[] {
  const broken: BrokenRef[] = [];
  const seen = new Set<object>();
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: data, pointer: '' }];
  while (stack.length > 0) {
    const { node, pointer } = stack.pop() as { node: unknown; pointer: string };
    if (typeof node !== 'object' || node === null || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, index) => stack.push({ node: item, pointer: `${pointer}/${index}` }));
      continue;
    }
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#') && resolvePointer(data, value) === undefined) {
        broken.push({ pointer, ref: value });
      } else stack.push({ node: value, pointer: `${pointer}/${escapePointer(key)}` });
    }
  }
  return broken.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

/** Validates a spec's data against the OpenAPI JSON Schema of `dialect` and checks its local `$ref`s. */
export function validateSpec(data: unknown, dialect: OpenApiDialect): ValidationResult {
  const validate = schemaValidator(dialect);
  const ok = validate(data) === true;
  const schemaProblems = ok ? [] : (validate.errors ?? []).map(describe);
  const refs = brokenRefs(data);
  return { valid: ok && refs.length === 0, schemaProblems, brokenRefs: refs };
}

/** What `after` has that `before` had not: the invalidity a merge added. */
export function newProblems(before: ValidationResult, after: ValidationResult): ValidationResult {
  const schemaKey = (p: SchemaProblem): string => `${p.pointer}\u0000${p.message}`;
  const refKey = (r: BrokenRef): string => `${r.pointer}\u0000${r.ref}`;
  const oldSchema = new Set(before.schemaProblems.map(schemaKey));
  const oldRefs = new Set(before.brokenRefs.map(refKey));
  const schemaProblems = after.schemaProblems.filter((p) => !oldSchema.has(schemaKey(p)));
  const refs = after.brokenRefs.filter((r) => !oldRefs.has(refKey(r)));
  return { valid: schemaProblems.length === 0 && refs.length === 0, schemaProblems, brokenRefs: refs };
}
