/**
 * Issue 10's corpus check: the 1,108 API-reference pages of the ten services
 * of ../shared/corpus/api-ref, each service generated in memory (each page
 * parsed once). No exception; every page with a URI section or request
 * syntax yields an operation or a diagnostic; every parameter row lands in a
 * schema or a diagnostic; every spec is valid OpenAPI 3.1, every schema
 * compiles under ajv 2020-12 and every example in the spec validates against
 * its schema. Prints the totals.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { generate } from '../../../src/generate.js';
import { accountRows } from '../../helpers/operation-rows.js';
import { validateOpenApi } from '../../helpers/validators.js';

const corpus = path.resolve(import.meta.dirname, '../../../../shared/corpus/api-ref');
const present = existsSync(corpus);
if (!present) console.log('api-ref operations corpus test skipped: ../shared/corpus/api-ref not found');

const CODE_PAGE = /(status|error)_?codes?/i;
const walk = (dir: string, rel = ''): string[] =>
  readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? walk(dir, child) : e.name.endsWith('.rst') ? [child] : [];
  });

/** Every Schema Object of a document (components, parameters, bodies, headers), with a path for messages. */
function schemasOf(doc: Record<string, unknown>): Array<{ where: string; schema: unknown; example?: unknown; hasExample: boolean }> {
  const out: Array<{ where: string; schema: unknown; example?: unknown; hasExample: boolean }> = [];
  const components = (doc['components'] as { schemas: Record<string, unknown> }).schemas;
  for (const [name, schema] of Object.entries(components)) out.push({ where: `#/components/schemas/${name}`, schema, hasExample: false });
  for (const [p, item] of Object.entries(doc['paths'] as Record<string, Record<string, Record<string, unknown>>>)) {
    for (const [method, op] of Object.entries(item)) {
      const where = `${method.toUpperCase()} ${p}`;
      for (const param of (op['parameters'] as Array<{ name: string; schema: unknown }> | undefined) ?? [])
        out.push({ where: `${where} ${param.name}`, schema: param.schema, hasExample: false });
      const bodies: Array<[string, Record<string, { schema: unknown; example?: unknown }> | undefined]> = [
        ['request', (op['requestBody'] as { content?: Record<string, { schema: unknown; example?: unknown }> } | undefined)?.content],
        ...Object.entries((op['responses'] as Record<string, { content?: Record<string, { schema: unknown; example?: unknown }> }>) ?? {}).map(
          ([status, r]) => [status, r.content] as [string, Record<string, { schema: unknown; example?: unknown }> | undefined],
        ),
      ];
      for (const [what, content] of bodies) {
        for (const [media, entry] of Object.entries(content ?? {})) {
          out.push({ where: `${where} ${what} ${media}`, schema: entry.schema, example: entry.example, hasExample: 'example' in entry });
        }
      }
    }
  }
  return out;
}

