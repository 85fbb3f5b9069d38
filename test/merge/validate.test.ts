import { describe, expect, it } from 'vitest';
import { schemaTo30 } from '../../src/merge/dialect.js';
import { brokenRefs, newProblems, resolvePointer, validateSpec } from '../../src/merge/validate.js';

const doc = (openapi: string, schemas: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi,
  info: { title: 't', version: '1' },
  paths: {},
  components: { schemas },
  ...extra,
});

describe('validateSpec', () => {
  it('accepts a valid 3.1 and 3.0 document', () => {
    expect(validateSpec(doc('3.1.0', { A: { type: ['string', 'null'] } }), '3.1')).toEqual({ valid: true, schemaProblems: [], brokenRefs: [] });
    expect(validateSpec(doc('3.0.3', { A: { type: 'string', nullable: true } }), '3.0').valid).toBe(true);
  });

  it('rejects 2020-12 keywords in a 3.0 document, naming the place', () => {
    const result = validateSpec(doc('3.0.3', { A: { const: 1 } }), '3.0');
    expect(result.valid).toBe(false);
    expect(result.schemaProblems.some((p) => p.pointer === '/components/schemas/A')).toBe(true);
  });

  it('accepts what schemaTo30 makes of 2020-12 schemas', () => {
    const schemas = {
      A: { const: 1 },
      B: { type: ['string', 'null'], examples: ['x'], $comment: 'c' },
      C: { type: 'number', exclusiveMaximum: 5 },
      D: { $ref: '#/components/schemas/A', description: 'd' },
    };
    const translated = Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, schemaTo30(v).value]));
    expect(validateSpec(doc('3.0.3', schemas), '3.0').valid).toBe(false);
    expect(validateSpec(doc('3.0.3', translated), '3.0')).toEqual({ valid: true, schemaProblems: [], brokenRefs: [] });
  });

  it('reports a response without its required description', () => {
    const result = validateSpec(doc('3.1.0', {}, { components: { responses: { R: { content: {} } } } }), '3.1');
    expect(result.valid).toBe(false);
    expect(result.schemaProblems.some((p) => p.pointer === '/components/responses/R' && p.message.includes('`description`'))).toBe(true);
  });
});

describe('brokenRefs', () => {
  it('lists local refs that do not resolve, not external ones', () => {
    const data = {
      components: {
        schemas: { 'a/b': {}, A: { $ref: '#/components/schemas/a~1b' }, B: { $ref: '#/components/schemas/Nope' }, C: { $ref: 'https://x/y.yaml#/Z' } },
      },
    };
    expect(brokenRefs(data)).toEqual([{ pointer: '/components/schemas/B', ref: '#/components/schemas/Nope' }]);
  });

  it('resolvePointer unescapes ~1, ~0 and percent-encoding', () => {
    const root = { paths: { '/a/{id}': { 'x~y': 1 } } };
    expect(resolvePointer(root, '#/paths/~1a~1%7Bid%7D/x~0y')).toBe(1);
    expect(resolvePointer(root, '#/paths/nope')).toBeUndefined();
    expect(resolvePointer(root, 'other.yaml#/a')).toBeUndefined();
  });
});

describe('newProblems', () => {
  it('keeps only what the second result adds', () => {
    const before = { valid: false, schemaProblems: [{ pointer: '/a', message: 'm' }], brokenRefs: [{ pointer: '/b', ref: '#/x' }] };
    const after = {
      valid: false,
      schemaProblems: [
        { pointer: '/a', message: 'm' },
        { pointer: '/c', message: 'n' },
      ],
      brokenRefs: [{ pointer: '/b', ref: '#/x' }],
    };
    expect(newProblems(before, after)).toEqual({ valid: false, schemaProblems: [{ pointer: '/c', message: 'n' }], brokenRefs: [] });
    expect(newProblems(before, before).valid).toBe(true);
  });
});
