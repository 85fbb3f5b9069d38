import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MergeOptions } from '../../src/merge/index.js';
import { GENERATED_MARKER, merge } from '../../src/merge/index.js';

const MARKER_KEY = GENERATED_MARKER.key;
const MARKER_VALUE = GENERATED_MARKER.value;
import { validateSpec } from '../../src/merge/validate.js';
import { expectedText } from '../helpers/fixtures.js';
import { comments, data, fixtures, generated, lostLines, readFixture } from './helpers.js';

interface Case {
  input: string;
  options: MergeOptions;
  expected?: string;
  /** The merge replaces entries (stale or overwritten), so not every original line stays. */
  replaces?: boolean;
  /** Original lines (1-based) the merge may change: an empty `{}` filled with entries. */
  filled?: number[];
}

const cases: Case[] = [
  { input: 'pets-31.yaml', options: { wire: true } },
  { input: 'no-components.yaml', options: { wire: true } },
  { input: 'storage-30.yaml', options: { wire: true }, filled: [13] },
  { input: 'tabs.json', options: { wire: true }, filled: [17] },
  { input: 'minified.json', options: { wire: true }, filled: [1] },
  { input: 'crlf.yaml', options: {} },
  { input: 'stale.yaml', options: {}, replaces: true },
  { input: 'conflict.yaml', options: { onConflict: 'keep', wire: true }, expected: 'conflict.keep.expected.yaml' },
  { input: 'conflict.yaml', options: { onConflict: 'overwrite' }, expected: 'conflict.overwrite.expected.yaml', replaces: true },
];

function expectedName(c: Case): string {
  return c.expected ?? c.input.replace(/\.(\w+)$/, '.expected.$1');
}

describe('merge: fixtures', () => {
  for (const c of cases) {
    describe(`${c.input} ${JSON.stringify(c.options)}`, () => {
      const input = readFixture(c.input);
      const isJson = c.input.endsWith('.json');
      const result = merge(input, generated(), { ...c.options, specPath: c.input });

      it('gives the expected text', () => {
        expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
        expect(result.writable).toBe(true);
        expect(result.changed).toBe(true);
        expect(result.text).toBe(expectedText(path.join(fixtures, expectedName(c)), result.text));
      });

      it('is idempotent: a second merge changes no byte', () => {
        const again = merge(result.text, generated(), { ...c.options, specPath: c.input });
        expect(again.writable).toBe(true);
        expect(again.changed).toBe(false);
        expect(again.text).toBe(result.text);
        expect(again.summary.added).toEqual([]);
        expect(again.summary.updated).toEqual([]);
        expect(again.summary.wired).toBe(0);
      });

      it('keeps every comment, in order', () => {
        if (isJson) return;
        expect(comments(result.text)).toEqual(comments(input));
      });

      if (!c.replaces) {
        it('keeps every original line unchanged and in order', () => {
          expect(lostLines(input, result.text, isJson)).toEqual(c.filled ?? []);
        });
      }

      it('validates as OpenAPI', () => {
        const merged = data(result.text);
        const dialect = String(merged['openapi']).startsWith('3.0') ? '3.0' : '3.1';
        expect(validateSpec(merged, dialect)).toMatchObject({ valid: true });
      });

      it('marks every merged entry', () => {
        const merged = data(result.text) as { components: Record<string, Record<string, Record<string, unknown>>> };
        for (const id of [...result.summary.added, ...result.summary.updated, ...result.summary.overwritten]) {
          const [section = '', name = ''] = id.split('/');
          expect(merged.components[section]?.[name]?.[MARKER_KEY]).toBe(MARKER_VALUE);
        }
      });
    });
  }

  it('does not mutate the generated components', () => {
    const components = generated();
    const copy = structuredClone(components);
    merge(readFixture('storage-30.yaml'), components, { wire: true });
    expect(components).toEqual(copy);
  });
});

