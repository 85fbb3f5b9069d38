/**
 * Many CLI runs in one real process of the built CLI (test/helpers/cli-server.mjs;
 * test/global-setup.ts keeps dist/ up to date with src/): a test that needs a
 * real process for its runs (memory bounded by `--max-old-space-size`, a hang or
 * an unbounded read showing as a process that does not answer or does not end)
 * without paying node start-up and module loading once per run.
 *
 *   const cli = cliProcess(['--max-old-space-size=300']);
 *   const result = await cli.run(['merge', ...], dir);   // { code, signal, stdout, stderr }
 *   expect(await cli.close()).toEqual({ code: 0, signal: null });   // in afterAll
 *
 * Runs are answered in order. A run not answered within `timeoutMs` (a safety
 * net for a hang, not a timing check) kills the process: that run, and any
 * queued behind it, get `signal: 'SIGKILL'`, and the next run starts a new
 * process. `close()` ends stdin and waits for the process to exit on its own.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './corpus.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface Pending {
  resolve: (result: CliResult) => void;
  timer: NodeJS.Timeout;
}

interface Server {
  child: ChildProcessWithoutNullStreams;
  pending: Pending[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const script = path.join(repoRoot, 'test/helpers/cli-server.mjs');

export function cliProcess(execArgv: readonly string[] = [], timeoutMs = 60_000) {
  let server: Server | undefined;

  const start = (): Server => {
    const child = spawn(process.execPath, [...execArgv, script], { stdio: ['pipe', 'pipe', 'pipe'] });
    const s: Server = {
      child,
      pending: [],
      exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal }))),
    };
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const next = s.pending.shift();
      if (!next) return;
      clearTimeout(next.timer);
      const answer = JSON.parse(line) as { code: number; stdout: string; stderr: string };
      next.resolve({ ...answer, signal: null });
    });
    void s.exit.then(({ code, signal }) => {
      // The process ended: every unanswered run gets its end (and what it printed outside a run).
      for (const p of s.pending.splice(0)) {
        clearTimeout(p.timer);
        p.resolve({ code, signal, stdout: '', stderr });
      }
      if (server === s) server = undefined;
    });
    return s;
  };

  return {
    run(args: readonly string[], cwd: string): Promise<CliResult> {
      const s = (server ??= start());
      return new Promise((resolve) => {
        const timer = setTimeout(() => s.child.kill('SIGKILL'), timeoutMs);
        s.pending.push({ resolve, timer });
        s.child.stdin.write(`${JSON.stringify({ args, cwd })}\n`);
      });
    },
    /** Ends the process's input; resolves with how it ended (it must end by itself: code 0). */
    async close(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
      const s = server;
      if (!s) return { code: 0, signal: null };
      s.child.stdin.end();
      const timer = setTimeout(() => s.child.kill('SIGKILL'), timeoutMs);
      const exit = await s.exit;
      clearTimeout(timer);
      return exit;
    },
  };
}
