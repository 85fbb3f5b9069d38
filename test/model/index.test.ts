import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { buildServiceModel, titleFromId } from '../../src/model/index.js';
import { rstModel } from '../../src/model/plugin.js';
import { rules } from '../../src/model/rules.js';
import type { ServiceModel } from '../../src/model/types.js';
import { root, table } from './tree.js';

const page1 = root(
  table(
    [
      ['Status Code', 'Description'],
      ['404 Not Found', 'Missing.'],
      ['200 OK', 'Fine.'],
      ['2xx', 'Success.'],
    ],
    { line: 3 },
  ),
  table(
    [
      ['Status Code', 'Error Code', 'Error Message'],
      ['400', 'b.2', 'B'],
      ['400', 'B.1', 'A'],
      ['400', 'a.3', 'C'],
    ],
    { line: 20 },
  ),
);
const page2 = root(
  table(
    [
      ['Status Code', 'Description'],
      ['200 OK', 'Also fine.'],
    ],
    { line: 5 },
  ),
);
const input = {
  service: 'demo-service',
  pages: [
    { path: 'a.rst', root: page1 },
    { path: 'b.rst', root: page2 },
  ],
};

describe('buildServiceModel', () => {
  it('sorts codes (error codes by code point) and keeps sources in document order', () => {
    const model = buildServiceModel(input, new Map());
    expect(model.statusCodes.map((s) => s.code)).toEqual([200, 404]);
    expect(model.errorCodes.map((e) => e.code)).toEqual(['B.1', 'a.3', 'b.2']);
    expect(model.statusCodes[0]?.sources).toEqual([
      { file: 'a.rst', line: 8, column: 3 },
      { file: 'b.rst', line: 8, column: 3 },
    ]);
    expect(model.statusCodes[0]?.description).toBe('Fine.\n\nAlso fine.');
    expect(model.statusClasses.map((c) => c.class)).toEqual(['2xx']);
    expect(model.sources).toEqual(['a.rst', 'b.rst']);
    expect(model.title).toBe('Demo Service');
  });
  it('is deterministic and does not touch its input', () => {
    const before = JSON.stringify(input);
    const a = buildServiceModel(input, new Map());
    const b = buildServiceModel(input, new Map());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(input)).toBe(before);
  });
  it('reports on the page’s VFile, creating one when missing', () => {
    const own = new VFile({ path: 'a.rst' });
    const files = new Map([['a.rst', own]]);
    buildServiceModel(input, files);
    expect(own.messages.map((m) => m.ruleId)).toEqual(['out-of-order', 'class-code', 'error-body-undocumented']);
    expect(files.get('b.rst')?.messages.map((m) => m.reason)).toEqual(['The status code `200` is also defined at a.rst:8:3']);
  });
  it('never throws on an empty or odd page', () => {
    const files = new Map<string, VFile>();
    const odd = root(table([]), table([['Status Code']], { headerRows: 1 }), table([[''], ['']], { headerRows: 0 }));
    const model = buildServiceModel({ service: 'x', title: 'X!', pages: [{ path: 'odd.rst', root: odd }] }, files);
    expect(model.title).toBe('X!');
    expect(files.get('odd.rst')?.messages.some((m) => m.ruleId === 'no-code-table')).toBe(true);
  });
  it('titles ids', () => expect(titleFromId('cloud-backup-recovery')).toBe('Cloud Backup Recovery'));
});

describe('rules', () => {
  it('are keyed by their own id and build one sentence with backticked values', () => {
    for (const [id, rule] of Object.entries(rules)) {
      expect(rule.id).toBe(id);
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
    }
    const sentence = rules['duplicate-code'].message({ kind: 'status code', code: '400', first: '12:5' });
    expect(sentence).toBe('Duplicate status code `400`, first defined at 12:5');
  });
});

describe('rstModel plugin', () => {
  it('transforms one page to its ServiceModel', () => {
    const processor = unified()
      .use(function () {
        this.parser = () => page2;
      })
      .use(rstModel, { service: 'demo' });
    const file = new VFile({ path: 'b.rst', value: '' });
    const { model } = processor.runSync(processor.parse(file) as never, file) as { model: ServiceModel };
    expect(model.service).toBe('demo');
    expect(model.statusCodes.map((s) => [s.code, s.sources])).toEqual([[200, [{ file: 'b.rst', line: 8, column: 3 }]]]);
  });
});
