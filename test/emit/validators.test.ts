import { describe, expect, it } from 'vitest';
import { topLevelStatements, typeCheck, validateJsonSchema, validateOpenApi } from '../helpers/validators.js';

describe('test/helpers/validators (the checks can fail)', () => {
  it('typeCheck reports type errors, strictness errors and erasable-syntax errors', () => {
    expect(typeCheck({ 'a.ts': 'export const x: number = 1;\n' })).toEqual([]);
    expect(typeCheck({ 'a.ts': "export const x: number = 'one';\n" })).toEqual(["a.ts:1:14 TS2322 Type 'string' is not assignable to type 'number'."]);
    expect(typeCheck({ 'a.ts': 'export function f(x) { return x; }\n' }).join('\n')).toMatch(/TS7006/);
    expect(typeCheck({ 'a.ts': 'export enum E { A = 1 }\n' }, { erasableSyntaxOnly: true }).join('\n')).toMatch(/TS1294/);
    expect(typeCheck({ 'a.ts': "import { y } from './b.js';\nexport const x = y;\n" }).join('\n')).toMatch(/TS2307/);
  });

  it('topLevelStatements shows unexpected statements and parse errors', () => {
    const statements = topLevelStatements('export const a = 1;\nconsole.log(a);\n/* x */ */\n');
    expect(statements).toContain('parse-error Expression expected.');
    expect(statements.filter((line) => !line.startsWith('parse-error'))).toEqual(['export const a', 'other ExpressionStatement', 'other ExpressionStatement']);
  });

  it('validateJsonSchema rejects unknown keywords (strict) and invalid schemas', () => {
    expect(validateJsonSchema({ type: 'integer', 'x-enum-varnames': ['A'] }).errors).not.toEqual([]);
    expect(validateJsonSchema({ type: 'integer', enum: [] }).errors).not.toEqual([]);
    expect(validateJsonSchema({ type: 'integer' }).accepts('1')).toBe(false);
  });

  it('validateOpenApi does not mutate its input', async () => {
    const doc = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: { A: { type: 'string' } },
        responses: { R: { description: 'r', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } },
      },
    };
    const before = structuredClone(doc);
    expect(await validateOpenApi(doc)).toEqual([]);
    expect(doc).toEqual(before);
  });

  it('validateOpenApi rejects invalid documents and dangling $refs', async () => {
    expect(await validateOpenApi({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} })).toEqual([]);
    expect(await validateOpenApi({ openapi: '3.1.0', info: { title: 't' }, paths: {} })).not.toEqual([]);
    expect(
      await validateOpenApi({
        openapi: '3.1.0',
        info: { title: 't', version: '1' },
        paths: {},
        components: { responses: { A: { description: 'a', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } } },
      }),
    ).not.toEqual([]);
  });
});
