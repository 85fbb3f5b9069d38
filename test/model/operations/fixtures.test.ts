/**
 * Fixture pairs: test/fixtures/operations/<name>.rst (or a folder of pages)
 * beside <name>.expected.json — the operations, component schemas and
 * diagnostics the pages yield, with the OpenAPI paths they become. A fixture
 * named after an operation rule must raise that rule; every rule has one.
 * Every fixture's spec is valid OpenAPI 3.1, and every example in it
 * validates against its schema (ajv 2020-12).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { severityOf } from '../../../src/diagnostics.js';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import { buildOperations } from '../../../src/model/operations/index.js';
import { operationRules } from '../../../src/model/operations/rules.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { fromRst } from '../../../src/parse/index.js';
import { accountRows } from '../../helpers/operation-rows.js';
import { validateOpenApi } from '../../helpers/validators.js';

const dir = fileURLToPath(new URL('../../fixtures/operations/', import.meta.url));

function fixtures(): Array<{ name: string; pages: string[] }> {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.rst') || statSync(path.join(dir, n)).isDirectory())
    .sort()
    .map((n) =>
      n.endsWith('.rst')
        ? { name: n.slice(0, -4), pages: [n] }
        : {
            name: n,
            pages: readdirSync(path.join(dir, n))
              .filter((p) => p.endsWith('.rst'))
              .sort()
              .map((p) => `${n}/${p}`),
          },
    );
}

/** A service with the two error statuses the fixtures' pages mention, so `$ref`s to response components show. */
const service = (operations: ServiceModel['operations']): ServiceModel => ({
  service: 'fixture',
  title: 'Fixture',
  statusCodes: [
    { code: 400, phrase: 'Bad Request', standardPhrase: 'Bad Request', description: 'Bad request.', group: null, sources: [] },
    { code: 404, phrase: 'Not Found', standardPhrase: 'Not Found', description: 'Not found.', group: null, sources: [] },
  ],
  statusClasses: [],
  errorCodes: [],
  sources: [],
  ...(operations ? { operations } : {}),
});

/** `cellBlocks: false` (as `generate` parses): the cells' block trees are not built; the model reads none of them. */
function run(pages: readonly string[], cellBlocks = true) {
  const files = new Map<string, VFile>();
  const input = pages.map((p) => {
    const text = readFileSync(path.join(dir, p), 'utf8');
    return { path: p, text, root: fromRst(text, { path: p, skeleton: false, document: true, cellBlocks }) };
  });
  const { model, stats } = buildOperations(input, files);
  const messages = pages.flatMap((p) =>
    (files.get(p)?.messages ?? []).map((m) => ({ file: p, line: m.line, column: m.column, ruleId: m.ruleId, severity: severityOf(m), reason: m.reason })),
  );
  const doc = openApiDocument(service(model), 'fixture');
  const rows = model
    ? accountRows(
        input.map((p) => ({ path: p.path, text: p.text, messages: files.get(p.path)?.messages ?? [] })),
        model,
      )
    : null;
  return { model, stats, messages, paths: doc['paths'], doc, rows };
}

describe('operation fixtures', () => {
  const all = fixtures();
  it('has a fixture for every operation rule', () => {
    const names = new Set(all.map((f) => f.name));
    expect(Object.keys(operationRules).filter((id) => !names.has(id))).toEqual([]);
  });
  for (const fixture of all) {
    it(fixture.name, async () => {
      const { model, messages, paths, doc, rows } = run(fixture.pages);
      const withoutCellBlocks = run(fixture.pages, false);
      expect({ model: withoutCellBlocks.model, messages: withoutCellBlocks.messages }).toEqual({ model, messages });
      if (fixture.name in operationRules) expect(messages.map((m) => m.ruleId)).toContain(fixture.name);
      for (const m of messages) expect(m.line).toBeGreaterThan(0);
      // Every parameter row, counted from the pages' own tables, lands in the model or in a diagnostic.
      expect(rows?.lost ?? []).toEqual([]);
      expect(await validateOpenApi(doc)).toEqual([]);
      const ajv = new Ajv2020({ strict: true });
      ajv.addKeyword('x-generated-by');
      const schemas = (doc['components'] as { schemas: Record<string, unknown> }).schemas;
      const rebase = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replaceAll('"#/components/schemas/', '"https://rst-codegen.invalid/c#/$defs/'));
      ajv.addSchema({ $id: 'https://rst-codegen.invalid/c', $defs: rebase(schemas) });
      for (const item of Object.values(paths as Record<string, Record<string, Record<string, unknown>>>)) {
        for (const op of Object.values(item)) {
          const contents = [
            (op['requestBody'] as { content?: Record<string, { schema: unknown; example?: unknown }> } | undefined)?.content,
            ...Object.values(op['responses'] as Record<string, { content?: Record<string, { schema: unknown; example?: unknown }> }>).map((r) => r.content),
          ];
          for (const content of contents) {
            for (const entry of Object.values(content ?? {})) {
              const validate = ajv.compile(rebase(entry.schema) as object);
              if ('example' in entry) expect(validate(entry.example), JSON.stringify(validate.errors)).toBe(true);
            }
          }
        }
      }
      await expect(`${JSON.stringify({ model, messages, paths }, null, 2)}\n`).toMatchFileSnapshot(path.join(dir, `${fixture.name}.expected.json`));
    });
  }
});
