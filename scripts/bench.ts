/**
 * `npm run bench`: speed and memory of the table parser, side by side with
 * docutils, printed as a table, with the targets checked (exit 1 if one is
 * missed). Cases:
 *   - api-ref: every .rst under ../shared/corpus/api-ref (19 MB), to tables and cells;
 *   - big-10k / big-20k: one 10,000- / 20,000-row x 4 grid table (make-synthetic-rst.py big);
 *   - many: 2,000 tables in list items (make-synthetic-rst.py many);
 *   - api-ref specs: the same pages to the ten services' whole OpenAPI specs
 *     (`generate`: codes model + operations + emit), against docutils merely parsing them;
 *     run as users run the product: plain node on the built code (scripts/bench-specs.mjs,
 *     dist/: `npm run build` first); time: the best of `--runs`, peak RSS: that of one run
 *     (the process's peak when its first run ends);
 *   - wide-cell: one grid table whose mostly blank cell is 100,000 columns wide
 *     (right-stripping its lines was once quadratic: minutes).
 * Each case runs in a fresh process (so peak RSS is the case's own); our time
 * is the best of `--runs` (default 3), docutils' is one run.
 *   - end to end (scripts/bench-e2e.ts): the CLI from dist/ as a fresh process:
 *     `generate --check` on the 41 corpus services and the seed, `tables --json` over api-ref.
 * Options: --runs N, --no-docutils, --skeleton (also build the restructured skeleton),
 * --e2e (only the end-to-end cases), --no-e2e (all but them), --specs (only docutils'
 * parse of api-ref and the specs case).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot as root, rstFiles, sharedDir as shared } from '../test/helpers/corpus.js';
import { e2eCases } from './bench-e2e.js';
import type { E2eResult } from './bench-e2e.js';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
const python = '/usr/bin/python3';
const withDocutils = !args.includes('--no-docutils') && spawnSync(python, ['-c', 'import docutils'], { stdio: 'ignore' }).status === 0;
const skeleton = args.includes('--skeleton');
const e2eOnly = args.includes('--e2e');
const specsOnly = args.includes('--specs');
const withE2e = !args.includes('--no-e2e') && !specsOnly;

interface Measure {
  seconds: number;
  /** user+sys CPU over the same span (docutils, and the specs case: of its best run). */
  cpuSeconds?: number;
  maxrssMb: number;
  /** The specs case: peak RSS after all `--runs` runs in its process. */
  maxrssAllMb?: number;
  tables: number;
  cells?: number;
}

