/**
 * Named component schemas for nested objects. Naming rule (deterministic,
 * collision-free, a pure function of the order in which pages are read):
 *
 *   1. the base name is the object's name in PascalCase: the name the type
 *      spelling gives (`Array of TokenAuth objects` -> `TokenAuth`), else the
 *      field's (`lbaas_listeners` -> `LbaasListeners`);
 *   2. a schema identical to one already registered reuses its name;
 *   3. a different schema under a taken name is prefixed with its parent's
 *      name (`CreateScalingGroupNetworks`), then numbered (`Networks2`, `Networks3`, …).
 */
import { setOwn } from '../own.js';
import type { Schema } from './types.js';

export function pascalCase(text: string): string {
  const words = text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '');
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
  if (name === '') return 'Object';
  return /^[0-9]/.test(name) ? `Schema${name}` : name;
}

export function camelCase(text: string): string {
  const p = pascalCase(text);
  return p.charAt(0).toLowerCase() + p.slice(1);
}

/**
 * A stable text of a schema with sorted keys (UTF-16 order), for identity.
 * (Built by appending: it runs on every component schema made.)
 */
export function stableKey(value: unknown): string {
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += `${i > 0 ? ',' : ''}${stableKey(value[i]) ?? ''}`;
    return `${out}]`;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    let out = '{';
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${stableKey(v)}`;
    }
    return `${out}}`;
  }
  return JSON.stringify(value);
}

/** A copy of a JSON value (a schema): plain objects and arrays copied, everything else as it is. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, cloneJson(v));
    return out as T;
  }
  return value;
}

/** Component names the codes emitter writes. */
const RESERVED: ReadonlySet<string> = new Set(['StatusCode', 'ErrorCode', 'ErrorResponse']);

export class ComponentRegistry {
  private readonly byName = new Map<string, Schema>();
  private readonly byKey = new Map<string, string>();

  /** `reserved`: names other generated components use (`StatusCode`, `ErrorCode`, `ErrorResponse`). */
  constructor(private readonly reserved: ReadonlySet<string> = RESERVED) {}

  /** Registers `schema` and returns its component name. */
  add(base: string, parent: string, schema: Schema): string {
    const key = stableKey(schema);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const first = pascalCase(base);
    const candidates = [first, `${pascalCase(parent)}${first}`];
    const free = (c: string): boolean => !this.byName.has(c) && !this.reserved.has(c);
    let name = candidates.find(free);
    for (let n = 2; name === undefined; n++) if (free(`${first}${n}`)) name = `${first}${n}`;
    this.byName.set(name, schema);
    this.byKey.set(key, name);
    return name;
  }

  get(name: string): Schema | undefined {
    return this.byName.get(name);
  }

  /** Every component, sorted by name (code-point order). */
  all(): Record<string, Schema> {
    return Object.fromEntries([...this.byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
}

export const componentRef = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