describe('merge: conflicts', () => {
  const input = readFixture('conflict.yaml');
  const sourceText = readFixture('generated.openapi.json');

  it('refuses a clash with a hand-written entry, naming both places', () => {
    const result = merge(input, generated(), { specPath: 'spec.yaml', sourcePath: 'gen/openapi.json', sourceText });
    expect(result.writable).toBe(false);
    expect(result.changed).toBe(false);
    expect(result.text).toBe(input);
    const errors = result.diagnostics.filter((m) => m.fatal === true);
    expect(errors.map((m) => m.ruleId)).toEqual(['merge-conflict', 'merge-conflict']);
    expect(errors[0]?.reason).toContain('`components.responses.NotFound` at spec.yaml:8:5');
    expect(errors[0]?.reason).toContain('clashes with the generated one from gen/openapi.json:26:7;');
    expect(errors[0]?.line).toBe(8);
    expect(errors[0]?.column).toBe(5);
    expect(errors[1]?.reason).toContain('`components.schemas.ErrorResponse` at spec.yaml:11:5');
  });

  it('keeps the hand-written entries with onConflict: keep, and does not wire them', () => {
    const result = merge(input, generated(), { onConflict: 'keep', wire: true });
    const merged = data(result.text) as { components: { responses: Record<string, unknown>; schemas: Record<string, unknown> } };
    expect(merged.components.responses['NotFound']).toEqual({ description: 'Nothing here.' });
    expect(merged.components.schemas['ErrorResponse']).toEqual({ type: 'object', properties: { message: { type: 'string' } } });
    expect(result.summary.kept).toEqual(['responses/NotFound', 'schemas/ErrorResponse']);
    expect(result.diagnostics.filter((m) => m.ruleId === 'merge-conflict-kept')).toHaveLength(2);
  });

  it('replaces them with onConflict: overwrite, marked as generated', () => {
    const result = merge(input, generated(), { onConflict: 'overwrite' });
    const merged = data(result.text) as { components: { responses: Record<string, Record<string, unknown>> } };
    expect(merged.components.responses['NotFound']?.[MARKER_KEY]).toBe(MARKER_VALUE);
    expect(merged.components.responses['NotFound']?.['description']).toBe('Not Found: the requested resource could not be found.');
    expect(result.summary.overwritten).toEqual(['responses/NotFound', 'schemas/ErrorResponse']);
  });

  it('treats an entry marked by another tool as hand-written', () => {
    const spec =
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    StatusCode:\n      type: string\n      x-generated-by: other-tool\n';
    const result = merge(spec, { schemas: { StatusCode: { type: 'integer' } } });
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('merge-conflict');
  });
});

describe('merge: stale generated entries', () => {
  it('updates a marked entry in place and keeps the comment above it and the user entry after it', () => {
    const input = readFixture('stale.yaml');
    const result = merge(input, generated());
    expect(result.summary.updated).toEqual(['responses/BadRequest']);
    expect(result.text).toContain("    # Generated by rst-codegen from status_codes.rst.\n    BadRequest:\n      description: 'Bad Request");
    expect(result.text).toContain("    Teapot:   # the user's own\n      description: I am a teapot.\n");
    expect(result.text).not.toContain('An older description.');
  });
});

describe('merge: OpenAPI 3.0 translation', () => {
  const result = merge(readFixture('storage-30.yaml'), generated());
  const merged = data(result.text) as { components: { schemas: Record<string, Record<string, unknown>> } };

  it('rewrites 2020-12 keywords to the 3.0 dialect', () => {
    const { StatusCode, ErrorResponse } = merged.components.schemas;
    expect(StatusCode).not.toHaveProperty('$schema');
    expect(StatusCode).not.toHaveProperty('$id');
    expect(StatusCode).not.toHaveProperty('$comment');
    expect(StatusCode).not.toHaveProperty('examples');
    expect(StatusCode?.['example']).toBe(400);
    expect(ErrorResponse?.['properties']).toEqual({
      error_code: { type: 'string', example: 'CBR.0001' },
      error_msg: { type: 'string' },
      request_id: { type: 'string', nullable: true },
      retryable: { enum: [false] },
    });
  });

  it('passes 3.1 schemas through unchanged for a 3.1 spec', () => {
    const out = data(merge(readFixture('pets-31.yaml'), generated()).text) as { components: { schemas: Record<string, unknown> } };
    expect(out.components.schemas['StatusCode']).toEqual(generated().schemas?.['StatusCode']);
  });

  it('reports keywords 3.0 cannot express', () => {
    const out = merge(readFixture('storage-30.yaml'), { schemas: { Pair: { type: 'array', prefixItems: [{ type: 'string' }] } } });
    expect(out.writable).toBe(true);
    const warning = out.diagnostics.find((m) => m.ruleId === 'openapi-30-unsupported-keyword');
    expect(warning?.reason).toContain('`prefixItems` at `#/components/schemas/Pair/prefixItems`');
  });
});

