/**
 * Issue 12, part 5: `generate --watch` keeps re-running when the folders it
 * watches are removed and made again, as a branch switch does: the folder of
 * a configured page, and a `docs` folder. Each step waits for the watcher's
 * own output or for the generated file, never for a fixed time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** Whether the model holds `tag`; false while it is missing (a run's swap moves the output folder aside for an instant). */
const modelHas = (dir: string, tag: string) => textOf(path.join(dir, 'generated/svc/model.json')).includes(`timed out (${tag})`);

describe('generate --watch when its folders are replaced', () => {
  it('the folder of a configured page removed, then made again later', async () => {
    const dir = project({
      'rst-codegen.config.json': config([{ name: 'svc', status: ['docs/svc/status_codes.rst'] }]),
      'docs/svc/status_codes.rst': tagged('one'),
    });
    const w = watch(dir);
    try {
      await waitFor('the first run', () => w.runs() >= 1 && modelHas(dir, 'one'), w.output);
      rmSync(path.join(dir, 'docs'), { recursive: true });
      await waitFor('a run that finds the page missing', () => w.output().includes('failed (exit 3)'), w.output);
      mkdirSync(path.join(dir, 'docs/svc'), { recursive: true });
      writeFileSync(path.join(dir, 'docs/svc/status_codes.rst'), tagged('two'));
      await waitFor('the page, back, to be generated', () => modelHas(dir, 'two'), w.output);
      // And it keeps watching the new folder.
      writeFileSync(path.join(dir, 'docs/svc/status_codes.rst'), tagged('three'));
      await waitFor('a later change to be generated', () => modelHas(dir, 'three'), w.output);
    } finally {
      w.child.kill('SIGINT');
    }
    expect(await w.exit).toBe(0);
  });

  it('a docs folder removed, then made again later', async () => {
    const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', docs: 'docs' }]), 'docs/api/status_codes.rst': tagged('one') });
    const w = watch(dir);
    try {
      await waitFor('the first run', () => w.runs() >= 1 && modelHas(dir, 'one'), w.output);
      rmSync(path.join(dir, 'docs'), { recursive: true });
      await waitFor('a run that finds the docs folder missing', () => w.output().includes('failed (exit 3)'), w.output);
      mkdirSync(path.join(dir, 'docs'));
      mkdirSync(path.join(dir, 'docs/api'));
      writeFileSync(path.join(dir, 'docs/api/status_codes.rst'), tagged('two'));
      await waitFor('the docs, back, to be generated', () => modelHas(dir, 'two'), w.output);
      writeFileSync(path.join(dir, 'docs/api/status_codes.rst'), tagged('three'));
      await waitFor('a later change to be generated', () => modelHas(dir, 'three'), w.output);
    } finally {
      w.child.kill('SIGINT');
    }
    expect(await w.exit).toBe(0);
  });

  it('a docs folder swapped for another in one step (rename over it)', async () => {
    const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', docs: 'docs' }]), 'docs/status_codes.rst': tagged('one') });
    const w = watch(dir);
    try {
      await waitFor('the first run', () => w.runs() >= 1 && modelHas(dir, 'one'), w.output);
      mkdirSync(path.join(dir, 'incoming'));
      writeFileSync(path.join(dir, 'incoming/status_codes.rst'), tagged('two'));
      rmSync(path.join(dir, 'docs'), { recursive: true });
      renameSync(path.join(dir, 'incoming'), path.join(dir, 'docs'));
      await waitFor('the swapped-in docs to be generated', () => modelHas(dir, 'two'), w.output);
      writeFileSync(path.join(dir, 'docs/status_codes.rst'), tagged('three'));
      await waitFor('a later change to be generated', () => modelHas(dir, 'three'), w.output);
    } finally {
      w.child.kill('SIGINT');
    }
    expect(await w.exit).toBe(0);
  });
});
