/**
 * Issue 12, part 1(d), in a real process with a small heap: pages of many
 * tiny problems or tiny tables are read in memory proportional to what is
 * kept, not to every message docutils would make. Each case runs the built
 * CLI under `--max-old-space-size`; a child that outgrows it dies (V8's
 * "heap out of memory", exit 134) and the test fails. Before the fix, both
 * cases needed more than these heaps (0.5 MB of `*`_|:` made 200,000 messages;
 * `tables --json` held the whole JSON text and a copy of every table). No
 * timing is asserted; the process timeout is only a safety net for a hang.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_RULE } from '../../src/parse/reporter.js';
import { cliProcess } from '../helpers/cli-process.js';
import { project, repoRoot } from './helpers.js';

/** The built CLI (test/global-setup.ts keeps dist/ up to date with src/). */
const cli = path.join(repoRoot, 'bin/rst-codegen.js');

function cliRun(heapMb: number, args: string[], cwd: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, cli, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

/**
 * The cases of one heap size whose output is small run one after the other in
 * one real process of that heap (test/helpers/cli-process.ts: the built CLI's
 * `main`, output handed back at the end of each run), one node start-up for
 * both: the second run also has to fit beside whatever the first left behind.
 * The `tables` cases, whose output is large and written as it is read, keep a
 * process of their own.
 */
const heap40 = cliProcess(['--max-old-space-size=40']);
const heap80 = cliProcess(['--max-old-space-size=80']);

afterAll(async () => {
  // Neither process ran out of memory nor was kept alive by a run: each ends by itself.
  expect(await heap40.close()).toEqual({ code: 0, signal: null });
  expect(await heap80.close()).toEqual({ code: 0, signal: null });
});

describe('blow-ups (issue 12 1(d)) stay within a small heap', () => {
  it('`lint` on 0.5 MB of `*`_|:` (200,000 unclosed start-strings) in a 32 MB heap: the first messages, then their count', async () => {
    const dir = project({ 'marks.rst': `${'*`_|:'.repeat(100_000)}\n` });
    const result = await cliRun(32, ['lint', 'marks.rst', '--format', 'json'], dir);
    expect([result.code, result.signal, result.stderr]).toEqual([0, null, '']);
    const diagnostics = JSON.parse(result.stdout) as { ruleId: string; line: number; column: number; message: string }[];
    const count = (id: string) => diagnostics.filter((d) => d.ruleId === id).length;
    expect(count('inline-markup')).toBe(MAX_MESSAGES_PER_RULE);
    expect(diagnostics.filter((d) => d.ruleId === 'too-many-messages')).toEqual([
      expect.objectContaining({
        line: 1,
        column: (MAX_MESSAGES_PER_RULE / 2) * 5 + 1,
        message: `${200_000 - MAX_MESSAGES_PER_RULE} more \`inline-markup\` messages from this line on are not shown: only the first ${MAX_MESSAGES_PER_RULE} messages of a rule are kept per page.`,
      }),
    ]);
  });

  // Issue 12 1(d): 200,000 tiny simple tables (4.4 MB; the whole page is read in process in
  // test/parse/hostile-input.test.ts). Each command runs here on a fraction of that page in a heap that holds
  // far less than what the commands held per table before (1.2 KB for `tables`, 4.7 KB for `lint`, 5 KB for
  // `generate`), so the memory per table is bounded as for the whole page. The built CLI of fd1f213 runs out
  // of these heaps on these pages (exit 134: checked on 2026-11-30 for `tables`, `tables --json`, `lint`,
  // `model --json` and `generate`); this code needs about 34 MB for `lint` and under 64 MB for `generate`.
  const TINY = '=== ===\na   b\n=== ===\n\n';
  // each page is written once, for the runs that read it
  let tiny: string | undefined;
  const tinyDir = (): string => (tiny ??= project({ 'tables.rst': TINY.repeat(30_000) }));

  it('`tables --json` on 30,000 tiny simple tables in a 40 MB heap: every table, written as it is read', async () => {
    const result = await cliRun(40, ['tables', 'tables.rst', '--json'], tinyDir());
    expect([result.code, result.signal, result.stderr]).toEqual([0, null, '']);
    const json = JSON.parse(result.stdout) as { tables: { index: number; line: number; cells: { text: string }[] }[]; messages: unknown[] };
    expect(json.tables).toHaveLength(30_000);
    expect(json.tables[29_999]).toMatchObject({ index: 29_999, line: 4 * 29_999 + 1, cells: [{ text: 'a' }, { text: 'b' }] });
    expect(json.messages).toEqual([]);
  });

  it('`tables` on 30,000 tiny simple tables in a 40 MB heap: the count, then one line per table', async () => {
    const result = await cliRun(40, ['tables', 'tables.rst'], tinyDir());
    expect([result.code, result.signal, result.stderr]).toEqual([0, null, '']);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(30_001);
    expect(lines[0]).toBe('tables.rst: 30000 table(s)');
    expect(lines[30_000]).toBe(`  ${4 * 29_999 + 1}:1  simple  1 rows (0 header) x 2 columns`);
  });

  it('`tables` read by a reader that stops after the first line (`| head -1`): no EPIPE crash, the exit code of the run', async () => {
    // 5,000 lines: about 190 KB of output, written in 64 KB pieces, more than a pipe holds
    const dir = project({ 'tables.rst': TINY.repeat(5_000) });
    const child = spawn(process.execPath, [cli, 'tables', 'tables.rst'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      killSignal: 'SIGKILL',
    });
    let first = '';
    let stderr = '';
    child.stdout.once('data', (d) => {
      first = String(d).split('\n')[0] ?? '';
      child.stdout.destroy();
    });
    child.stderr.on('data', (d) => (stderr += d));
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    expect([first, code, signal, stderr]).toEqual(['tables.rst: 5000 table(s)', 0, null, '']);
  });

  // Sixteen blank lines after each table: more than the 150,000 characters outside tables the skeleton is built
  // for, as on the whole page (so the skeleton's own bounded work does not come into it).
  const SPACED = `${TINY}${'\n'.repeat(15)}`;
  const notShown = (count: number) =>
    `${count - MAX_MESSAGES_PER_RULE} more \`not-a-code-table\` messages from this line on are not shown: only the first ${MAX_MESSAGES_PER_RULE} messages of a rule are kept per page.`;
  let spaced: string | undefined;
  const spacedDir = (): string => {
    const config = { outDir: 'generated', style: 'enum', services: [{ name: 'svc', title: 'Svc', status: ['tables.rst'] }] };
    return (spaced ??= project({ 'tables.rst': SPACED.repeat(10_000), 'rst-codegen.config.json': JSON.stringify(config) }));
  };

  it('`lint` on 10,000 tiny tables in a 40 MB heap: the first 1,000 `not-a-code-table` infos, then their count', async () => {
    const dir = spacedDir();
    const result = await heap40.run(['lint', 'tables.rst', '--verbose', '--format', 'json'], dir);
    expect([result.code, result.signal, result.stderr]).toEqual([0, null, '']);
    const diagnostics = JSON.parse(result.stdout) as { ruleId: string; severity: string; line: number; message: string }[];
    const skipped = diagnostics.filter((d) => d.ruleId === 'not-a-code-table');
    expect(skipped).toHaveLength(MAX_MESSAGES_PER_RULE + 1);
    expect(skipped[0]).toMatchObject({
      severity: 'info',
      line: 1,
      message: 'Table with columns `… | …` is not a status-code or error-code table and is skipped',
    });
    expect(skipped.at(-1)).toMatchObject({ severity: 'info', line: 19 * MAX_MESSAGES_PER_RULE + 1, message: notShown(10_000) });
    expect(diagnostics.filter((d) => d.ruleId !== 'not-a-code-table').map((d) => d.ruleId)).toEqual(['skeleton-too-large', 'no-code-table']);
  });

  it('`model --json` on 10,000 tiny tables in a 40 MB heap: an empty model and the same diagnostics', async () => {
    const dir = spacedDir();
    const result = await heap40.run(['model', 'tables.rst', '--json', '--format', 'json'], dir);
    expect([result.code, result.signal]).toEqual([0, null]);
    expect(JSON.parse(result.stdout)).toMatchObject({ services: [{ statusCodes: [], statusClasses: [], errorCodes: [], sources: ['tables.rst'] }] });
    expect((JSON.parse(result.stderr) as { ruleId: string }[]).map((d) => d.ruleId)).toEqual(['skeleton-too-large', 'no-code-table']);
  });

  for (const check of [false, true]) {
    it(`\`generate${check ? ' --check' : ''}\` with 10,000 tiny tables as the status page, in an 80 MB heap: the service is empty, nothing is written`, async () => {
      // the page's service yields nothing: neither run writes, so both read the same project
      const dir = spacedDir();
      const result = await heap80.run(['generate', ...(check ? ['--check'] : [])], dir);
      expect([result.code, result.signal]).toEqual([1, null]);
      expect(result.stderr).toContain('error  Service `svc` yields no status codes and no error codes (and no operations) from its 1 page(s)');
      expect(result.stderr.trimEnd().split('\n').at(-1)).toBe(
        `rst-codegen generate: 1 error, 2 warnings, ${MAX_MESSAGES_PER_RULE + 1} infos; nothing was written.`,
      );
    });
  }
});
