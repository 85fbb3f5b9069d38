/**
 * The end-to-end cases of `npm run bench` (`npm run bench -- --e2e` runs only
 * these): the CLI as users run it, each as a fresh process timed by
 * /usr/bin/time (wall time, user+sys CPU, peak RSS), side by side with
 * docutils' parse of the same pages in the same run:
 *   - codes (41 services): `rst-codegen generate --check` (dist/) on one config
 *     listing every service of ../shared/corpus/status-and-error-codes by its
 *     docs folder (96 pages), after one untimed `generate`: the run cache
 *     (src/cli/manifest.ts) then holds that run, as it does in a project
 *     where nothing changed since the last `generate`; and the same with
 *     `--no-cache` (every page parsed, every file rendered: no target, shown
 *     for what a first run or a changed page costs);
 *   - seed: `npm run generate -- --check` in the repository (its config),
 *     after one untimed run of the same command;
 *   - tables api-ref: `rst-codegen tables --json` over ../shared/corpus/api-ref,
 *     two processes (xargs -P 2).
 * dist/ must be built (`npm run build`); the run stops when it is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codesDocsDir, repoRoot as root, rstFiles, sharedDir as shared } from '../test/helpers/corpus.js';

export interface E2eMeasure {
  wall: number;
  cpu: number;
  maxrssMb: number;
}

export interface E2eResult {
  rows: string[][];
  checks: Array<{ target: string; value: string; ok: boolean }>;
}

const bin = path.join(root, 'bin/rst-codegen.js');

/** Runs `sh -c script` in `cwd` under /usr/bin/time; best wall time of `runs` (peak RSS: the highest seen). */
function timed(script: string, cwd: string, runs: number): E2eMeasure {
  let best: E2eMeasure | undefined;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', 'E2E %e %U %S %M', 'sh', '-c', script], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    const m = /E2E (\S+) (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`bench: \`${script}\` failed (exit ${r.status}):\n${r.stderr.slice(-2000)}`);
    const run = { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), maxrssMb: Number(m[4]) / 1024 };
    best = best === undefined ? run : { ...(run.wall < best.wall ? run : best), maxrssMb: Math.max(best.maxrssMb, run.maxrssMb) };
  }
  return best!;
}

function docutilsParse(python: string, files: string[]): { seconds: number; maxrssMb: number } | null {
  if (!existsSync(python) || spawnSync(python, ['-c', 'import docutils'], { stdio: 'ignore' }).status !== 0) return null;
  const out = execFileSync(python, [path.join(root, 'scripts/docutils-bench.py'), path.join(shared, 'tools/rst-oracle.py'), ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const r = JSON.parse(out) as { seconds: number; maxrss_mb: number };
  return { seconds: r.seconds, maxrssMb: r.maxrss_mb };
}

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

export function e2eCases(work: string, options: { runs: number; python: string; docutils: boolean }): E2eResult {
  const rows: string[][] = [];
  const checks: E2eResult['checks'] = [];
  if (!existsSync(path.join(root, 'dist/cli/main.js'))) throw new Error('bench: dist/ is not built; run `npm run build` first.');
  const row = (name: string, pages: number, m: E2eMeasure, d: { seconds: number; maxrssMb: number } | null) => {
    rows.push([
      name,
      String(pages),
      `${m.wall.toFixed(3)} s`,
      `${m.cpu.toFixed(2)} s`,
      `${m.maxrssMb.toFixed(0)} MB`,
      d ? `${d.seconds.toFixed(3)} s` : 'n/a',
      d ? `${d.maxrssMb.toFixed(0)} MB` : 'n/a',
      d ? `${(d.seconds / m.wall).toFixed(1)}x` : 'n/a',
    ]);
    return d ? d.seconds / m.wall : undefined;
  };
  const docutils = (files: string[]) => (options.docutils ? docutilsParse(options.python, files) : null);

  // 41 services, one config, each by its docs folder.
  const project = path.join(work, 'codes-project');
  mkdirSync(project, { recursive: true });
  cpSync(codesDocsDir, path.join(project, 'docs'), { recursive: true });
  const services = readdirSync(codesDocsDir).sort();
  writeFileSync(
    path.join(project, 'rst-codegen.config.json'),
    `${JSON.stringify({ services: services.map((name) => ({ name, docs: `docs/${name}` })) }, null, 2)}\n`,
  );
  const codePages = rstFiles(codesDocsDir).sort();
  process.stderr.write(`bench: e2e generate --check, ${services.length} services...\n`);
  execFileSync(process.execPath, [bin, 'generate', '--quiet'], { cwd: project, stdio: ['ignore', 'ignore', 'inherit'] });
  const codes = timed(`${quote(process.execPath)} ${quote(bin)} generate --check --quiet`, project, options.runs);
  const codesDocutils = docutils(codePages);
  const codesRatio = row(`generate --check (${services.length} services)`, codePages.length, codes, codesDocutils);
  if (codesRatio !== undefined)
    checks.push({
      target: `generate --check, ${services.length} services: at least 4x faster than docutils' parse`,
      value: `${codesRatio.toFixed(1)}x`,
      ok: codesRatio >= 4,
    });
  checks.push({
    target: `generate --check, ${services.length} services: peak RSS at most 200 MB`,
    value: `${codes.maxrssMb.toFixed(0)} MB`,
    ok: codes.maxrssMb <= 200,
  });
  process.stderr.write(`bench: e2e generate --check --no-cache, ${services.length} services...\n`);
  const cold = timed(`${quote(process.execPath)} ${quote(bin)} generate --check --no-cache --quiet`, project, 1);
  row(`  the same, --no-cache (cold)`, codePages.length, cold, codesDocutils);

  // The seed, as the README runs it.
  process.stderr.write('bench: e2e seed npm run generate -- --check...\n');
  const seedPages = rstFiles(path.join(root, 'seeds')).sort();
  execFileSync('npm', ['run', '--silent', 'generate', '--', '--check', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const seed = timed('npm run --silent generate -- --check --quiet', root, options.runs);
  row('seed: npm run generate -- --check', seedPages.length, seed, docutils(seedPages));
  checks.push({ target: "the seed's `npm run generate` under 0.6 s", value: `${seed.wall.toFixed(3)} s`, ok: seed.wall < 0.6 });

  // tables --json over the API corpus, two processes.
  process.stderr.write('bench: e2e tables --json over api-ref...\n');
  const apiRef = rstFiles(path.join(shared, 'corpus/api-ref')).sort();
  const list = path.join(work, 'api-ref.list');
  writeFileSync(list, `${apiRef.join('\0')}\0`);
  const half = Math.ceil(apiRef.length / 2);
  const tables = timed(`xargs -0 -P 2 -n ${half} ${quote(process.execPath)} ${quote(bin)} tables --json < ${quote(list)} > /dev/null`, root, options.runs);
  const tablesRatio = row('tables --json api-ref (2 processes)', apiRef.length, tables, docutils(apiRef));
  if (tablesRatio !== undefined)
    checks.push({ target: "tables --json over api-ref: at least 10x faster than docutils' parse", value: `${tablesRatio.toFixed(1)}x`, ok: tablesRatio >= 10 });
  return { rows, checks };
}