describe('merge: wire', () => {
  const input = readFixture('pets-31.yaml');
  const result = merge(input, generated(), { wire: true });
  const before = data(input) as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  const after = data(result.text) as typeof before;

  it("never replaces an operation's own response", () => {
    for (const [path, item] of Object.entries(before.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses ?? {})) {
          expect(after.paths[path]?.[method]?.responses?.[status]).toEqual(response);
        }
      }
    }
  });

  it('adds a $ref for each documented status an operation lacks (4XX covers 400 and 404, default covers all)', () => {
    const keys = (path: string, method: string): string[] => Object.keys(after.paths[path]?.[method]?.responses ?? {});
    expect(keys('/pets', 'get').sort()).toEqual(['200', '400', 'default']);
    expect(keys('/pets', 'post').sort()).toEqual(['201', '4XX', '500']);
    expect(keys('/pets/{id}', 'delete').sort()).toEqual(['204', '400', '404', '500']);
    expect(after.paths['/pets/{id}']?.['delete']?.responses?.['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(result.summary.wired).toBe(4);
  });

  it('writes status keys quoted like the map they join', () => {
    expect(result.text).toContain('        "201":\n          description: Created.\n        4XX:\n          description: Client error.\n        "500":\n');
  });

  it('leaves operations alone without wire', () => {
    const plain = merge(input, generated());
    expect((data(plain.text) as typeof before).paths).toEqual(before.paths);
    expect(plain.summary.wired).toBe(0);
  });

  it('reads statuses from the generated StatusCode schema before names', () => {
    const out = merge(
      readFixture('no-components.yaml'),
      {
        responses: {
          BadRequest: { description: 'Partial, oddly named.' },
          BadRequest_400: { description: '400 Bad Request' },
        },
        schemas: {
          StatusCode: {
            type: 'integer',
            oneOf: [
              { const: 206, title: '206 Bad Request', description: 'Partial, oddly named.' },
              { const: 400, title: '400 Bad Request' },
            ],
          },
        },
      },
      { wire: true },
    );
    const ping = (data(out.text) as typeof before).paths['/ping']?.['get']?.responses;
    expect(ping).toEqual({ '200': { description: 'pong' }, '400': { $ref: '#/components/responses/BadRequest_400' } });
  });

  it('uses x-status-code for a response whose name is not a reason phrase', () => {
    const out = merge(
      readFixture('no-components.yaml'),
      {
        responses: { QuotaExceeded: { description: 'Quota exceeded.', 'x-status-code': 441 } },
      },
      { wire: 'all' },
    );
    const ping = (data(out.text) as typeof before).paths['/ping']?.['get']?.responses;
    expect(ping?.['441']).toEqual({ $ref: '#/components/responses/QuotaExceeded' });
  });
});

