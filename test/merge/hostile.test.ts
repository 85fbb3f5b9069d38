/** Issue 12's merge cases: deep nesting, a numeric `openapi`, comments at the end of a section. */
import { describe, expect, it } from 'vitest';
import type { GeneratedComponents } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { MAX_DEPTH, dataTooDeep } from '../../src/merge/depth.js';
import { comments, generated, lostLines } from './helpers.js';

const HEAD = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';

describe('merge: nesting bound', () => {
  const deep: Record<string, string> = {
    'flow YAML': `${HEAD}x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    'block YAML': `${HEAD}x-deep:\n${Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i + 1)}a:\n`).join('')}`,
    'block sequence on one line': `${HEAD}x-deep: \n  ${'- '.repeat(5000)}x\n`,
    JSON: `{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
  };
  for (const [name, text] of Object.entries(deep)) {
    it(`refuses a 5,000-deep ${name} spec with a clear message`, () => {
      const result = merge(text, generated(), { specPath: name === 'JSON' ? 'deep.json' : 'deep.yaml' });
      expect(result.writable).toBe(false);
      expect(result.diagnostics.map((m) => m.ruleId)).toEqual(['spec-too-deep']);
      expect(result.diagnostics[0]?.reason).toBe(
        `The spec nests more than ${MAX_DEPTH} levels deep; refusing to read it (no OpenAPI document needs that many).`,
      );
      expect(result.diagnostics[0]?.line).toBeGreaterThanOrEqual(name === 'JSON' ? 1 : 4);
    });
  }

  it('merges into a spec nested just below the bound', () => {
    const depth = MAX_DEPTH - 10;
    const text = `${HEAD}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const result = merge(text, generated(), {});
    expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
    expect(result.writable).toBe(true);
  });

  it("refuses aliases that nest an anchor's value past the bound", () => {
    // Each anchor nests the one before 40 levels deeper: 12 aliases, 480 levels once expanded.
    const levels = Array.from({ length: 12 }, (_, i) => `l${i + 1}: &l${i + 1} ${'['.repeat(40)}*l${i}${']'.repeat(40)}`);
    const text = `${HEAD}x-a:\n  l0: &l0 x\n${levels.map((l) => `  ${l}`).join('\n')}\n`;
    const result = merge(text, generated(), {});
    expect(result.writable).toBe(false);
    expect(result.diagnostics).toHaveLength(1);
    expect(['spec-too-deep', 'spec-alias-bomb']).toContain(result.diagnostics[0]?.ruleId);
  });

  it('refuses an alias inside its own anchor (data that contains itself)', () => {
    for (const cycle of ['x-a: &a [*a]\n', 'x-a: &a {b: [*a]}\n']) {
      const result = merge(HEAD + cycle, generated(), {});
      expect(result.writable).toBe(false);
      expect(result.diagnostics.map((m) => m.ruleId)).toEqual(['spec-alias-cycle']);
    }
  });

  it('refuses a generated document nested past the bound', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 5000; i++) schema = { items: schema };
    const result = merge(HEAD, { schemas: { Deep: schema } } as GeneratedComponents, {});
    expect(result.writable).toBe(false);
    expect(result.diagnostics.map((m) => m.ruleId)).toEqual(['generated-too-deep']);
  });

  it('measures shared data once (no exponential walk)', () => {
    let node: unknown[] = [];
    for (let i = 0; i < 60; i++) node = [node, node];
    expect(dataTooDeep(node, 100)).toBe(false);
    expect(dataTooDeep(node, 50)).toBe(true);
  });
});

describe('merge: the openapi version', () => {
  it('names a version written as a number', () => {
    const result = merge('openapi: 3.1\ninfo: {title: t, version: "1"}\npaths: {}\n', generated(), { specPath: 'api.yaml' });
    expect(result.writable).toBe(false);
    expect(String(result.diagnostics[0])).toBe(
      "api.yaml:1:10-1:13: The spec's `openapi` version is the number `3.1`, not a string: write it as a string with its patch version (`openapi: '3.1.0'`).",
    );
    const json = merge('{"openapi": 3.0, "info": {"title": "t", "version": "1"}, "paths": {}}', generated(), { specPath: 'api.json' });
    expect(json.diagnostics[0]?.reason).toContain('is the number `3.0`, not a string: write it as a string with its patch version (`"openapi": "3.0.0"`)');
  });
});

describe('merge: comments at the end of a section', () => {
  const spec = `${HEAD}components:
  schemas:
    Pet:
      type: object
      # a property for later
    # end of schemas
  # end of components

# end of file
`;
  // The responses without their content (which refers to the schemas).
  const responsesOnly: GeneratedComponents = {
    responses: Object.fromEntries(
      Object.entries(generated().responses ?? {}).map(([name, response]) => {
        const { content: _content, ...rest } = response as Record<string, unknown>;
        return [name, rest];
      }),
    ),
  };

  it('keeps a comment at the end of components.schemas where it was when responses are appended', () => {
    const result = merge(spec, responsesOnly, {});
    expect(result.writable).toBe(true);
    expect(
      result.text.startsWith(
        `${HEAD}components:\n  schemas:\n    Pet:\n      type: object\n      # a property for later\n    # end of schemas\n  responses:\n`,
      ),
    ).toBe(true);
    expect(result.text.endsWith('  # end of components\n\n# end of file\n')).toBe(true);
    expect(comments(result.text)).toEqual(comments(spec));
    expect(lostLines(spec, result.text)).toEqual([]);
  });

  it("appends schemas after the last entry's own comments, before the comment closing the map", () => {
    const result = merge(spec, generated(), {});
    expect(result.text).toContain('      # a property for later\n    StatusCode:\n');
    expect(result.text).toContain('      x-generated-by: rst-codegen\n    # end of schemas\n  responses:\n');
    expect(result.text.endsWith('  # end of components\n\n# end of file\n')).toBe(true);
  });

  it('keeps the comments after a generated entry it replaces', () => {
    const first = merge(spec, responsesOnly, {}).text;
    const stale = first.replace('Internal Server Error: the server could not complete the request.', 'Old text.');
    const updated = merge(stale, responsesOnly, {});
    expect(updated.summary.updated).toEqual(['responses/InternalServerError']);
    expect(updated.text).toBe(first);
  });
});
