/**
 * Real generated operations: two services of ../shared/corpus/api-ref (their
 * codes pages and API pages), generated in the test, merged into shared specs
 * (OpenAPI 3.1 and 3.0). Every generated operation arrives at its path and
 * method, marked with its service and its own pages; the result validates; a
 * second merge changes nothing. Both services document `GET /` (their API
 * versions): the second is refused by default, and with `--on-conflict keep`
 * everything else of it is merged, the first's `GET /` untouched.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { GeneratedDocument, MergeOptions } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { corpusDir, rstFiles, sharedDir, sharedPresent } from '../helpers/corpus.js';
import { data } from './helpers.js';
import { openApiValidator } from '../helpers/openapi-validator.js';

const corpus = path.join(corpusDir, 'api-ref');
const specsDir = path.join(sharedDir, 'openapi-specs');
const present = sharedPresent('merge real-operations tests', [corpus, specsDir]);

const CODE_PAGE = /(status|error)_?codes?/i;
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** Generates one api-ref service in memory (codes pages and API pages). */
function generateService(service: string): { doc: GeneratedDocument; text: string; options: MergeOptions } {
  const dir = path.join(corpus, service);
  const all = rstFiles(dir)
    .map((f) => path.relative(dir, f))
    .sort();
  const toFile = (p: string) => new VFile({ path: `${service}/${p}`, value: readFileSync(path.join(dir, p), 'utf8') });
  const result = generate(
    [{ service, title: service, pages: all.filter((p) => CODE_PAGE.test(p)).map(toFile), apiPages: all.filter((p) => !CODE_PAGE.test(p)).map(toFile) }],
    { style: 'enum' },
    new VFile(),
  );
  const text = result.files.find((f) => f.path === `${service}/openapi.json`)?.contents ?? '';
  const sources = result.model.services[0]?.sources ?? [];
  return {
    doc: JSON.parse(text) as GeneratedDocument,
    text,
    options: { owner: { service, sources }, sourcePath: `generated/${service}/openapi.json`, sourceText: text },
  };
}

type Operation = Record<string, unknown>;
type Paths = Record<string, Record<string, Operation>>;

function operationsOf(doc: GeneratedDocument): Array<{ path: string; method: string; op: Operation }> {
  return Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.has(m))
      .map(([method, op]) => ({ path: p, method, op: op as Operation })),
  );
}

describe.skipIf(!present)('merge real generated operations', () => {
  const kms = present ? generateService('key-management-service') : undefined;
  const dns = present ? generateService('domain-name-service') : undefined;
  const validator = openApiValidator();

  it('generates operations for both, both with `GET /`', () => {
    expect(operationsOf(kms!.doc).length).toBeGreaterThan(30);
    expect(operationsOf(dns!.doc).length).toBeGreaterThan(10);
    expect(kms!.doc.paths?.['/']?.['get']).toBeDefined();
    expect(dns!.doc.paths?.['/']?.['get']).toBeDefined();
  });

  for (const name of ['oai-tictactoe.yaml', 'nginx-unit.yaml']) {
    it(`merges every operation of a service into ${name}, marked, valid, idempotent`, async () => {
      const original = readFileSync(path.join(specsDir, name), 'utf8');
      const result = merge(original, kms!.doc, { ...kms!.options, specPath: name, prefix: 'Kms' });
      expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
      expect(result.writable).toBe(true);
      const merged = data(result.text);
      const paths = merged['paths'] as Paths;
      const is31 = String(merged['openapi']).startsWith('3.1');
      for (const { path: p, method, op } of operationsOf(kms!.doc)) {
        const got = paths[p]?.[method];
        expect(got, `${method} ${p}`).toBeDefined();
        const pages = [...new Set((op['x-rst-sources'] as string[]).map((s) => s.replace(/:\d+:\d+$/, '')))];
        expect(got?.['x-generated-by']).toEqual({ tool: 'rst-codegen', service: 'key-management-service', sources: pages });
        expect(got?.['operationId']).toBe(op['operationId']);
        if (is31) {
          const { 'x-generated-by': _marker, ...content } = got ?? {};
          expect(content).toEqual(JSON.parse(JSON.stringify(op).replace(/"#\/components\/(\w+)\/([^"/]+)"/g, '"#/components/$1/Kms$2"')));
        }
      }
      const validity = await validator.validate(merged);
      expect(validity.errors).toBeUndefined();
      const again = merge(result.text, kms!.doc, { ...kms!.options, specPath: name, prefix: 'Kms' });
      expect(again.changed).toBe(false);
      expect(again.summary.updated).toEqual([]);
    }, 120_000);
  }

  it("refuses a second service's `GET /` by default, and merges the rest of it with --on-conflict keep", async () => {
    const name = 'oai-tictactoe.yaml';
    const first = merge(readFileSync(path.join(specsDir, name), 'utf8'), kms!.doc, { ...kms!.options, specPath: name, prefix: 'Kms' }).text;
    const refused = merge(first, dns!.doc, { ...dns!.options, specPath: name, prefix: 'Dns' });
    expect(refused.writable).toBe(false);
    const clash = refused.diagnostics.find((m) => m.ruleId === 'merge-conflict');
    expect(clash?.reason).toMatch(
      /^operation `GET \/` at oai-tictactoe\.yaml:\d+:\d+ was generated for service `key-management-service` \(.+\) and clashes with the one generated for service `domain-name-service` from generated\/domain-name-service\/openapi\.json:\d+:\d+; one operation cannot belong to two services/,
    );
    const kept = merge(first, dns!.doc, { ...dns!.options, specPath: name, prefix: 'Dns', onConflict: 'keep' });
    expect(kept.writable).toBe(true);
    expect(kept.summary.kept).toContain('paths/GET /');
    const paths = data(kept.text)['paths'] as Paths;
    expect((paths['/']?.['get']?.['x-generated-by'] as { service: string }).service).toBe('key-management-service');
    for (const { path: p, method } of operationsOf(dns!.doc)) {
      if (kept.summary.kept.includes(`paths/${method.toUpperCase()} ${p}`)) continue;
      expect((paths[p]?.[method]?.['x-generated-by'] as { service: string } | undefined)?.service, `${method} ${p}`).toBe('domain-name-service');
    }
    expect((await validator.validate(data(kept.text))).errors).toBeUndefined();
  }, 120_000);
});