function ours(files: string[], work: string): Measure {
  requireBuild();
  const list = path.join(work, `list-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(list, files.join('\n'));
  const out = execFileSync(
    process.execPath,
    [path.join(root, 'scripts/bench-worker.mjs'), '--list', list, '--runs', String(runs), ...(skeleton ? ['--skeleton'] : [])],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  return JSON.parse(out) as Measure;
}

/** Every case runs the built code (dist/): refuses to run without it, warns when src/ is newer. */
let buildChecked = false;
function requireBuild(): void {
  if (buildChecked) return;
  buildChecked = true;
  const built = path.join(root, 'dist/generate.js');
  if (!existsSync(built)) throw new Error('bench: dist/ is missing: run `npm run build` first (the bench runs the built code).');
  const newest = newestMtime(path.join(root, 'src'));
  if (newest > statSync(built).mtimeMs)
    process.stderr.write('bench: warning: a file in src/ is newer than dist/: run `npm run build` to measure the current code.\n');
}

/** The specs case: plain node on dist/ (scripts/bench-specs.mjs), as users run the product. */
function oursSpecs(files: string[], work: string): Measure {
  requireBuild();
  const list = path.join(work, `list-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(list, files.join('\n'));
  const out = execFileSync(process.execPath, [path.join(root, 'scripts/bench-specs.mjs'), '--list', list, '--runs', String(runs)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  return JSON.parse(out) as Measure;
}

/** The newest modification time of a file below `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

function docutils(files: string[]): Measure | null {
  if (!withDocutils) return null;
  const out = execFileSync(python, [path.join(root, 'scripts/docutils-bench.py'), path.join(shared, 'tools/rst-oracle.py'), ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const r = JSON.parse(out) as { seconds: number; cpu_seconds: number; maxrss_mb: number; tables: number };
  return { seconds: r.seconds, cpuSeconds: r.cpu_seconds, maxrssMb: r.maxrss_mb, tables: r.tables };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const work = mkdtempSync(path.join(tmpdir(), 'rst-codegen-bench-'));
const rows: string[][] = [];
const checks: Array<{ target: string; value: string; ok: boolean }> = [];
const notes: string[] = [];
let e2e: E2eResult | undefined;
try {
  if (!existsSync(shared)) {
    console.log('bench: ../shared not found; nothing to measure.');
    process.exit(0);
  }
  if (!e2eOnly) {
    const apiRef = rstFiles(path.join(shared, 'corpus/api-ref')).sort();
    const size = apiRef.reduce((s, f) => s + statSync(f).size, 0);
    const synth = (mode: string, name: string, extra: string[]) => {
      const file = path.join(work, name);
      execFileSync(existsSync(python) ? python : 'python3', [path.join(shared, 'tools/make-synthetic-rst.py'), mode, file, ...extra]);
      return file;
    };
    const cases: Array<{ name: string; files: string[]; size: number; withoutDocutils?: boolean }> = [
      { name: `api-ref (${apiRef.length} files)`, files: apiRef, size },
    ];
    // --specs: only the api-ref case (docutils' parse of it is the specs case's reference) and the specs case.
    if (!specsOnly) {
      for (const [name, mode, extra] of [
        ['big-10k', 'big', ['--rows', '10000']],
        ['big-20k', 'big', ['--rows', '20000']],
        ['many (2,000 tables)', 'many', []],
      ] as const) {
        const file = synth(mode, `${mode}-${name.replace(/\W+/g, '')}.rst`, [...extra]);
        cases.push({ name, files: [file], size: statSync(file).size });
      }
      const wide = path.join(work, 'wide-cell.rst');
      const width = 100_000;
      writeFileSync(wide, [`+${'-'.repeat(width)}+`, `| x${' '.repeat(width - 2)}|`, `|${' '.repeat(width)}|`, `+${'-'.repeat(width)}+`, ''].join('\n'));
      cases.push({ name: 'wide-cell', files: [wide], size: statSync(wide).size });
      // issue 12 1(d): 4 MB of unclosed inline markup (1.6 M messages), 200,000 tiny simple tables.
      // docutils is not run on these: it is quadratic on unclosed markup and takes many minutes.
      const hostile: Array<[string, string]> = [
        ['inline-markup (4 MB of *`_|:)', `${'*`_|:'.repeat(800_000)}\n`],
        ['tiny tables (200,000 simple)', '=== ===\na   b\n=== ===\n\n'.repeat(200_000)],
      ];
      for (const [name, text] of hostile) {
        const file = path.join(work, `${name.replace(/\W+/g, '-')}.rst`);
        writeFileSync(file, text);
        cases.push({ name, files: [file], size: statSync(file).size, withoutDocutils: true });
      }
    }
    const results = new Map<string, { ours: Measure; docutils: Measure | null }>();
    for (const c of cases) {
      process.stderr.write(`bench: ${c.name}...\n`);
      const m = { ours: ours(c.files, work), docutils: c.withoutDocutils ? null : docutils(c.files) };
      results.set(c.name, m);
      rows.push([
        c.name,
        mb(c.size),
        String(m.ours.tables),
        `${m.ours.seconds.toFixed(3)} s`,
        `${m.ours.maxrssMb.toFixed(0)} MB`,
        m.docutils ? `${m.docutils.seconds.toFixed(3)} s` : 'n/a',
        m.docutils ? `${m.docutils.maxrssMb.toFixed(0)} MB` : 'n/a',
        m.docutils ? `${(m.docutils.seconds / m.ours.seconds).toFixed(1)}x` : 'n/a',
      ]);
    }
    // The same pages to the ten whole specs (tables column: operations), against docutils' parse of them.
    process.stderr.write('bench: api-ref to specs...\n');
    const specs = { ours: oursSpecs(apiRef, work), docutils: results.get(cases[0]!.name)!.docutils };
    rows.push([
      'api-ref -> 10 specs',
      mb(size),
      `${specs.ours.tables} ops`,
      `${specs.ours.seconds.toFixed(3)} s`,
      `${specs.ours.maxrssMb.toFixed(0)} MB`,
      specs.docutils ? `${specs.docutils.seconds.toFixed(3)} s` : 'n/a',
      specs.docutils ? `${specs.docutils.maxrssMb.toFixed(0)} MB` : 'n/a',
      specs.docutils ? `${(specs.docutils.seconds / specs.ours.seconds).toFixed(1)}x` : 'n/a',
    ]);
    if (specs.docutils) {
      const ratio = specs.docutils.seconds / specs.ours.seconds;
      checks.push({ target: 'api-ref to the ten specs at least 10x faster than docutils parsing the pages', value: `${ratio.toFixed(1)}x`, ok: ratio >= 10 });
    }
    const o = specs.ours;
    notes.push(
      `api-ref -> 10 specs: plain node on dist/; best of ${runs} run(s): ${o.seconds.toFixed(3)} s wall, ${(o.cpuSeconds ?? 0).toFixed(3)} s CPU (user+sys)` +
        (specs.docutils?.cpuSeconds
          ? `; docutils' parse: ${specs.docutils.cpuSeconds.toFixed(3)} s CPU (${(specs.docutils.cpuSeconds / (o.cpuSeconds ?? 1)).toFixed(1)}x)`
          : '') +
        `; peak RSS of one run ${o.maxrssMb.toFixed(0)} MB (of all ${runs} runs in the process: ${(o.maxrssAllMb ?? 0).toFixed(0)} MB).`,
    );
    checks.push({
      target: 'api-ref to the ten specs: peak memory at most 400 MB',
      value: `${specs.ours.maxrssMb.toFixed(0)} MB`,
      ok: specs.ours.maxrssMb <= 400,
    });
    const api = results.get(cases[0]!.name)!;
    if (api.docutils) {
      const ratio = api.docutils.seconds / api.ours.seconds;
      checks.push({ target: 'api-ref at least 10x faster than docutils', value: `${ratio.toFixed(1)}x`, ok: ratio >= 10 });
    }
    checks.push({ target: 'api-ref peak memory at most 250 MB', value: `${api.ours.maxrssMb.toFixed(0)} MB`, ok: api.ours.maxrssMb <= 250 });
    if (!specsOnly) {
      const growth = results.get('big-20k')!.ours.seconds / results.get('big-10k')!.ours.seconds;
      checks.push({ target: '20,000 rows take at most 2.3x the time of 10,000', value: `${growth.toFixed(2)}x`, ok: growth <= 2.3 });
      const big10k = results.get('big-10k')!.ours.seconds;
      checks.push({ target: '10,000 rows in under 1 s', value: `${big10k.toFixed(3)} s`, ok: big10k < 1 });
      const wideCell = results.get('wide-cell')!.ours.seconds;
      checks.push({ target: 'a 100,000-column cell in under 2 s', value: `${wideCell.toFixed(3)} s`, ok: wideCell < 2 });
    }
  }
  if (withE2e) e2e = e2eCases(work, { runs, python, docutils: withDocutils });
} finally {
  rmSync(work, { recursive: true, force: true });
}

const table = (header: string[], body: string[][]) => {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
  console.log('');
};
if (rows.length > 0) {
  table(['case', 'size', 'tables', 'rst-codegen', 'peak RSS', 'docutils 0.19', 'peak RSS', 'speed-up'], rows);
  for (const note of notes) console.log(note);
  console.log(
    `node ${process.version}, best of ${runs} run(s)${skeleton ? ', with the restructured skeleton' : ''}; docutils: one run${withDocutils ? '' : ' (not installed: skipped)'}.`,
  );
}
if (e2e) {
  table(['end to end (fresh process, dist/)', 'pages', 'wall', 'cpu (user+sys)', 'peak RSS', 'docutils parse', 'peak RSS', 'speed-up (wall)'], e2e.rows);
  console.log(`end to end: best wall time of ${runs} run(s), /usr/bin/time; docutils: one run, in process, start-up excluded.`);
  checks.push(...e2e.checks);
}
for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.target}: ${c.value}`);
process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
