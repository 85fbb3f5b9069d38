/**
 * Benchmark worker of the parse cases: parses the files named by `--list FILE`
 * (one path per line) to tables and cells, N times, and prints {seconds (best
 * run), maxrssMb, files, tables, cells} as JSON. It runs as users run the
 * product: plain `node` on the built code (dist/, `npm run build` first), no
 * tsx loader in the process (the loader alone kept ~45 MB more). `maxrssMb`
 * is the process's peak after every run, start-up and the pages' text
 * included. Reading the files is not timed (nor is it on the docutils side).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { fromRst } = await import(path.join(root, 'dist/parse/index.js'));
const { toOracleJson } = await import(path.join(root, 'dist/parse/oracle-json.js'));

const args = process.argv.slice(2);
const listIndex = args.indexOf('--list');
const runs = Number(args[args.indexOf('--runs') + 1] ?? 1) || 1;
const skeleton = args.includes('--skeleton');
const paths = readFileSync(args[listIndex + 1], 'utf8')
  .split('\n')
  .filter(Boolean);
const texts = paths.map((p) => readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));

let best = Infinity;
let tables = 0;
let cells = 0;
for (let run = 0; run < runs; run++) {
  tables = 0;
  cells = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    const json = toOracleJson(fromRst(texts[i], { path: paths[i], skeleton }), paths[i]);
    tables += json.tables.length;
    for (const t of json.tables) cells += t.cells.length;
  }
  best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
}
const maxrssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ seconds: best, maxrssMb, files: texts.length, tables, cells })}\n`);
