import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvOptions } from '../../src/parse/csv.js';
import { fixturesDir } from './fixture-runner.js';

interface Case {
  text: string;
  options: CsvOptions;
  rows: string[][];
  error: string | null;
}
/** Inputs with what Python 3.11's csv.reader returns for them under docutils' dialect. */
const cases = JSON.parse(readFileSync(path.join(fixturesDir, 'csv-cases.expected.json'), 'utf8')) as Case[];

describe("parseCsv against Python csv with docutils' dialect", () => {
  for (const c of cases) {
    it(`reads ${JSON.stringify(c.text)} ${JSON.stringify(c.options)}`, () => {
      const result = parseCsv(c.text, c.options);
      expect(result.rows.map((row) => row.map((cell) => cell.value))).toEqual(c.rows);
      expect(result.error?.detail ?? null).toBe(c.error);
      if (c.error === null) expect(result.maxColumns).toBe(Math.max(0, ...c.rows.map((r) => r.length)));
    });
  }
});

describe('parseCsv', () => {
  it('words errors as docutils does and says where the reader stopped', () => {
    const result = parseCsv('a, b\n"x" y, z', {});
    expect(result.error).toEqual({
      message: "Error with CSV data in \"csv-table\" directive:\n',' expected after '\"'",
      detail: "',' expected after '\"'",
      line: 1,
    });
    expect(result.rows).toEqual([]);
  });

  it('gives each cell the line and column where it starts', () => {
    const result = parseCsv('200,  "OK,\nfine"\n 404,x', {});
    expect(result.rows).toEqual([
      [
        { value: '200', line: 0, column: 0 },
        { value: 'OK,\nfine', line: 0, column: 6 },
      ],
      [
        { value: '404', line: 2, column: 1 },
        { value: 'x', line: 2, column: 5 },
      ],
    ]);
  });
});
