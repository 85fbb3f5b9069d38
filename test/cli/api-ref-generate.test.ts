/**
 * Issue 10 over the 1,108 API-reference pages of the ten services of
 * ../shared/corpus/api-ref, in one in-process CLI run (generation is the
 * expensive part: the CLI's acceptance and the corpus checks share it).
 *
 * Through the CLI: a config with the ten services (each by its docs folder)
 * writes ten specs, each valid OpenAPI 3.1 with operations under `paths`.
 *
 * The corpus check, on what that run wrote (each service's openapi.json and
 * model.json) and reported (`--verbose --format json`: every diagnostic): no
 * exception; every page with a URI section or request syntax yields an
 * operation or a diagnostic; every parameter row lands in a schema or a
 * diagnostic; every schema compiles under ajv 2020-12 and every example in the
 * spec validates against its schema. Prints the totals.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { OperationsModel } from '../../src/model/operations/types.js';
import { accountRows } from '../helpers/operation-rows.js';
import { validateOpenApi } from '../helpers/validators.js';
import { config, project, repoRoot, run, type Run } from './helpers.js';

const corpus = path.resolve(repoRoot, '..', 'shared/corpus/api-ref');
const present = existsSync(corpus);
if (!present) console.log('api-ref generate and operations corpus tests skipped: ../shared/corpus/api-ref not found');

const COMPONENT = '#/components/schemas/';
const CODE_PAGE = /(status|error)_?codes?/i;
const walk = (dir: string, rel = ''): string[] =>
  readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const child = rel === '' ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? walk(dir, child) : e.name.endsWith('.rst') ? [child] : [];
  });

interface Diagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  severity: string;
  message: string;
  ruleId: string | null;
}

/** The one CLI run of this file: `generate --verbose --format json` on a temporary copy of the corpus. */
let generated: Promise<{ dir: string; services: string[]; result: Run; diagnostics: Diagnostic[] }> | undefined;
function generateApiRef() {
  generated ??= (async () => {
    const services = readdirSync(corpus).sort();
    const dir = project({});
    cpSync(corpus, path.join(dir, 'docs'), { recursive: true }); // a temporary copy: generate refuses docs folders that lead outside the project
    writeFileSync(path.join(dir, 'rst-codegen.config.json'), config(services.map((name) => ({ name, docs: `docs/${name}` }))));
    const result = await run(['generate', '--verbose', '--format', 'json'], dir);
    return { dir, services, result, diagnostics: JSON.parse(result.stderr) as Diagnostic[] };
  })();
  return generated;
}

/** Each service's openapi.json as written, parsed, and its OpenAPI validation: done once, for both tests. */
const specs = new Map<string, { doc: Record<string, unknown>; errors: Promise<string[]> }>();
function specOf(dir: string, service: string) {
  let spec = specs.get(service);
  if (spec === undefined) {
    const doc = JSON.parse(readFileSync(path.join(dir, 'generated', service, 'openapi.json'), 'utf8')) as Record<string, unknown>;
    spec = { doc, errors: validateOpenApi(doc) };
    specs.set(service, spec);
  }
  return spec;
}

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

describe.skipIf(!present)('generate: the ten api-ref services in one config', () => {
  it('writes ten valid specs with their operations', async () => {
    const { dir, services, result, diagnostics } = await generateApiRef();
    expect(services).toHaveLength(10);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
    let operations = 0;
    for (const name of services) {
      const { doc, errors } = specOf(dir, name);
      expect(await errors, name).toEqual([]);
      const count = Object.values(doc['paths'] as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
      expect(count, name).toBeGreaterThan(0);
      operations += count;
    }
    console.log(`api-ref generate: ten specs, ${operations} operations`);
  }, 600_000);
});

describe.skipIf(!present)('operations: the 1,108 api-ref pages of ten services', () => {
  it('generates ten valid specs; every row and page is accounted for', async () => {
    const { dir, services, diagnostics } = await generateApiRef();
    // The pages as the run read them (paths as it reports them), each with the diagnostics reported on it.
    const messagesOf = new Map<string, Diagnostic[]>();
    for (const d of diagnostics) messagesOf.set(d.file ?? '', [...(messagesOf.get(d.file ?? '') ?? []), d]);
    const loaded = services.map((service) => {
      const all = walk(path.join(dir, 'docs', service)).sort();
      const toPage = (p: string) => {
        const rel = `docs/${service}/${p}`;
        return { path: rel, text: readFileSync(path.join(dir, rel), 'utf8'), messages: messagesOf.get(rel) ?? [] };
      };
      return { service, pages: all.filter((p) => CODE_PAGE.test(p)).map(toPage), apiPages: all.filter((p) => !CODE_PAGE.test(p)).map(toPage) };
    });
    expect(loaded.flatMap((s) => [...s.pages, ...s.apiPages])).toHaveLength(1108);
    const pageFiles = new Set(loaded.flatMap((s) => [...s.pages, ...s.apiPages].map((p) => p.path)));
    const byRule: Record<string, number> = {};
    for (const d of diagnostics) if (pageFiles.has(d.file ?? '')) byRule[d.ruleId ?? '?'] = (byRule[d.ruleId ?? '?'] ?? 0) + 1;
    const operationsOf = (service: string) =>
      (JSON.parse(readFileSync(path.join(dir, 'generated', service, 'model.json'), 'utf8')) as { operations?: OperationsModel }).operations;

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
    // code.optimize false: ajv skips tidying the generated validator code (validation is the same, compiles ~40% cheaper).
    const ajv = new Ajv2020({ strict: true, allErrors: false, inlineRefs: false, code: { optimize: false } });
    ajv.addKeyword('x-generated-by');
    ajv.addKeyword('xml'); // OpenAPI's Schema Object keyword (an XML error body's element names)
    const problems: string[] = [];
    for (const { service } of loaded) {
      const { doc, errors } = specOf(dir, service);
      expect(await errors, `${service}/openapi.json`).toEqual([]);
      const components = (doc['components'] as { schemas: Record<string, unknown> }).schemas;
      // Each service's components under an $id of their own (a removed schema's fragments stay in ajv's refs).
      const base = `https://rst-codegen.invalid/${service}/components`;
      const rebase = (schema: unknown): unknown => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${base}#/$defs/`));
      ajv.addSchema({ $id: base, $defs: rebase(components) });
      // Each component is compiled once, as the fragment its $refs name (inlineRefs false: a $ref calls that
      // compiled function instead of compiling the component again into every schema that uses it); the other
      // schemas of a spec are often alike ({ type: 'string' } ...): each distinct one is compiled once per
      // service (its $refs resolve against this service's components).
      const compiled = new Map<string, ValidateFunction | string>();
      for (const entry of schemasOf(doc)) {
        const component = entry.where.startsWith(COMPONENT) ? entry.where.slice(COMPONENT.length) : undefined;
        const schema = component === undefined ? JSON.stringify(rebase(entry.schema)) : entry.where;
        let validate = compiled.get(schema);
        if (validate === undefined) {
          try {
            validate =
              component === undefined
                ? ajv.compile(JSON.parse(schema) as object)
                : (ajv.getSchema(`${base}#/$defs/${encodeURIComponent(component.replaceAll('~', '~0').replaceAll('/', '~1'))}`) ?? 'not found');
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
      const opPages = new Set(operationsOf(s.service)?.operations.flatMap((o) => o.pages) ?? []);
      for (const page of s.apiPages) {
        const text = page.text;
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
      const model = operationsOf(s.service);
      if (!model) continue;
      const count = accountRows(s.apiPages, model);
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