describe.skipIf(!present)('operations: the 1,108 api-ref pages of ten services', () => {
  const services = present ? readdirSync(corpus).sort() : [];
  const loaded = services.map((service) => {
    const dir = path.join(corpus, service);
    const all = walk(dir).sort();
    const toFile = (p: string) => new VFile({ path: `${service}/${p}`, value: readFileSync(path.join(dir, p), 'utf8') });
    return {
      service,
      pages: all.filter((p) => CODE_PAGE.test(p)).map(toFile),
      apiPages: all.filter((p) => !CODE_PAGE.test(p)).map(toFile),
    };
  });

  it('generates ten valid specs; every row and page is accounted for', async () => {
    expect(loaded.flatMap((s) => [...s.pages, ...s.apiPages])).toHaveLength(1108);
    const runFile = new VFile({ path: 'run' });
    const result = generate(
      loaded.map((s) => ({ service: s.service, title: s.service, pages: s.pages, apiPages: s.apiPages })),
      { style: 'enum' },
      runFile,
    );
    const byRule: Record<string, number> = {};
    for (const s of loaded)
      for (const f of [...s.pages, ...s.apiPages]) for (const m of f.messages) byRule[m.ruleId ?? '?'] = (byRule[m.ruleId ?? '?'] ?? 0) + 1;

    const totals = {
      operations: 0,
      path: 0,
      query: 0,
      header: 0,
      bodies: 0,
      components: 0,
      examples: 0,
      examplesReported: (byRule['invalid-example'] ?? 0) + (byRule['example-mismatch'] ?? 0),
    };
    const ajv = new Ajv2020({ strict: true, allErrors: false });
    ajv.addKeyword('x-generated-by');
    ajv.addKeyword('xml'); // OpenAPI's Schema Object keyword (an XML error body's element names)
    const problems: string[] = [];
    for (const { service } of loaded) {
      const file = result.files.find((f) => f.path === `${service}/openapi.json`);
      expect(file, service).toBeDefined();
      const doc = JSON.parse(file!.contents) as Record<string, unknown>;
      const errors = await validateOpenApi(doc);
      expect(errors, `${service}/openapi.json`).toEqual([]);
      const components = (doc['components'] as { schemas: Record<string, unknown> }).schemas;
      ajv.removeSchema('https://rst-codegen.invalid/components');
      const rebase = (schema: unknown): unknown =>
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"https://rst-codegen.invalid/components#/$defs/'));
      ajv.addSchema({ $id: 'https://rst-codegen.invalid/components', $defs: rebase(components) });
      // Many schemas of a spec are alike ({ type: 'string' } ...): each distinct one is compiled once per
      // service (its $refs resolve against this service's components).
      const compiled = new Map<string, ValidateFunction | string>();
      for (const entry of schemasOf(doc)) {
        const schema = JSON.stringify(rebase(entry.schema));
        let validate = compiled.get(schema);
        if (validate === undefined) {
          try {
            validate = ajv.compile(JSON.parse(schema) as object);
          } catch (error) {
            validate = String(error);
          }
          compiled.set(schema, validate);
        }
        if (typeof validate === 'string') {
          problems.push(`${service} ${entry.where}: ${validate}`);
          continue;
        }
        if (entry.hasExample) {
          totals.examples++;
          if (!validate(entry.example)) problems.push(`${service} ${entry.where}: example invalid ${ajv.errorsText(validate.errors)}`);
        }
      }
      const paths = doc['paths'] as Record<string, Record<string, { parameters?: Array<{ in: string }>; requestBody?: unknown }>>;
      for (const item of Object.values(paths)) {
        for (const op of Object.values(item)) {
          totals.operations++;
          for (const p of op.parameters ?? []) totals[p.in as 'path' | 'query' | 'header']++;
          if (op.requestBody) totals.bodies++;
        }
      }
      totals.components += Object.keys(components).length;
    }
    expect(problems.slice(0, 20)).toEqual([]);

    // Every page with a URI section or request syntax yields an operation or a diagnostic.
    const unexplained: string[] = [];
    for (const s of loaded) {
      const model = result.model.services.find((m) => m.service === s.service)!;
      const opPages = new Set(model.operations?.operations.flatMap((o) => o.pages) ?? []);
      for (const page of s.apiPages) {
        const text = String(page.value);
        if (!/^(?:URI|Request Syntax|- {2}URI format)\s*$/m.test(text)) continue;
        const explained = page.messages.some((m) => ['no-request-path', 'no-request-line', 'duplicate-operation'].includes(m.ruleId ?? ''));
        if (!opPages.has(page.path) && !explained) unexplained.push(page.path);
      }
    }
    expect(unexplained).toEqual([]);

    // Every parameter row lands in a schema or a diagnostic, counted from the pages' own tables (not from the
    // extractor's bookkeeping): each row of a parameter table of an operation page is named by a parameter or
    // property of that page's operations, or a diagnostic sits on its line or on its table.
    let rows = 0;
    let placed = 0;
    let explained = 0;
    const lost: string[] = [];
    for (const s of loaded) {
      const model = result.model.services.find((m) => m.service === s.service)!.operations;
      if (!model) continue;
      const count = accountRows(
        s.apiPages.map((page) => ({ path: page.path, text: String(page.value), messages: page.messages })),
        model,
      );
      rows += count.rows;
      placed += count.placed;
      explained += count.explained;
      lost.push(...count.lost);
    }
    expect(lost.slice(0, 20)).toEqual([]);
    expect(rows).toBeGreaterThan(0);
    console.log(
      `api-ref operations: ${loaded.reduce((n, s) => n + s.pages.length + s.apiPages.length, 0)} pages, ${totals.operations} operations; ` +
        `parameters: ${totals.path} path, ${totals.query} query, ${totals.header} header; ${totals.bodies} request bodies; ` +
        `${totals.components} component schemas; examples: ${totals.examples} in the specs (all valid), ${totals.examplesReported} reported\n` +
        `parameter rows: ${rows}, ${placed} in schemas, ${explained} explained by a diagnostic\n` +
        `diagnostics by rule: ${Object.entries(byRule)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}`,
    );
  }, 600_000);
});
