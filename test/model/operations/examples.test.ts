/**
 * Hostile examples: a code block nesting far past any sane depth is
 * reported as `invalid-example` and never reaches a walk or the JSON writer.
 */
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { toJson } from '../../../src/emit/text.js';
import { MAX_EXAMPLE_DEPTH, firstMismatch, jsonDepth, readExample } from '../../../src/model/operations/examples.js';
import { buildOperations } from '../../../src/model/operations/index.js';
import { fromRst } from '../../../src/parse/index.js';

const nested = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

describe('example depth', () => {
  it('measures depth without recursion', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    expect(jsonDepth(JSON.parse(nested(200_000)))).toBe(MAX_EXAMPLE_DEPTH + 1);
  });
  it('reports an example deeper than the bound, reads one at the bound', () => {
    expect(readExample(`{"items": ${nested(MAX_EXAMPLE_DEPTH - 1)}}`).kind).toBe('json');
    expect(readExample(`{"items": ${nested(MAX_EXAMPLE_DEPTH)}}`).kind).toBe('invalid');
  });
  it('treats a walk past the bound as a mismatch, not a match', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200; i++) value = [value];
    let schema: Record<string, unknown> = { type: 'integer' };
    for (let i = 0; i < 200; i++) schema = { type: 'array', items: schema };
    expect(firstMismatch(value, schema, () => undefined)).not.toBeNull();
  });
  it('a page with a 200,000-deep example builds and serialises', () => {
    const text = `Listing Things\n==============\n\nURI\n---\n\nGET /v1/things\n\nResponse\n--------\n\n===== ===== ===========\nName  Type  Description\n===== ===== ===========\nitems Array The things.\n===== ===== ===========\n\nExample Response\n----------------\n\n.. code-block::\n\n   {"items": ${nested(200_000)}}\n`;
    const files = new Map<string, VFile>();
    const { model } = buildOperations([{ path: 'deep.rst', text, root: fromRst(text, { path: 'deep.rst', skeleton: false, document: true }) }], files);
    expect(files.get('deep.rst')?.messages.map((m) => m.ruleId)).toContain('invalid-example');
    const doc = openApiDocument(
      { service: 'x', title: 'X', statusCodes: [], statusClasses: [], errorCodes: [], sources: [], ...(model ? { operations: model } : {}) },
      'x',
    );
    expect(() => toJson(doc)).not.toThrow();
  });
});
