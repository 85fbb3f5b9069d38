/**
 * The run cache of `generate` (src/cli/manifest.ts): a run whose inputs are
 * unchanged takes its result from the manifest, and every change to an input,
 * the config, the tool, or the output folder is seen. Each case compares the
 * cached run with a run without the cache (`--no-cache`): same exit code,
 * same output, same files.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnce } from '../../src/cli/generate.js';
import type { CliIo } from '../../src/cli/io.js';
import { configKeyOf, fingerprintOf, manifestPath, readManifest, toolFingerprint } from '../../src/cli/manifest.js';
import { config, project, seedText } from './helpers.js';

const seedService = { name: 'cloud-backup-recovery', status: ['seeds/cloud-backup-recovery/status_codes.rst'], docs: 'docs' };

function seedProject(): string {
  return project({
    'rst-codegen.config.json': config([seedService], { rules: { 'nonstandard-phrase': 'warning' } }),
    'seeds/cloud-backup-recovery/status_codes.rst': seedText,
    'docs/error_codes.rst':
      'Error codes\n===========\n\n=========== =========== ======================\nError Code  HTTP Status Description\n=========== =========== ======================\nCBR.0001    400         Bad input.\nCBR.0002    404         Not found.\n=========== =========== ======================\n',
  });
}

interface Outcome {
  code: number;
  cached: boolean;
  stdout: string;
  stderr: string;
}

async function generate(dir: string, flags: { check?: boolean; cache?: boolean; verbose?: boolean } = {}): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const options = {
    format: 'text' as const,
    quiet: false,
    verbose: flags.verbose ?? true,
    maxWarnings: undefined,
    check: flags.check ?? false,
    cache: flags.cache ?? true,
  };
  const outcome = await runOnce(path.join(dir, 'rst-codegen.config.json'), options, io);
  return { code: outcome.code, cached: outcome.cached ?? false, stdout, stderr };
}

/** The cached run and a run without the cache agree on everything printed and on the exit code. */
async function expectSameAsUncached(dir: string, check: boolean): Promise<Outcome> {
  const cached = await generate(dir, { check });
  const fresh = await generate(dir, { check, cache: false });
  expect({ code: cached.code, stdout: cached.stdout, stderr: cached.stderr }).toEqual({ code: fresh.code, stdout: fresh.stdout, stderr: fresh.stderr });
  return cached;
}

