/**
 * `redocly lint` (the pinned @redocly/cli devDependency) over in-memory
 * OpenAPI documents, with its `recommended` ruleset: the documents are
 * written to a temporary folder, linted in one run (`--format json`, no
 * telemetry, no update check) and the folder removed.
 *
 *   redoclyLint({ 'a.json': doc }) -> Promise<{ file, ruleId, severity, message }[]>
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));

/** The warnings that remain on a components-only document, by design (README "Linting the OpenAPI documents"). */
export const ACCEPTED_REDOCLY_WARNINGS: ReadonlySet<string> = new Set(['no-unused-components', 'info-license']);

export interface RedoclyProblem {
  file: string;
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
}

interface RedoclyJson {
  problems: { ruleId: string; severity: 'error' | 'warn'; message: string; location: { source: { ref: string } }[] }[];
}

function expectCount(reports: number, files: number): void {
  if (reports !== files) throw new Error(`redocly printed ${reports} reports for ${files} files`);
}

/** Lints each document and returns every problem; an empty list means clean. */
export async function redoclyLint(docs: Record<string, unknown>): Promise<RedoclyProblem[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-redocly-'));
  try {
    const files = Object.entries(docs).map(([name, doc], index) => {
      const file = path.join(dir, `${index}-${name.replace(/[^A-Za-z0-9.-]+/g, '_')}`);
      writeFileSync(file, JSON.stringify(doc, null, 2));
      return file;
    });
    const names = new Map(files.map((file, index) => [path.basename(file), Object.keys(docs)[index] ?? file]));
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [CLI, 'lint', '--extends', 'recommended', '--format', 'json', ...files],
        { cwd: dir, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } },
        // redocly exits 1 when it finds an error: the JSON on stdout is the answer either way.
        (error, out) => (out.trim().startsWith('{') ? resolve(out) : reject(error ?? new Error(`redocly printed no JSON: ${out}`))),
      );
    });
    // One JSON object per file, printed back to back (`}{`).
    const reports = stdout
      .trim()
      .split(/(?<=^\})(?=\{$)/m)
      .map((text) => JSON.parse(text) as RedoclyJson);
    expectCount(reports.length, files.length);
    return reports
      .flatMap((json) => json.problems)
      .map((problem) => ({
        file: names.get(path.basename(problem.location[0]?.source.ref ?? '')) ?? '?',
        ruleId: problem.ruleId,
        severity: problem.severity,
        message: problem.message,
      }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
