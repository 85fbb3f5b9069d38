/**
 * Issue 12, part 4: runs killed (SIGKILL) at the exact moments where the old
 * design broke: between creating the lock and writing its pid, and between
 * the two renames of the swap. The process kills itself at a named point
 * (`RST_CODEGEN_TEST_KILL_AT`, a test-only hook in src/cli/atomic.ts); the
 * next runs must neither wait for the dead one nor see a missing folder.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config, project, repoRoot, run, seedText } from './helpers.js';

/** The built CLI (test/global-setup.ts keeps dist/ up to date with src/): no TypeScript loader in each process. */
const cli = path.join(repoRoot, 'bin/rst-codegen.js');

function runKilledAt(dir: string, point: string): Promise<{ code: number | null; signal: string | null; output: string }> {
  const child = spawn(process.execPath, [cli, 'generate', '--quiet'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RST_CODEGEN_TEST_KILL_AT: point },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })));
}

/** A one-service project, generated once; the page then changed so the next run has something to write. */
async function changedProject(): Promise<string> {
  const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['docs/status_codes.rst'] }]), 'docs/status_codes.rst': seedText });
  expect((await run(['generate', '--quiet'], dir)).code).toBe(0);
  writeFileSync(path.join(dir, 'docs/status_codes.rst'), seedText.replace('Specifies the normal response code', 'Specifies the NORMAL response code'));
  return dir;
}

const leftovers = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.startsWith('.rst-codegen'))
    .sort();
const model = (dir: string) => readFileSync(path.join(dir, 'generated/svc/model.json'), 'utf8');

/** The next run succeeds (no wait for the dead run's lock), writes the new output and leaves nothing behind. */
async function nextRunRecovers(dir: string): Promise<void> {
  const next = await run(['generate', '--quiet'], dir);
  expect([next.code, next.stderr]).toEqual([0, '']);
  expect(model(dir)).toContain('Specifies the NORMAL response code');
  expect(leftovers(dir)).toEqual([]);
  expect((await run(['generate', '--check'], dir)).code).toBe(0);
}

describe('a run killed at a named point', () => {
  it('after writing its pid file, before linking it as the lock: no lock is left, only a temporary file', async () => {
    const dir = await changedProject();
    const killed = await runKilledAt(dir, 'lock-written');
    expect([killed.signal, killed.output]).toEqual(['SIGKILL', '']);
    expect(existsSync(path.join(dir, '.rst-codegen-generated.lock'))).toBe(false);
    expect(leftovers(dir)).toEqual([expect.stringMatching(/^\.rst-codegen-\.rst-codegen-generated\.lock\.\d+\.[0-9a-f]+\.tmp$/)]);
    await nextRunRecovers(dir);
  });

  it('right after taking the lock: the lock names the dead process and is taken over at once', async () => {
    const dir = await changedProject();
    const killed = await runKilledAt(dir, 'lock-linked');
    expect([killed.signal, killed.output]).toEqual(['SIGKILL', '']);
    expect(readFileSync(path.join(dir, '.rst-codegen-generated.lock'), 'utf8')).toMatch(/^\d+ (\d+|-)\n$/);
    await nextRunRecovers(dir);
  });

  it('between the two renames of the swap: --check reads the folder set aside, the next run puts it back', async () => {
    const dir = await changedProject();
    const before = model(dir);
    const killed = await runKilledAt(dir, 'swap-aside');
    expect([killed.signal, killed.output]).toEqual(['SIGKILL', '']);
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
    expect(leftovers(dir)).toContain('.rst-codegen-old-generated');
    const check = await run(['generate', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).not.toContain('is missing');
    expect(check.stderr).toContain('generated/svc/model.json is out of date');
    // With the page as it was, the folder set aside is up to date.
    const page = path.join(dir, 'docs/status_codes.rst');
    const changed = readFileSync(page, 'utf8');
    writeFileSync(page, seedText);
    expect((await run(['generate', '--check'], dir)).code).toBe(0);
    expect(readFileSync(path.join(dir, '.rst-codegen-old-generated/svc/model.json'), 'utf8')).toBe(before);
    writeFileSync(page, changed);
    await nextRunRecovers(dir);
  });

  it('after the swap, before the old folder is removed: the new output is in place', async () => {
    const dir = await changedProject();
    const killed = await runKilledAt(dir, 'swap-done');
    expect([killed.signal, killed.output]).toEqual(['SIGKILL', '']);
    expect(model(dir)).toContain('Specifies the NORMAL response code');
    expect((await run(['generate', '--check'], dir)).code).toBe(0);
    await nextRunRecovers(dir);
  });

  it('an empty lock left by an older version is taken over once it is a few seconds old', async () => {
    const dir = await changedProject();
    const lock = path.join(dir, '.rst-codegen-generated.lock');
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await nextRunRecovers(dir);
  });
});