describe('generate: the run cache', () => {
  it('is written by a run that writes, and used (same report) when nothing changed', async () => {
    const dir = seedProject();
    const first = await generate(dir);
    expect(first.code).toBe(0);
    expect(first.cached).toBe(false);
    expect(existsSync(manifestPath(path.join(dir, 'rst-codegen.config.json')))).toBe(true);
    const again = await expectSameAsUncached(dir, true);
    expect(again.code).toBe(0);
    expect(again.cached).toBe(true);
    const write = await generate(dir);
    expect(write.cached).toBe(true);
    expect(write.stdout).toContain('generated/ was already up to date.');
  });

  it('is not read or written with --no-cache', async () => {
    const dir = seedProject();
    expect((await generate(dir, { cache: false })).code).toBe(0);
    expect(existsSync(manifestPath(path.join(dir, 'rst-codegen.config.json')))).toBe(false);
    await generate(dir);
    expect((await generate(dir, { check: true, cache: false })).cached).toBe(false);
  });

  it('sees a changed page', async () => {
    const dir = seedProject();
    await generate(dir);
    const page = path.join(dir, 'seeds/cloud-backup-recovery/status_codes.rst');
    writeFileSync(page, readFileSync(page, 'utf8').replace('The server failed to process the request.', 'The server could not process the request.'));
    const check = await expectSameAsUncached(dir, true);
    expect(check.cached).toBe(false);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('generated/cloud-backup-recovery/status-codes.ts is out of date');
  });

  it('sees a page added to, and removed from, a docs folder', async () => {
    const dir = seedProject();
    await generate(dir);
    mkdirSync(path.join(dir, 'docs/more'));
    writeFileSync(
      path.join(dir, 'docs/more/status_codes.rst'),
      'Codes\n=====\n\n=========== ===========\nStatus Code Description\n=========== ===========\n418         A teapot.\n=========== ===========\n',
    );
    const added = await expectSameAsUncached(dir, true);
    expect(added.cached).toBe(false);
    expect(added.code).toBe(1);
    await generate(dir);
    rmSync(path.join(dir, 'docs/more'), { recursive: true });
    const removed = await expectSameAsUncached(dir, true);
    expect(removed.cached).toBe(false);
    expect(removed.code).toBe(1);
  });

  it('sees a changed config, even one that renders the same files (rules)', async () => {
    const dir = seedProject();
    await generate(dir);
    const configPath = path.join(dir, 'rst-codegen.config.json');
    writeFileSync(configPath, config([seedService], { rules: { 'nonstandard-phrase': 'warning' }, style: 'const' }));
    const style = await expectSameAsUncached(dir, true);
    expect(style.cached).toBe(false);
    expect(style.code).toBe(1);
    expect(style.stderr).toContain('status-codes.ts is out of date');
    writeFileSync(configPath, config([seedService], { rules: { 'nonstandard-phrase': 'off', 'no-code-table': 'error' } }));
    const rules = await expectSameAsUncached(dir, true);
    expect(rules.cached).toBe(false);
  });

  it('sees an output file edited, removed or added by hand, on the cached path too', async () => {
    const dir = seedProject();
    await generate(dir);
    const ts = path.join(dir, 'generated/cloud-backup-recovery/status-codes.ts');
    const original = readFileSync(ts, 'utf8');
    writeFileSync(ts, original.replace('OK = 200', 'OK = 201'));
    const edited = await expectSameAsUncached(dir, true);
    expect(edited.cached).toBe(true);
    expect(edited.code).toBe(1);
    expect(edited.stderr).toContain('generated/cloud-backup-recovery/status-codes.ts is out of date');
    // Same size, one byte changed: the hash sees it.
    writeFileSync(ts, original.replace('OK = 200', 'OK = 299'));
    expect((await expectSameAsUncached(dir, true)).code).toBe(1);
    writeFileSync(ts, original);
    appendFileSync(path.join(dir, 'generated/index.ts'), '\n');
    expect((await expectSameAsUncached(dir, true)).stderr).toContain('generated/index.ts is out of date');
    rmSync(path.join(dir, 'generated/index.ts'));
    expect((await expectSameAsUncached(dir, true)).stderr).toContain('generated/index.ts is missing');
    await generate(dir, { cache: false });
    writeFileSync(path.join(dir, 'generated/extra.json'), '{}\n');
    expect((await expectSameAsUncached(dir, true)).stderr).toContain('generated/extra.json is extra');
    // A run that writes does not take the cached result when the folder differs: it renders and repairs it.
    rmSync(path.join(dir, 'generated/extra.json'));
    writeFileSync(ts, 'edited by hand\n');
    const repaired = await generate(dir);
    expect(repaired.cached).toBe(false);
    expect(repaired.code).toBe(3);
    writeFileSync(ts, original.replace('OK = 200', 'OK = 201'));
    const rewritten = await generate(dir);
    expect(rewritten.cached).toBe(false);
    expect(readFileSync(ts, 'utf8')).toBe(original);
  });

  it('is keyed by the tool: another fingerprint, another key', async () => {
    const dir = seedProject();
    await generate(dir);
    const configPath = path.join(dir, 'rst-codegen.config.json');
    const text = readFileSync(configPath, 'utf8');
    const manifest = await readManifest(configPath);
    expect(manifest?.configKey).toBe(configKeyOf(configPath, text));
    expect(configKeyOf(configPath, text, '0'.repeat(64))).not.toBe(manifest?.configKey);
    // A manifest written by another tool (its key made with another fingerprint) is not used.
    writeFileSync(manifestPath(configPath), JSON.stringify({ ...manifest, configKey: configKeyOf(configPath, text, 'another tool') }));
    expect((await generate(dir, { check: true })).cached).toBe(false);
    // A damaged manifest is ignored: cut short, or with the right keys and entries of the wrong shape.
    writeFileSync(manifestPath(configPath), '{"format": 1, "configKey": ');
    const damaged = await expectSameAsUncached(dir, true);
    expect(damaged.code).toBe(0);
    expect(damaged.cached).toBe(false);
    const good = await readManifest(configPath);
    expect(good).not.toBeNull();
    for (const edit of [
      { files: [1] },
      { files: [{ path: 'index.ts', size: -1, sha256: 'x' }] },
      { messages: [[{ reason: 'x', place: 'here' }]] },
      { messages: [[{ reason: 'x', fatal: 'yes' }]] },
      { summary: [{ service: 'x' }] },
      { config: { ...good?.config, services: [{ name: 'x' }] } },
      { config: { ...good?.config, rules: { 'no-pages': 'loud' } } },
      { configMessages: null },
      // Paths that lead out of the project: never followed, whatever the keys say.
      { files: [...(good?.files ?? []), { path: '../outside.ts', size: 1, sha256: 'x' }] },
      { files: [{ path: '/etc/passwd', size: 1, sha256: 'x' }] },
      { config: { ...good?.config, outDir: '../elsewhere' } },
      { config: { ...good?.config, services: (good?.config.services ?? []).map((svc) => ({ ...svc, status: ['/etc/hosts'] })) } },
    ]) {
      writeFileSync(manifestPath(configPath), JSON.stringify({ ...good, ...edit }));
      const outcome = await generate(dir, { check: true });
      expect(outcome.code, JSON.stringify(edit)).toBe(0);
      expect(outcome.cached, JSON.stringify(edit)).toBe(false);
    }
    // The same manifest, undamaged, is used.
    writeFileSync(manifestPath(configPath), JSON.stringify(good));
    expect((await generate(dir, { check: true })).cached).toBe(true);
  });

  it('fingerprints every module of the code, package.json, the schema and the dependencies', () => {
    expect(toolFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    const root = mkdtempSync(path.join(tmpdir(), 'rst-codegen-tool-'));
    const code = path.join(root, 'dist');
    mkdirSync(path.join(code, 'emit'), { recursive: true });
    writeFileSync(path.join(code, 'emit/print.js'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.0.0', dependencies: { dep: '1' } }));
    mkdirSync(path.join(root, 'node_modules/dep'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules/dep/package.json'), JSON.stringify({ version: '1.0.0' }));
    const seen = new Set<string>();
    const step = (change: () => void) => {
      change();
      const print = fingerprintOf(code, root);
      expect(seen.has(print)).toBe(false);
      seen.add(print);
    };
    step(() => undefined);
    step(() => writeFileSync(path.join(code, 'emit/print.js'), 'export const a = 2;\n'));
    step(() => writeFileSync(path.join(code, 'emit/other.js'), ''));
    step(() => writeFileSync(path.join(root, 'package.json'), JSON.stringify({ version: '1.0.1', dependencies: { dep: '1' } })));
    step(() => writeFileSync(path.join(root, 'node_modules/dep/package.json'), JSON.stringify({ version: '1.0.1' })));
    step(() => {
      mkdirSync(path.join(root, 'schema'));
      writeFileSync(path.join(root, 'schema/config.schema.json'), '{}');
    });
    step(() => cpSync(path.join(root, 'node_modules/dep'), path.join(root, 'node_modules/code-block-writer'), { recursive: true }));
    // Unchanged code, same fingerprint.
    expect(fingerprintOf(code, root)).toBe([...seen].at(-1));
  });
});
