/**
 * The model over the real corpus: all "Status Codes" / "Error Codes" pages of
 * ../shared/corpus/status-and-error-codes, grouped per service (the folder
 * after `opentelekomcloud-docs/`). Pages are read with the parse stage's
 * `fromRst`, or with MODEL_CORPUS_READER=oracle through docutils' reading
 * (test/helpers/corpus-run.ts, shared with the emit corpus test).
 *
 * KEEP EVERY ROW: every body row of every table the model reads (not
 * reported `not-a-code-table`) must appear in the model (a source on one of
 * its lines) or in a diagnostic placed on one of its lines, or be covered by
 * an `unreadable-table` diagnostic of its table.
 */
import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import type { RstNode, RstTable } from '../../src/parse/types.js';
import { sharedPresent } from '../helpers/corpus.js';
import { codesCorpusRun } from '../helpers/corpus-run.js';

const present = sharedPresent('model corpus test');

const tablesOf = (nodes: readonly RstNode[]): RstTable[] =>
  nodes.flatMap((n) => (n.type === 'table' ? [n] : n.type === 'paragraph' ? [] : tablesOf(n.children)));

describe.skipIf(!present)('model over the corpus', () => {
  const run = present ? codesCorpusRun() : { reader: 'parse', pages: [], models: [], files: new Map<string, VFile>() };
  const messages = [...run.files.values()].flatMap((f) => f.messages.map((m) => ({ file: f.path, m })));
  const find = (file: string, ruleId: string, reason: RegExp) =>
    messages.filter((x) => x.file.endsWith(file) && x.m.ruleId === ruleId && reason.test(x.m.reason)).map((x) => x.m.line);

  it('reads every page of every service', () => {
    expect(run.pages.length).toBe(96);
    expect(run.models.length).toBe(41);
    expect(run.models.every((m) => m.statusCodes.length + m.errorCodes.length + m.statusClasses.length > 0)).toBe(true);
  });

  it('keeps every body row: in the model or in a diagnostic on its lines', () => {
    const sourceLines = new Set<string>();
    for (const model of run.models) {
      for (const entry of [...model.statusCodes, ...model.statusClasses, ...model.errorCodes]) {
        for (const s of entry.sources) sourceLines.add(`${s.file}:${s.line}`);
      }
    }
    const messageLines = new Set(messages.map((x) => `${x.file}:${x.m.line}`));
    let tables = 0;
    let rows = 0;
    const unexplained: string[] = [];
    for (const page of run.pages) {
      const onPage = messages.filter((x) => x.file === page.path);
      for (const table of tablesOf(page.root.children)) {
        const at = (rule: string) => onPage.some((x) => x.m.ruleId === rule && x.m.line === table.position.start.line);
        if (at('not-a-code-table')) continue;
        tables++;
        const rowLines = new Map<number, number>();
        for (const cell of table.cells) {
          if (cell.row < table.headerRows) continue;
          const line = rowLines.get(cell.row);
          if (line === undefined || cell.position.start.line < line) rowLines.set(cell.row, cell.position.start.line);
        }
        const starts = [...rowLines].sort((a, b) => a[0] - b[0]);
        for (const [i, [row, first]] of starts.entries()) {
          rows++;
          if (at('unreadable-table')) continue;
          const next = starts[i + 1]?.[1] ?? first + 1;
          let found = false;
          for (let line = first; line < Math.max(next, first + 1) && !found; line++) {
            const key = `${page.path}:${line}`;
            found = sourceLines.has(key) || messageLines.has(key);
          }
          if (!found) unexplained.push(`${page.path}:${first} (table ${table.index}, row ${row})`);
        }
      }
    }
    const byRule = new Map<string, number>();
    for (const x of messages) byRule.set(x.m.ruleId ?? '?', (byRule.get(x.m.ruleId ?? '?') ?? 0) + 1);
    console.log(
      `model corpus (read with ${run.reader}): ${run.pages.length} pages, ${run.models.length} services, ${tables} code tables, ${rows} body rows, ` +
        `${run.models.reduce((n, m) => n + m.statusCodes.length, 0)} status codes, ` +
        `${run.models.reduce((n, m) => n + m.statusClasses.length, 0)} status classes, ` +
        `${run.models.reduce((n, m) => n + m.errorCodes.length, 0)} error codes, ${unexplained.length} unexplained rows\n` +
        `diagnostics by rule: ${JSON.stringify(Object.fromEntries([...byRule].sort()))}`,
    );
    expect(tables).toBeGreaterThan(120);
    expect(unexplained).toEqual([]);
  });

  it('finds obsolete and nonstandard phrases where the docs have them', () => {
    const aom = 'application-operations-management/api-ref/source/appendix/status_codes.rst';
    expect(find(aom, 'nonstandard-phrase', /`Request Entity Too Large` of status `413` is the obsolete name of `Content Too Large`/)).toEqual([97]);
    expect(find('distributed-database-middleware/api-ref/source/appendix/status_codes.rst', 'nonstandard-phrase', /`OK` of status `202`/)).toHaveLength(1);
    // `NoContent` is the standard phrase spelt in CamelCase: kept as documented, no diagnostic.
    const dgs = run.models.find((m) => m.service === 'data-arts-studio')?.statusCodes.find((s) => s.code === 204);
    expect([dgs?.phrase, dgs?.standardPhrase]).toEqual(['NoContent', 'No Content']);
    expect(find(aom, 'unregistered-code', /`306`/)).toEqual([55]);
  });

  it('finds duplicates and out-of-order rows where the docs have them', () => {
    const evs = 'elastic-volume-service/api-ref/source/appendix/error_codes.rst';
    expect(find(evs, 'duplicate-code', /Duplicate error code `EVS.5400`, first defined at 258:17/).length).toBe(7);
    const eip = 'elastic-ip/api-ref/source/appendix/error_codes.rst';
    expect(find(eip, 'duplicate-code', /`VPC.0101`, first defined at 49:/)).toEqual([55, 61, 67, 95]);
    expect(find('geminidb-temp/api-ref/source/appendixes/status_codes.rst', 'out-of-order', /`202` comes after `204`/)).toEqual([15]);
    const vpcs = run.models.find((m) => m.service === 'elastic-ip')?.errorCodes.find((e) => e.code === 'VPC.0101');
    expect(vpcs?.sources.map((s) => s.line)).toEqual([49, 55, 61, 67, 95]);
  });

  it('reads error codes as the API sends them: wrapped codes rejoined, notes left out, every message kept', () => {
    const rejoined = messages.filter((x) => x.m.ruleId === 'error-code-rejoined');
    const notes = messages.filter((x) => x.m.ruleId === 'not-an-error-code');
    const errors = run.models.flatMap((m) => m.errorCodes.map((e) => ({ service: m.service, ...e })));
    const repeated = errors.filter((e) => e.messages.length > 1);
    console.log(
      `error codes over the corpus: ${rejoined.length} wrapped codes rejoined, ${notes.length} notes left out, ` +
        `${repeated.length} codes with several messages (${repeated.reduce((n, e) => n + e.messages.length, 0)} messages)`,
    );
    expect(rejoined.length).toBe(10);
    expect(notes.map((x) => `${x.file.replace(/^.*\/(.*)\/api-ref\//, '$1 ')}:${x.m.line}`)).toEqual([
      'optical-character-recognition source/common_parameters/error_codes.rst:125',
    ]);
    const obs = errors.filter((e) => e.service === 'object-storage-service').map((e) => e.code);
    for (const code of ['IncorrectNumberOfFilesInPostRequest', 'IllegalVersioningConfigurationException', 'UnresolvableGrantByEmailAddress']) {
      expect(obs).toContain(code);
    }
    expect(errors.filter((e) => e.service === 'distributed-cache-service' && e.code.startsWith('DCS.48')).map((e) => e.code)).toContain('DCS.4855');
    // What keeps a space is made of plain words (Swift's phrases), never a sentence.
    const spaced = errors.filter((e) => /\s/.test(e.code));
    expect(spaced.every((e) => e.service === 'object-storage-service' && /^[A-Z][\w-]*(?: [A-Za-z][\w-]*)+$/.test(e.code))).toBe(true);
    expect(spaced.length).toBe(messages.filter((x) => x.m.ruleId === 'error-code-whitespace').length);
    // A repeated code keeps each message once, in document order.
    const evs = errors.find((e) => e.service === 'elastic-volume-service' && e.code === 'Common.0011');
    expect(evs?.messages).toEqual([
      { text: 'query job fail.', statuses: [400] },
      { text: 'No jobs found.', statuses: [400] },
    ]);
    expect(repeated.length).toBeGreaterThan(50);
    for (const e of errors) expect(new Set(e.messages.map((m) => m.text)).size, e.code).toBe(e.messages.length);
  });

  it('fills blank "same as above" cells and keeps classes', () => {
    const elb = 'elastic-load-balancing/api-ref/source/appendix/status_codes.rst';
    expect(find(elb, 'filled-down', /read as `400`/).length).toBeGreaterThanOrEqual(2);
    const s400 = run.models.find((m) => m.service === 'elastic-load-balancing')?.statusCodes.find((s) => s.code === 400);
    expect(s400?.description).toContain('Too long request header.');
    const obs = run.models.find((m) => m.service === 'object-storage-service');
    expect(obs?.statusClasses.map((c) => c.class)).toEqual(['2xx', '4xx', '5xx']);
    expect(obs?.errorCodes.find((e) => e.code === 'InvalidAddressingHeader')?.statuses).toEqual([]);
  });
});
