/**
 * Generated operations (`paths.<path>.<method>` of a generated document), as
 * the merge upserts them into the user's `paths`. Each operation is taken on
 * its own, so the Path Item fields it depends on (`parameters`, `servers`)
 * are folded into it: an operation's own parameter wins over a path-level one
 * with the same `name` and `in` (OpenAPI 3.1 §4.8.9.1), so this changes no
 * meaning, and the user's Path Item is never rewritten.
 */
import { METHODS } from './generated.js';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface GeneratedOperation {
  path: string;
  method: string;
  operation: Json;
}

function sameParameter(a: unknown, b: unknown): boolean {
  if (!isRecord(a) || !isRecord(b)) return false;
  if (typeof a['$ref'] === 'string' || typeof b['$ref'] === 'string') return a['$ref'] === b['$ref'];
  return a['name'] === b['name'] && a['in'] === b['in'];
}

/** The operations of a generated `paths` object, Path Item `parameters` and `servers` folded in; what is not an object is `invalid`. */
export function generatedOperations(paths: unknown): { operations: GeneratedOperation[]; invalid: string[] } {
  const operations: GeneratedOperation[] = [];
  const invalid: string[] = [];
  if (paths === undefined) return { operations, invalid };
  if (!isRecord(paths)) return { operations, invalid: ['paths'] };
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item) || !path.startsWith('/')) {
      invalid.push(`paths.${path}`);
      continue;
    }
    const shared = Array.isArray(item['parameters']) ? item['parameters'] : [];
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method)) continue;
      if (!isRecord(operation)) {
        invalid.push(`paths.${path}.${method}`);
        continue;
      }
      const op: Json = { ...operation };
      const own = Array.isArray(op['parameters']) ? op['parameters'] : [];
      const inherited = shared.filter((parameter) => !own.some((mine) => sameParameter(mine, parameter)));
      if (inherited.length > 0) op['parameters'] = [...own, ...inherited];
      if (item['servers'] !== undefined && op['servers'] === undefined) op['servers'] = item['servers'];
      operations.push({ path, method, operation: op });
    }
  }
  return { operations, invalid };
}

/** A path with its template variables' names erased: `/v1/{project_id}/x` -> `/v1/{}/x` (equal templates are one path, §4.8.8). */
export function templateKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}

/** `operationId` -> `METHOD path` of every operation of a spec's data. */
export function operationIds(paths: unknown): Map<string, string> {
  const ids = new Map<string, string>();
  if (!isRecord(paths)) return ids;
  for (const [path, item] of Object.entries(paths)) {
    if (!isRecord(item)) continue;
    for (const [method, op] of Object.entries(item)) {
      if (METHODS.has(method) && isRecord(op) && typeof op['operationId'] === 'string' && !ids.has(op['operationId'])) {
        ids.set(op['operationId'], `${method.toUpperCase()} ${path}`);
      }
    }
  }
  return ids;
}
