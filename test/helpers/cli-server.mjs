/**
 * The built CLI as one long-lived real process, for tests that make many
 * short runs (test/helpers/cli-process.ts starts it): node start-up and
 * loading the CLI's modules are paid once, not once per run. Reads one JSON
 * request per line on stdin, `{"args": [...], "cwd": "..."}`, runs
 * dist/cli/main.js's `main` as bin/rst-codegen.js does (that folder as the
 * working folder, colour as the bin decides it), and answers each request, in
 * order, with one JSON line `{"code", "stdout", "stderr"}`. Exits when stdin
 * ends; a run that leaves a handle open (a FIFO still being opened, a timer)
 * keeps the process alive, which the caller checks.
 */
import { createInterface } from 'node:readline';

process.removeAllListeners('warning');
const { main } = await import('../../dist/cli/main.js');
const { wantColor } = await import('../../dist/cli/report.js');

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line === '') continue;
  const { args, cwd } = JSON.parse(line);
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    color: wantColor(process.env, Boolean(process.stderr.isTTY)),
  });
  process.stdout.write(`${JSON.stringify({ code, stdout, stderr })}\n`);
}
