/**
 * Issue 4's acceptance: one config listing all 41 services of the corpus
 * (each by its docs folder), generated in one run through the CLI; the
 * TypeScript is the emit stage's (type-checked as one project by
 * test/emit/corpus.test.ts), every schema and OpenAPI document
 * validates, and a second run and --check find nothing to change.
 */
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesDocsDir as docs, sharedPresent } from '../helpers/corpus.js';
import { emitIndex } from '../../src/emit/index.js';
import { codesCorpusRun, emittedService } from '../helpers/corpus-run.js';
import { validateJsonSchema, validateOpenApi } from '../helpers/validators.js';
import { config, project, run } from './helpers.js';

const present = sharedPresent('corpus generate test', [docs]);

describe.skipIf(!present)('generate: all 41 corpus services in one config', () => {
  const services = present ? readdirSync(docs).sort() : [];
  const dir = project({});
  // Copied into the temporary project (pages must lie inside the project, symbolic links resolved).
  if (present) cpSync(docs, path.join(dir, 'docs'), { recursive: true });
  const files = () => {
    const out: Record<string, string> = {};
    const walk = (rel: string) => {
      for (const e of readdirSync(path.join(dir, 'generated', rel), { withFileTypes: true })) {
        const child = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) walk(child);
        else out[child] = readFileSync(path.join(dir, 'generated', child), 'utf8');
      }
    };
    walk('');
    return out;
  };

  it('succeeds and prints one summary row per service', async () => {
    expect(services).toHaveLength(41);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'rst-codegen.config.json'), config(services.map((name) => ({ name, docs: `docs/${name}` }))));
    const result = await run(['generate'], dir);
    expect(result.stderr).not.toMatch(/ {2}error {2}/);
    expect(result.code).toBe(0);
    for (const name of services) expect(result.stdout).toMatch(new RegExp(`^${name} +\\d+ +\\d+ +\\d+ +0 +\\d+$`, 'm'));
    const total = /^total +(\d+) +(\d+) +(\d+) +0 +\d+$/m.exec(result.stdout);
    expect(total).not.toBeNull();
    console.log(`corpus generate: ${total![1]} pages, ${total![2]} status codes, ${total![3]} error codes`);
    expect(Number(total![1])).toBe(96);
    expect(readdirSync(path.join(dir, 'generated')).sort()).toEqual([...services, 'index.ts'].sort());
  });

  // The proof that this TypeScript compiles is test/emit/corpus.test.ts's type-check of the same 41 services
  // (both styles, as one project); here the CLI's files must be those very texts, the pages' paths aside (the
  // CLI reads them from docs/ in this project, the emit test from the corpus folder), so the program is not
  // type-checked twice.
  it('the TypeScript is the output of the emit stage for the corpus, which test/emit/corpus.test.ts type-checks (enum style)', () => {
    const ts = Object.fromEntries(Object.entries(files()).filter(([p]) => p.endsWith('.ts')));
    expect(Object.keys(ts).length).toBeGreaterThan(41);
    const { models } = codesCorpusRun();
    const docsFolder = `${path.basename(docs)}/`;
    const emitted = [...models.flatMap((model) => emittedService(model, 'enum')), emitIndex(models, { style: 'enum' })].filter((file) =>
      file.path.endsWith('.ts'),
    );
    expect(emitted.some((file) => file.contents.includes(docsFolder))).toBe(true);
    expect(ts).toEqual(Object.fromEntries(emitted.map((file) => [file.path, file.contents.replaceAll(docsFolder, 'docs/')])));
  });

  it('every JSON Schema and OpenAPI document validates', async () => {
    const all = files();
    let schemas = 0;
    let documents = 0;
    for (const [p, text] of Object.entries(all)) {
      if (p.endsWith('.schema.json')) {
        expect([p, validateJsonSchema(JSON.parse(text)).errors]).toEqual([p, []]);
        schemas++;
      } else if (p.endsWith('openapi.json')) {
        expect([p, await validateOpenApi(JSON.parse(text))]).toEqual([p, []]);
        documents++;
      }
    }
    expect(documents).toBe(41);
    expect(schemas).toBeGreaterThan(41);
  });

  it('is deterministic: a second run writes nothing and --check is clean', async () => {
    const second = await run(['generate'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('generated/ was already up to date.');
    expect((await run(['generate', '--check'], dir)).code).toBe(0);
  });
});
