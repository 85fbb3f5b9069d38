/**
 * `npm run fuzz -- --diff [--seconds N] [--seed S] [--minimise K] [--forms a,b]`: the differential
 * fuzzer. Generated documents of every table form (test/fuzz/table-forms.ts)
 * and mutations of the corpus' tables are read by docutils 0.19 (one
 * long-lived worker, scripts/docutils-worker.py) and by our parser
 * in-process; each difference is counted per form, as a table/cell mismatch
 * or a message mismatch. The first document of each kind of difference
 * (form, part, place) is minimised and printed. Prints per-form case counts
 * and mismatch rates; exits 1 when any table/cell mismatch was found.
 */
import fc from 'fast-check';
import { corpusPages, readOracle, readPage, sharedPresent } from '../test/helpers/corpus.js';
import { DocutilsWorker, workerAvailable } from '../test/fuzz/docutils-worker.js';
import { compare, minimise, ours, wellFormed, type Difference } from '../test/fuzz/differential.js';
import { corpusForm, corpusTables, FORMS } from '../test/fuzz/table-forms.js';

interface Counts {
  cases: number;
  tables: number;
  messages: number;
  oracleErrors: number;
}

const BATCH = 40;

function forms(only: string | undefined): Map<string, fc.Arbitrary<string>> {
  const all = new Map<string, fc.Arbitrary<string>>(Object.entries(FORMS));
  if (sharedPresent('fuzz --diff: corpus mutations')) {
    const pages = corpusPages().map((p) => ({
      text: readPage(p),
      lines: readOracle<{ tables: { line: number | null; directive_line: number | null }[] }>(p).tables.map((t) => t.directive_line ?? t.line ?? 1),
    }));
    const tables = corpusTables(pages);
    if (tables.length) all.set('corpus', corpusForm(tables));
  }
  if (!only) return all;
  const wanted = new Set(only.split(','));
  return new Map([...all].filter(([name]) => wanted.has(name)));
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(3)}%` : '-');

export async function runDifferential(args: string[]): Promise<number> {
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const seconds = Number(value('--seconds') ?? 120);
  const firstSeed = Number(value('--seed') ?? Date.now() % 2 ** 31);
  const minimiseMax = Number(value('--minimise') ?? 25);
  if (!workerAvailable) {
    console.log('fuzz --diff skipped: /usr/bin/python3 or ../shared/tools/rst-oracle.py not found');
    return 0;
  }
  const arbitraries = forms(value('--forms'));
  const counts = new Map<string, Counts>([...arbitraries.keys()].map((k) => [k, { cases: 0, tables: 0, messages: 0, oracleErrors: 0 }]));
  const kinds = new Map<string, { count: number; text: string; diff: Difference; seed: number }>();
  const oracleErrors: string[] = [];
  const worker = new DocutilsWorker();
  const ask = (t: string) => worker.ask(t);
  console.log(`fuzz --diff: seed ${firstSeed} (repeat with --seed ${firstSeed}), ${seconds} s, forms ${[...arbitraries.keys()].join(', ')}`);

  const deadline = Date.now() + seconds * 1000;
  let seed = firstSeed;
  const names = [...arbitraries.keys()];
  for (let batch = 0; Date.now() < deadline; batch++) {
    const form = names[batch % names.length]!;
    const texts = fc.sample(arbitraries.get(form)!, { seed, numRuns: BATCH }).map(wellFormed);
    const answers = texts.map(ask);
    const c = counts.get(form)!;
    for (let i = 0; i < texts.length; i++) {
      const mine = ours(texts[i]!);
      const answer = await answers[i]!;
      c.cases++;
      if ('error' in answer) {
        if (c.oracleErrors++ === 0) oracleErrors.push(`${form}: ${JSON.stringify(texts[i])}: ${answer.error.trim().split('\n').pop()}`);
        continue;
      }
      const diff = compare(mine, answer.out);
      if (!diff) continue;
      c[diff.part]++;
      const key = `${form} ${diff.part} ${diff.where}`;
      const kind = kinds.get(key);
      if (kind) kind.count++;
      else kinds.set(key, { count: 1, text: texts[i]!, diff, seed });
    }
    seed = (seed + 1) % 2 ** 31;
  }

  console.log('\nform        cases   table/cell mismatches   message mismatches   docutils errors');
  const total: Counts = { cases: 0, tables: 0, messages: 0, oracleErrors: 0 };
  for (const [form, c] of counts) {
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
    console.log(
      `${form.padEnd(10)} ${String(c.cases).padStart(7)}   ${`${c.tables} (${pct(c.tables, c.cases)})`.padEnd(21)}   ${`${c.messages} (${pct(c.messages, c.cases)})`.padEnd(18)}   ${c.oracleErrors}`,
    );
  }
  console.log(
    `${'all'.padEnd(10)} ${String(total.cases).padStart(7)}   ${`${total.tables} (${pct(total.tables, total.cases)})`.padEnd(21)}   ${`${total.messages} (${pct(total.messages, total.cases)})`.padEnd(18)}   ${total.oracleErrors}`,
  );

  if (oracleErrors.length) console.log(`\ndocutils raised (not compared), first per form:\n  ${oracleErrors.join('\n  ')}`);
  const sorted = [...kinds].sort((a, b) => (a[1].diff.part === b[1].diff.part ? b[1].count - a[1].count : a[1].diff.part === 'tables' ? -1 : 1));
  if (sorted.length) console.log(`\n${sorted.length} kinds of difference (form, part, first place); minimising up to ${minimiseMax}:`);
  for (const [i, [key, kind]] of sorted.entries()) {
    if (i >= minimiseMax) {
      console.log(`  ${key}: ${kind.count} cases (not minimised)`);
      continue;
    }
    const small = await minimise(kind.text, kind.diff, ask);
    const answer = await ask(small);
    const d = 'out' in answer ? compare(ours(small), answer.out) : null;
    console.log(`\n  ${key}: ${kind.count} cases (batch seed ${kind.seed})`);
    console.log(`    input: ${JSON.stringify(small)}`);
    console.log(`    docutils: ${JSON.stringify(d?.expected)}`);
    console.log(`    ours:     ${JSON.stringify(d?.got)}`);
  }
  worker.close();
  return total.tables > 0 ? 1 : 0;
}
