/**
 * The "api-ref -> 10 specs" case of `npm run bench`, as users run the
 * product: plain `node` on the built code (dist/, `npm run build` first; no
 * tsx loader in the process). `--list FILE` holds one page path per line
 * (below `api-ref/<service>/`): status/error-code pages go to the codes
 * model, every other page to operations, one service per folder, through
 * `generate()` (parse -> model -> emit, every output file in memory), `--runs`
 * times in this process. Reading the files is not timed (nor is it on the
 * docutils side).
 *
 * Prints JSON: `seconds` (wall) and `cpuSeconds` (user+sys of this process)
 * of the best run (a warm one: the first run also compiles the code);
 * `maxrssMb`, the process's peak RSS when the first run ends, i.e. the peak
 * of one run (start-up and the pages' text included), as a user's one
 * `generate` peaks; `maxrssAllMb`, the peak after every run (it grows with
 * the runs: V8 lets garbage of earlier runs accumulate before it collects);
 * `operations`, summed over the services.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { VFile } = await import('vfile');
const { generate } = await import(path.join(root, 'dist/generate.js'));

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] ?? 1) || 1;
const paths = readFileSync(args[args.indexOf('--list') + 1], 'utf8')
  .split('\n')
  .filter(Boolean);
const texts = paths.map((p) => readFileSync(p, 'utf8').replace(/^\uFEFF/, ''));

let best = { seconds: Infinity, cpuSeconds: Infinity };
let maxrssMb = 0;
let operations = 0;
for (let run = 0; run < runs; run++) {
  const byService = new Map();
  paths.forEach((p, i) => {
    const parts = p.split('/');
    const at = parts.indexOf('api-ref');
    const service = parts[at + 1] ?? 'service';
    const entry = byService.get(service) ?? { pages: [], apiPages: [] };
    byService.set(service, entry);
    const file = new VFile({ path: p, value: texts[i] });
    (/(status|error)_?codes?/i.test(parts.slice(at + 2).join('/')) ? entry.pages : entry.apiPages).push(file);
  });
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = generate(
    [...byService].map(([service, s]) => ({ service, title: service, ...s })),
    { style: 'enum' },
    new VFile({ path: 'run' }),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  if (seconds < best.seconds) best = { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
  if (run === 0) maxrssMb = process.resourceUsage().maxRSS / 1024;
  operations = result.summary.reduce((n, s) => n + s.operations, 0);
}
process.stdout.write(
  `${JSON.stringify({ ...best, maxrssMb, maxrssAllMb: process.resourceUsage().maxRSS / 1024, files: texts.length, tables: operations, cells: 0 })}\n`,
);
