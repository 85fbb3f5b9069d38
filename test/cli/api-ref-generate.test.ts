/**
 * Issue 10's acceptance through the CLI: a config with the ten services of
 * ../shared/corpus/api-ref (each by its docs folder) writes ten specs, each
 * valid OpenAPI 3.1 with operations under `paths`.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateOpenApi } from '../helpers/validators.js';
import { config, project, repoRoot, run } from './helpers.js';

const corpus = path.resolve(repoRoot, '..', 'shared/corpus/api-ref');
const present = existsSync(corpus);
if (!present) console.log('api-ref generate test skipped: ../shared/corpus/api-ref not found');

describe.skipIf(!present)('generate: the ten api-ref services in one config', () => {
  it('writes ten valid specs with their operations', async () => {
    const services = readdirSync(corpus).sort();
    expect(services).toHaveLength(10);
    const dir = project({});
    cpSync(corpus, path.join(dir, 'docs'), { recursive: true }); // a temporary copy: generate refuses docs folders that lead outside the project
    writeFileSync(path.join(dir, 'rst-codegen.config.json'), config(services.map((name) => ({ name, docs: `docs/${name}` }))));
    const result = await run(['generate', '--quiet'], dir);
    expect(result.stderr).not.toMatch(/ {2}error {2}/);
    expect(result.code).toBe(0);
    let operations = 0;
    for (const name of services) {
      const doc = JSON.parse(readFileSync(path.join(dir, 'generated', name, 'openapi.json'), 'utf8')) as { paths: Record<string, object> };
      expect(await validateOpenApi(doc), name).toEqual([]);
      const count = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
      expect(count, name).toBeGreaterThan(0);
      operations += count;
    }
    console.log(`api-ref generate: ten specs, ${operations} operations`);
  }, 600_000);
});
