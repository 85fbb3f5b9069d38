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
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGES_PER_RULE } from '../../src/parse/reporter.js';
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

  it('`tables --json` on 20,000 tiny simple tables in a 64 MB heap: every table, written as it is read', async () => {
    const dir = project({ 'tables.rst': '=== ===\na   b\n=== ===\n\n'.repeat(20_000) });
    const result = await cliRun(64, ['tables', 'tables.rst', '--json'], dir);
    expect([result.code, result.signal, result.stderr]).toEqual([0, null, '']);
    const json = JSON.parse(result.stdout) as { tables: { line: number; cells: { text: string }[] }[]; messages: unknown[] };
    expect(json.tables).toHaveLength(20_000);
    expect(json.tables[19_999]).toMatchObject({ line: 4 * 19_999 + 1, cells: [{ text: 'a' }, { text: 'b' }] });
    expect(json.messages).toEqual([]);
  });
});
