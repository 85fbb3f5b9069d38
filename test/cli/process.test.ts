/**
 * Issue 6, parts 4 and 5, with real processes: concurrent runs, runs killed
 * mid-way, and --watch. generated/ must always be fully old or fully new.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { config, project, repoRoot, run, seedText, snapshot, textOf } from './helpers.js';

/** Services per project: enough that every folder must be swapped whole; the signal tests pause the run at the write, so no long run is needed. */
const SERVICES = 8;
/** The built CLI (test/global-setup.ts keeps dist/ up to date with src/): no TypeScript loader in each process. */
const cli = path.join(repoRoot, 'bin/rst-codegen.js');

/** A project of many services (so writing takes long enough to be interrupted), all from the seed. */
function bigProject(tag: string): string {
  const files: Record<string, string> = {};
  const services = [];
  for (let i = 0; i < SERVICES; i++) {
    const page = `docs/svc-${i}/status_codes.rst`;
    files[page] = retitle(seedText, tag);
    services.push({ name: `svc-${i}`, status: [page] });
  }
  files['rst-codegen.config.json'] = config(services);
  return project(files);
}

/** `pause`: the run waits after each file it writes until a signal arrives (src/cli/atomic.ts), so a signal never misses the write. */
function start(
  dir: string,
  args: string[],
  pause = false,
): ChildProcess & { output: () => string; exit: Promise<{ code: number | null; signal: string | null }> } {
  const env = pause ? { ...process.env, RST_CODEGEN_TEST_PAUSE_AT: 'writing' } : process.env;
  const child = spawn(process.execPath, [cli, ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return Object.assign(child, { output: () => output, exit });
}

/** Which tag every generated model carries: one tag means the folder is whole. */
function tagsIn(dir: string): Set<string> {
  const tags = new Set<string>();
  for (let i = 0; i < SERVICES; i++) {
    const model = readFileSync(path.join(dir, `generated/svc-${i}/model.json`), 'utf8');
    tags.add(/The request timed out \((\w+)\)/.exec(model)?.[1] ?? 'none');
  }
  return tags;
}

/** Sets the tag of the 408 row ("timed out." -> "timed out (new)."), keeping the cell's width so the grid table stays intact. */
function retitle(text: string, tag: string): string {
  return text.replace(/timed out(?: \(\w+\))?\. *\|/, (cell) => {
    const body = `timed out (${tag}).`;
    return `${body}${' '.repeat(cell.length - 1 - body.length)}|`;
  });
}

const leftovers = (dir: string) => readdirSync(dir).filter((n) => n.startsWith('.rst-codegen'));

function setTag(dir: string, tag: string) {
  for (let i = 0; i < SERVICES; i++) {
    const page = path.join(dir, `docs/svc-${i}/status_codes.rst`);
    writeFileSync(page, retitle(readFileSync(page, 'utf8'), tag));
  }
}

async function waitFor(predicate: () => boolean, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('two generate runs at once', () => {
  it('both succeed and leave one whole output, no temporary files', async () => {
    const dir = bigProject('old');
    const a = start(dir, ['generate', '--quiet']);
    const b = start(dir, ['generate', '--quiet']);
    const [ea, eb] = await Promise.all([a.exit, b.exit]);
    expect([ea.code, eb.code, a.output(), b.output()]).toEqual([0, 0, '', '']);
    expect(tagsIn(dir)).toEqual(new Set(['old']));
    expect(readdirSync(path.join(dir, 'generated'))).toHaveLength(SERVICES + 1); // the services' folders, index.ts (no package.json: none above the project)
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a run killed mid-way', () => {
  // One big project generated once (in this process: only the interrupted runs need their own) with the old tag; each test works on a copy of it.
  let generatedOld = '';
  beforeAll(async () => {
    generatedOld = bigProject('old');
    expect(await run(['generate', '--quiet'], generatedOld)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(tagsIn(generatedOld)).toEqual(new Set(['old']));
  });
  const copyOfOld = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-project-'));
    cpSync(generatedOld, dir, { recursive: true, preserveTimestamps: true });
    return dir;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} while writing: exit 130, the old output whole, temporary files removed`, async () => {
      const dir = copyOfOld();
      const before = snapshot(path.join(dir, 'generated'));
      setTag(dir, 'new');
      const run = start(dir, ['generate', '--quiet'], true);
      await waitFor(() => readdirSync(dir).some((n) => n.startsWith('.rst-codegen-tmp-')));
      run.kill(signal);
      const { code } = await run.exit;
      expect(code).toBe(130);
      expect(run.output()).toContain(`Interrupted by ${signal}; the output folder was left as it was.`);
      expect(snapshot(path.join(dir, 'generated'))).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
    });
  }

  it('SIGKILL while writing: the output stays whole and the next run cleans up', async () => {
    const dir = copyOfOld();
    setTag(dir, 'new');
    const killed = start(dir, ['generate', '--quiet'], true);
    await waitFor(() => readdirSync(dir).some((n) => n.startsWith('.rst-codegen-tmp-')));
    killed.kill('SIGKILL');
    expect((await killed.exit).signal).toBe('SIGKILL');
    expect(tagsIn(dir).size).toBe(1); // old or new, never mixed
    expect(leftovers(dir).length).toBeGreaterThan(0); // the dead run's lock and temporary folder
    // The next run (in this process, as in kill-points.test.ts) takes over the dead run's lock.
    expect(await run(['generate', '--quiet'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(tagsIn(dir)).toEqual(new Set(['new']));
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('generate --watch', () => {
  // One watcher for both kinds of input (its start-up, a real process, is the expensive part): a service
  // that lists its page, and one that reads a docs folder.
  it('regenerates when a listed page changes and when a page is added under a docs folder, reports errors without exiting, stops on SIGINT', async () => {
    const dir = project({
      'rst-codegen.config.json': config([
        { name: 'svc', status: ['docs/status_codes.rst'] },
        { name: 'folder', docs: 'folder' },
      ]),
      'docs/status_codes.rst': seedText,
      'folder/status_codes.rst': seedText,
    });
    const watcher = start(dir, ['generate', '--watch', '--quiet']);
    /** Runs finished so far (each ends with a `watching` line). */
    const runs = () => watcher.output().split('watching').length - 1;
    try {
      await waitFor(() => runs() >= 1);
      const model = path.join(dir, 'generated/svc/model.json');
      expect(readFileSync(model, 'utf8')).not.toContain('timed out (new)');
      writeFileSync(path.join(dir, 'docs/status_codes.rst'), retitle(seedText, 'new'));
      await waitFor(() => textOf(model).includes('timed out (new)'));
      await waitFor(() => runs() >= 2); // that run has finished
      // A page added in a new folder under the docs folder is picked up.
      const folderModel = path.join(dir, 'generated/folder/model.json');
      expect(readFileSync(folderModel, 'utf8')).not.toContain('timed out (new)');
      mkdirSync(path.join(dir, 'folder/more'), { recursive: true });
      writeFileSync(path.join(dir, 'folder/more/status_codes.rst'), retitle(seedText, 'new'));
      await waitFor(() => textOf(folderModel).includes('folder/more/status_codes.rst'));
      expect(readFileSync(folderModel, 'utf8')).toContain('timed out (new)');
      await waitFor(() => runs() >= 3);
      // A broken page: reported, output kept, still watching.
      const seen = watcher.output().length;
      writeFileSync(path.join(dir, 'docs/status_codes.rst'), 'Status Codes\n============\n\nNo table.\n');
      await waitFor(() => watcher.output().slice(seen).includes('failed (exit 1)'));
      expect(watcher.output().slice(seen)).toContain('empty-service'); // --quiet: errors only (the page's no-code-table warning is hidden)
      expect(readFileSync(model, 'utf8')).toContain('timed out (new)');
      expect(watcher.exitCode).toBeNull();
    } finally {
      watcher.kill('SIGINT');
    }
    expect((await watcher.exit).code).toBe(0);
  });
});
