/**
 * The shared corpus against docutils' oracle: same tables, same cells,
 * same messages, same unknown roles and directives. Prints the match rate and every difference (file:line).
 *
 * `npm test` checks a fixed sample: every 4th page of the corpus in sorted path
 * order (301 of 1,204). `npm run conformance` (vitest.conformance.config.ts,
 * which sets TABLE_CONFORMANCE=all; CI runs it after `npm test`) checks every page.
 */
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { corpusDir, corpusPages, readOracle, readPage, sharedPresent } from '../helpers/corpus.js';

/** Every page, or (in `npm test`) every 4th page in sorted path order. */
const ALL_PAGES = process.env['TABLE_CONFORMANCE'] === 'all';
const SAMPLE_EVERY = 4;

describe.skipIf(!sharedPresent('conformance'))(
  `docutils conformance on ../shared/corpus (${ALL_PAGES ? 'every page' : `every ${SAMPLE_EVERY}th page`})`,
  () => {
    it('finds the same tables, cells and messages as the oracle', () => {
      const corpusFiles = [...corpusPages(corpusDir)].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      expect(corpusFiles.length).toBeGreaterThan(1000);
      const files = ALL_PAGES ? corpusFiles : corpusFiles.filter((_, i) => i % SAMPLE_EVERY === 0);
      let tables = 0;
      let tablesOk = 0;
      let cells = 0;
      let cellsOk = 0;
      let messageFilesOk = 0;
      const unknownOk = { unknown_roles: 0, unknown_directives: 0 };
      const diffs: string[] = [];
      for (const page of files) {
        const rel = page.rel;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- compared field by field with the JSON below
        const oracle = readOracle<any>(page);
        const got = toOracleJson(fromRst(readPage(page), { skeleton: false }), oracle.source);
        const n = Math.max(oracle.tables.length, got.tables.length);
        for (let i = 0; i < n; i++) {
          const o = oracle.tables[i];
          const g = got.tables[i];
          tables++;
          let ok = o !== undefined && g !== undefined;
          for (let k = 0; k < (o?.cells.length ?? 0); k++) {
            cells++;
            if (JSON.stringify(o.cells[k]) === JSON.stringify(g?.cells[k])) cellsOk++;
            else {
              ok = false;
              diffs.push(`${rel}:${o.line}: cell ${k}: expected ${JSON.stringify(o.cells[k])}, got ${JSON.stringify(g?.cells[k])}`);
            }
          }
          const head = (t: unknown) => (t ? JSON.stringify({ ...(t as object), cells: undefined }) : 'none');
          if (head(o) !== head(g)) {
            ok = false;
            diffs.push(`${rel}:${o?.line ?? g?.line}: table ${i}: expected ${head(o)}, got ${head(g)}`);
          }
          if (ok) tablesOk++;
        }
        if (JSON.stringify(oracle.messages) === JSON.stringify(got.messages)) messageFilesOk++;
        else diffs.push(`${rel}: messages: expected ${JSON.stringify(oracle.messages)}, got ${JSON.stringify(got.messages)}`);
        for (const key of ['unknown_roles', 'unknown_directives'] as const) {
          expect(Array.isArray(oracle[key]), `${rel}: the oracle JSON has no ${key}`).toBe(true);
          if (JSON.stringify(oracle[key]) === JSON.stringify(got[key])) unknownOk[key]++;
          else diffs.push(`${rel}: ${key}: expected ${JSON.stringify(oracle[key])}, got ${JSON.stringify(got[key])}`);
        }
      }
      console.log(
        `conformance: tables ${tablesOk}/${tables} (${((100 * tablesOk) / tables).toFixed(2)}%), ` +
          `cells ${cellsOk}/${cells} (${((100 * cellsOk) / cells).toFixed(2)}%), ` +
          `messages ${messageFilesOk}/${files.length} files, ` +
          `unknown roles ${unknownOk.unknown_roles}/${files.length} files, ` +
          `unknown directives ${unknownOk.unknown_directives}/${files.length} files`,
      );
      for (const d of diffs.slice(0, 50)) console.log(d);
      expect(diffs).toEqual([]);
      expect(tablesOk).toBe(tables);
      expect(cellsOk).toBe(cells);
      expect(unknownOk).toEqual({ unknown_roles: files.length, unknown_directives: files.length });
    }, 300_000);
  },
);
