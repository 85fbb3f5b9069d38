/**
 * Issue 12, part 5: `generate --watch` keeps re-running when the folders it
 * watches are removed and made again, as a branch switch does: the folder of
 * a configured page, and a `docs` folder. Each step waits for the watcher's
 * own output or for the generated file, never for a fixed time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { config, project, repoRoot, seedText, textOf } from './helpers.js';

/** The built CLI (test/global-setup.ts keeps dist/ up to date with src/): no TypeScript loader in each process. */
const cli = path.join(repoRoot, 'bin/rst-codegen.js');

function watch(dir: string) {
  const child = spawn(process.execPath, [cli, 'generate', '--watch', '--quiet'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  /** Runs finished so far ("done" or "failed"). */
  const runs = () => output.split('rst-codegen generate --watch: ').length - 1;
  return { child, output: () => output, runs, exit };
}

async function waitFor(what: string, predicate: () => boolean, output: () => string, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; watcher output:\n${output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The seed with the 408 row's text tagged, the cell's width kept. */
function tagged(tag: string): string {
  return seedText.replace(/timed out\. *\|/, (cell) => {
    const body = `timed out (${tag}).`;
    return `${body}${' '.repeat(cell.length - 1 - body.length)}|`;
  });
}

/** Whether `service`'s model holds `tag`; false while it is missing (a run's swap moves the output folder aside for an instant). */
const modelHas = (dir: string, service: string, tag: string) => textOf(path.join(dir, `generated/${service}/model.json`)).includes(`timed out (${tag})`);

/**
 * One watcher for the three cases (each real process costs about a second of CPU, mostly loading the CLI):
 * three services, each with its own folders; the cases run one after the other, each waiting for its
 * own runs and output.
 */
describe('generate --watch when its folders are replaced', () => {
  const dir = project({
    'rst-codegen.config.json': config([
      { name: 'page', status: ['a/svc/status_codes.rst'] },
      { name: 'docs', docs: 'b' },
      { name: 'swap', docs: 'c' },
    ]),
    'a/svc/status_codes.rst': tagged('one'),
    'b/api/status_codes.rst': tagged('one'),
    'c/status_codes.rst': tagged('one'),
  });
  let watcher: ReturnType<typeof watch> | undefined;
  /** The watcher, started by the first case, after its first run generated every service. */
  const started = async () => {
    if (watcher === undefined) {
      const w = (watcher = watch(dir));
      await waitFor('the first run', () => w.runs() >= 1 && ['page', 'docs', 'swap'].every((s) => modelHas(dir, s, 'one')), w.output);
    }
    return watcher;
  };
  const failures = (w: ReturnType<typeof watch>) => w.output().split('failed (exit 3)').length - 1;

  it('the folder of a configured page removed, then made again later', async () => {
    const w = await started();
    const failed = failures(w);
    rmSync(path.join(dir, 'a'), { recursive: true });
    await waitFor('a run that finds the page missing', () => failures(w) > failed, w.output);
    mkdirSync(path.join(dir, 'a/svc'), { recursive: true });
    writeFileSync(path.join(dir, 'a/svc/status_codes.rst'), tagged('two'));
    await waitFor('the page, back, to be generated', () => modelHas(dir, 'page', 'two'), w.output);
    // And it keeps watching the new folder.
    writeFileSync(path.join(dir, 'a/svc/status_codes.rst'), tagged('three'));
    await waitFor('a later change to be generated', () => modelHas(dir, 'page', 'three'), w.output);
  });

  it('a docs folder removed, then made again later', async () => {
    const w = await started();
    const failed = failures(w);
    rmSync(path.join(dir, 'b'), { recursive: true });
    await waitFor('a run that finds the docs folder missing', () => failures(w) > failed, w.output);
    mkdirSync(path.join(dir, 'b'));
    mkdirSync(path.join(dir, 'b/api'));
    writeFileSync(path.join(dir, 'b/api/status_codes.rst'), tagged('two'));
    await waitFor('the docs, back, to be generated', () => modelHas(dir, 'docs', 'two'), w.output);
    writeFileSync(path.join(dir, 'b/api/status_codes.rst'), tagged('three'));
    await waitFor('a later change to be generated', () => modelHas(dir, 'docs', 'three'), w.output);
  });

  it('a docs folder swapped for another in one step (rename over it)', async () => {
    const w = await started();
    mkdirSync(path.join(dir, 'incoming'));
    writeFileSync(path.join(dir, 'incoming/status_codes.rst'), tagged('two'));
    rmSync(path.join(dir, 'c'), { recursive: true });
    renameSync(path.join(dir, 'incoming'), path.join(dir, 'c'));
    await waitFor('the swapped-in docs to be generated', () => modelHas(dir, 'swap', 'two'), w.output);
    writeFileSync(path.join(dir, 'c/status_codes.rst'), tagged('three'));
    await waitFor('a later change to be generated', () => modelHas(dir, 'swap', 'three'), w.output);
  });

  it('and then ends cleanly on SIGINT', async () => {
    const w = await started();
    w.child.kill('SIGINT');
    expect(await w.exit).toBe(0);
  });

  afterAll(() => {
    if (watcher?.child.exitCode === null) watcher.child.kill('SIGKILL');
  });
});
