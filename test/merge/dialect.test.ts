import { describe, expect, it } from 'vitest';
import { componentTo30, schemaTo30 } from '../../src/merge/dialect.js';

/** Each rule: a readable sentence, the 2020-12 schema, the OpenAPI 3.0 schema (OpenAPI 3.0.3 §4.7.24). */
const rules: Array<[string, unknown, unknown]> = [
  ['const becomes a one-value enum', { const: 'x' }, { enum: ['x'] }],
  ['const null becomes a nullable enum of null', { const: null }, { enum: [null], nullable: true }],
  ['a type array with null becomes nullable', { type: ['integer', 'null'] }, { type: 'integer', nullable: true }],
  ['a type array of several types becomes anyOf', { type: ['string', 'integer'] }, { anyOf: [{ type: 'string' }, { type: 'integer' }] }],
  ['type null alone becomes a nullable enum of null', { type: 'null' }, { enum: [null], nullable: true }],
  ['an enum with null is nullable', { type: 'string', enum: ['a', null] }, { type: 'string', enum: ['a', null], nullable: true }],
  ['a nullable enum gets null as a value', { type: ['string', 'null'], enum: ['a'] }, { type: 'string', enum: ['a', null], nullable: true }],
  ['examples become example (the first one)', { type: 'integer', examples: [1, 2] }, { type: 'integer', example: 1 }],
  [
    '$schema, $id and $comment are dropped',
    { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'x', $comment: 'c', type: 'string' },
    { type: 'string' },
  ],
  ['a numeric exclusiveMinimum becomes minimum + true', { type: 'number', exclusiveMinimum: 0 }, { type: 'number', minimum: 0, exclusiveMinimum: true }],
  [
    'a $ref with siblings is wrapped in allOf',
    { $ref: '#/components/schemas/A', description: 'd' },
    { description: 'd', allOf: [{ $ref: '#/components/schemas/A' }] },
  ],
  ['a bare $ref stays a Reference Object, with its extensions', { $ref: '#/components/schemas/A', 'x-a': 1 }, { $ref: '#/components/schemas/A', 'x-a': 1 }],
  ['boolean schemas become {} and not {}', { type: 'object', properties: { a: true, b: false } }, { type: 'object', properties: { a: {}, b: { not: {} } } }],
  [
    'nested schemas are translated',
    { type: 'array', items: { type: ['string', 'null'], examples: ['s'] } },
    { type: 'array', items: { type: 'string', nullable: true, example: 's' } },
  ],
  ['allOf members are translated', { allOf: [{ const: 1 }] }, { allOf: [{ enum: [1] }] }],
  ['additionalProperties: false stays', { type: 'object', additionalProperties: false }, { type: 'object', additionalProperties: false }],
  ['extensions stay', { type: 'string', 'x-generated-by': 'rst-codegen' }, { type: 'string', 'x-generated-by': 'rst-codegen' }],
];

describe('schemaTo30', () => {
  for (const [sentence, input, expected] of rules) {
    it(sentence, () => {
      const result = schemaTo30(input);
      expect(result.value).toEqual(expected);
      expect(result.dropped).toEqual([]);
    });
  }

  it('drops and reports keywords 3.0 cannot express, with their pointer', () => {
    const result = schemaTo30({ type: 'object', properties: { p: { type: 'array', prefixItems: [{}] } }, $defs: { a: {} }, unevaluatedProperties: false });
    expect(result.value).toEqual({ type: 'object', properties: { p: { type: 'array' } } });
    expect(result.dropped).toEqual([
      { pointer: '/properties/p/prefixItems', keyword: 'prefixItems' },
      { pointer: '/$defs', keyword: '$defs' },
      { pointer: '/unevaluatedProperties', keyword: 'unevaluatedProperties' },
    ]);
  });

  it('does not modify its input', () => {
    const input = { type: ['string', 'null'], properties: { a: { const: 1 } } };
    const copy = structuredClone(input);
    schemaTo30(input);
    expect(input).toEqual(copy);
  });
});

describe('componentTo30', () => {
  it("translates the schemas of a response's content and headers, and nothing else", () => {
    const response = {
      description: 'd',
      headers: { 'X-Id': { schema: { type: ['string', 'null'] } } },
      content: { 'application/json': { schema: { const: 1 }, examples: { a: { value: 1 } } } },
    };
    expect(componentTo30('responses', response).value).toEqual({
      description: 'd',
      headers: { 'X-Id': { schema: { type: 'string', nullable: true } } },
      content: { 'application/json': { schema: { enum: [1] }, examples: { a: { value: 1 } } } },
    });
  });

  it("reports a dropped keyword under the response's pointer", () => {
    const result = componentTo30('responses', { description: 'd', content: { 'a/b': { schema: { if: {} } } } });
    expect(result.dropped).toEqual([{ pointer: '/content/a~1b/schema/if', keyword: 'if' }]);
  });
});
