/**
 * Issue 11.1's acceptance: three real services, generated in the test from
 * their corpus pages, merged side by side (each with its own prefix) into
 * each spec of ../shared/openapi-specs. Every service's entries arrive
 * intact (its generated entries, in the spec's dialect), marked with their
 * owner; the result validates; merging the three again changes no byte; and
 * a service whose names clash with another service's entries is refused,
 * naming both services (test/merge/owner.test.ts has the unprefixed case).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/generate.js';
import type { GeneratedDocument, MergeOptions, Owner } from '../../src/merge/index.js';
import { componentTo30 } from '../../src/merge/dialect.js';
import { merge } from '../../src/merge/index.js';
import { codesDocsDir as corpus, rstFiles, sharedDir as shared, sharedPresent } from '../helpers/corpus.js';
import { data } from './helpers.js';
import { openApiValidator } from '../helpers/openapi-validator.js';

const specsDir = path.join(shared, 'openapi-specs');
const present = sharedPresent('merge three-services tests', [corpus, specsDir]);

const SERVICES = [
  { name: 'elastic-volume-service', prefix: 'Evs' },
  { name: 'identity-access-management', prefix: 'Iam' },
  { name: 'elastic-load-balancing', prefix: 'Elb' },
];
const SPECS = ['oai-tictactoe.yaml', 'anpr-dashboard.yaml', 'nginx-unit.yaml', 'grocy.json', 'linode-api-v4.yaml'];

function pagesOf(dir: string): string[] {
  return rstFiles(dir).sort();
}

/** Generates one corpus service in memory: its openapi.json and the owner the CLI would record. */
function generateService(name: string): { doc: GeneratedDocument; owner: Owner; text: string } {
  const pages = pagesOf(path.join(corpus, name)).map((file) => new VFile({ path: path.relative(shared, file), value: readFileSync(file, 'utf8') }));
  const result = generate([{ service: name, title: name, pages }], { style: 'enum' }, new VFile());
  const file = result.files.find((f) => f.path === `${name}/openapi.json`);
  if (!file) throw new Error(`no openapi.json generated for ${name}`);
  const text = file.contents;
  const model = result.model.services[0];
  return { doc: JSON.parse(text) as GeneratedDocument, owner: { service: name, sources: model?.sources ?? [] }, text };
}

type Components = Record<string, Record<string, unknown>>;

const validator = openApiValidator();

/** `value` with its `$ref`s to the service's own components prefixed (refs there name only generated components). */
function prefixed(value: unknown, prefix: string): unknown {
  return JSON.parse(JSON.stringify(value).replace(/"#\/components\/(\w+)\/([^"/]+)"/g, `"#/components/$1/${prefix}$2"`));
}

describe.skipIf(!present)('merge three corpus services into each shared spec', () => {
  const generated = present ? SERVICES.map((service) => ({ ...service, ...generateService(service.name) })) : [];
  const options = (i: number, name: string): MergeOptions => {
    const service = generated[i]!;
    return {
      specPath: name,
      owner: service.owner,
      prefix: service.prefix,
      wire: i === 0 ? 'common' : undefined,
      sourcePath: `generated/${service.name}/openapi.json`,
      sourceText: service.text,
    };
  };

  it('generates three services whose component names clash', () => {
    const names = generated.map((g) => new Set(Object.keys(g.doc.components?.schemas ?? {})));
    expect([...names[0]!].filter((n) => names[1]!.has(n))).toContain('ErrorResponse');
  });

  for (const name of SPECS) {
    describe(name, () => {
      const original = present ? readFileSync(path.join(specsDir, name), 'utf8') : '';

      it('merges the three side by side, each intact and marked, valid, and a second round changes nothing', async () => {
        let text = original;
        for (const [i, service] of generated.entries()) {
          const result = merge(text, service.doc, options(i, name));
          expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
          expect(result.writable).toBe(true);
          expect(result.summary.updated).toEqual([]);
          expect(result.summary.added.length).toBeGreaterThan(5);
          text = result.text;
        }
        const mergedData = data(text);
        const merged = mergedData['components'] as Components;
        const is30 = String(mergedData['openapi']).startsWith('3.0');
        for (const service of generated) {
          // Each service's entries are exactly its generated ones (in the spec's dialect), marked with their owner.
          let count = 0;
          for (const [section, entries] of Object.entries(service.doc.components ?? {})) {
            for (const [entry, value] of Object.entries(entries ?? {})) {
              const key = service.prefix + entry;
              const content = prefixed(is30 ? componentTo30(section, value).value : value, service.prefix);
              expect(merged[section]?.[key]).toEqual({
                ...(content as object),
                'x-generated-by': { tool: 'rst-codegen', service: service.name, sources: service.owner.sources },
              });
              count++;
            }
          }
          expect(count).toBeGreaterThan(5);
        }
        // Valid, or (for the specs that were invalid before) exactly as invalid as before.
        const after = await validator.validate(mergedData);
        if (!after.valid) expect(after.errors).toEqual((await validator.validate(data(original))).errors);
        let again = text;
        for (const [i, service] of generated.entries()) {
          const second = merge(again, service.doc, options(i, name));
          expect(second.changed).toBe(false);
          expect(second.summary.added).toEqual([]);
          expect(second.summary.updated).toEqual([]);
          again = second.text;
        }
        expect(again).toBe(text);

        // A service whose names clash with another service's entries (here IAM under EVS's prefix) is refused, naming both.
        const clash = merge(text, generated[1]!.doc, { ...options(1, name), prefix: generated[0]!.prefix });
        expect(clash.writable).toBe(false);
        expect(clash.text).toBe(text);
        const message = clash.diagnostics.find((m) => m.ruleId === 'merge-conflict' && m.reason.includes('`components.schemas.EvsErrorResponse`'));
        expect(message?.reason).toMatch(
          /^`components\.schemas\.EvsErrorResponse` at .+:\d+:\d+ was generated for service `elastic-volume-service` \(.+\) and clashes with the one generated for service `identity-access-management` from generated\/identity-access-management\/openapi\.json:\d+:\d+; merge each service with its own --prefix/,
        );
      }, 120_000);
    });
  }
});
