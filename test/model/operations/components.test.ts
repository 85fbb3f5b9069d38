/**
 * components.ts: the identity key of a schema (sorted keys, undefined left
 * out) and the copy of a schema the model mutates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson, ComponentRegistry, stableKey } from '../../../src/model/operations/components.js';

/** The key as first written (entries filtered, sorted and joined): the reference the faster one must match. */
function referenceKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(referenceKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${referenceKey(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

describe('stableKey', () => {
  it('ignores key order and undefined members', () => {
    expect(stableKey({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
    expect(stableKey({ a: { y: 2, x: 1 } })).toBe(stableKey({ a: { x: 1, y: 2 } }));
    expect(stableKey({ a: 1 })).not.toBe(stableKey({ a: '1' }));
  });

  it('matches the filtered, sorted, joined key on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stableKey(value)).toBe(referenceKey(value));
      }),
      { numRuns: 300 },
    );
  });
});

describe('cloneJson', () => {
  it('copies an own `__proto__` key as a property (a field the docs name so), not as the prototype', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"},"a":{"type":"integer"}}}') as Record<string, unknown>;
    const copy = cloneJson(schema);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(schema));
    expect(Object.getPrototypeOf((copy as { properties: object }).properties)).toBe(Object.prototype);
  });

  it('copies objects and arrays deeply, so the copy can be changed alone', () => {
    const schema = { type: 'array', items: { type: 'string', enum: ['a'] } };
    const copy = cloneJson(schema);
    expect(copy).toEqual(schema);
    copy.items.enum.push('b');
    expect(schema.items.enum).toEqual(['a']);
  });
});

describe('ComponentRegistry', () => {
  it('gives identical schemas one name, whatever their key order', () => {
    const registry = new ComponentRegistry();
    const a = registry.add('tag', 'Create', { type: 'object', properties: { key: { type: 'string' } } });
    const b = registry.add('tag', 'Update', { properties: { key: { type: 'string' } }, type: 'object' });
    const c = registry.add('tag', 'Update', { type: 'object', properties: { value: { type: 'string' } } });
    expect([a, b, c]).toEqual(['Tag', 'Tag', 'UpdateTag']);
  });
});