describe('merge: refusals', () => {
  const components = generated();

  it('refuses a YAML alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const bomb = `openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n${levels.join('\n')}\n`;
    const result = merge(bomb, components);
    expect(result.writable).toBe(false);
    expect(result.text).toBe(bomb);
    expect(result.diagnostics.map((m) => m.ruleId)).toEqual(['spec-alias-bomb']);
  });

  it('refuses a YAML syntax error, at its place', () => {
    const result = merge('openapi: 3.1.0\ninfo:\n  title: "unclosed\npaths: {}\n', components);
    expect(result.writable).toBe(false);
    const error = result.diagnostics[0];
    expect(error?.ruleId).toBe('spec-syntax');
    expect(error?.reason).toContain('Missing closing "quote');
    expect(error?.line).toBe(5);
  });

  it('refuses a JSON syntax error', () => {
    const result = merge('{\n  "openapi": "3.1.0",\n  "info": {\n}\n', components, { specPath: 'x.json' });
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('spec-syntax');
    expect(result.diagnostics[0]?.line).toBeGreaterThan(1);
  });

  it('refuses a spec that is not an object', () => {
    const result = merge('- openapi\n- 3.1.0\n', components);
    expect(result.diagnostics.map((m) => m.ruleId)).toEqual(['spec-not-object']);
    expect(result.diagnostics[0]?.line).toBe(1);
  });

  it('refuses Swagger 2.0 and OpenAPI versions other than 3.0.x / 3.1.x', () => {
    const swagger = merge('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n', components);
    expect(swagger.diagnostics[0]?.ruleId).toBe('spec-version-unsupported');
    expect(swagger.diagnostics[0]?.reason).toContain('Swagger `2.0`');
    const v32 = merge('openapi: 3.2.0\ninfo: {title: t, version: "1"}\npaths: {}\n', components);
    expect(v32.diagnostics[0]?.reason).toContain('OpenAPI `3.2.0`');
    expect(v32.diagnostics[0]?.line).toBe(1);
    expect(v32.writable).toBe(false);
  });

  it('refuses several documents and duplicate keys', () => {
    expect(merge('openapi: 3.1.0\n---\nopenapi: 3.1.0\n', components).diagnostics[0]?.ruleId).toBe('spec-syntax');
    expect(merge('openapi: 3.1.0\nopenapi: 3.1.0\n', components).diagnostics[0]?.ruleId).toBe('spec-syntax');
  });

  it('refuses a result that would be invalid OpenAPI, writing nothing', () => {
    const spec = readFixture('no-components.yaml');
    const result = merge(spec, { responses: { Broken: { content: {} } } });
    expect(result.writable).toBe(false);
    expect(result.text).toBe(spec);
    expect(result.diagnostics.some((m) => m.ruleId === 'merge-invalid-result' && m.reason.includes('`description`'))).toBe(true);
  });

  it('refuses a result with a $ref that does not resolve', () => {
    const result = merge(readFixture('no-components.yaml'), {
      responses: { Gone: { description: 'Gone.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Missing' } } } } },
    });
    expect(result.writable).toBe(false);
    expect(result.diagnostics.find((m) => m.ruleId === 'merge-invalid-result')?.reason).toContain('`#/components/schemas/Missing`');
  });

  it('merges into a spec that was already invalid, saying so, when it adds no problem', () => {
    const spec =
      'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n';
    const result = merge(spec, components);
    expect(result.writable).toBe(true);
    expect(result.diagnostics.find((m) => m.ruleId === 'spec-already-invalid')?.reason).toContain('#/components/responses/Nope');
  });
});

describe('merge: layout', () => {
  it('keeps tab indentation in JSON', () => {
    const result = merge(readFixture('tabs.json'), generated());
    const added = result.text.split('\n').filter((line) => line.includes('"x-generated-by"'));
    expect(added).toHaveLength(5);
    for (const line of added) expect(line).toMatch(/^\t+"x-generated-by": "rst-codegen",?$/);
  });

  it('keeps a minified JSON spec on one line', () => {
    const result = merge(readFixture('minified.json'), generated(), { wire: true });
    expect(result.text.split('\n')).toHaveLength(2);
    expect(result.text.endsWith('}\n')).toBe(true);
  });

  it('keeps CRLF line ends', () => {
    const result = merge(readFixture('crlf.yaml'), generated());
    expect(result.text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('appends after a last line without a newline', () => {
    const input = readFixture('no-components.yaml');
    expect(input.endsWith('\n')).toBe(false);
    const result = merge(input, generated());
    expect(result.text.startsWith(input + '\n')).toBe(true);
  });

  it('keeps a byte order mark', () => {
    const result = merge('\uFEFF' + readFixture('crlf.yaml'), generated());
    expect(result.writable).toBe(true);
    expect(result.text.startsWith('\uFEFFopenapi: 3.1.0')).toBe(true);
  });
});
