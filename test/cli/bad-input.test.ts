/**
 * Issue 6, part 2: bad input gets a clear message naming the file (and line
 * where there is one), a documented exit code, and generated/ stays as it was.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config, project, run, seedText, snapshot } from './helpers.js';

const page = 'docs/status_codes.rst';
const setup = (contents: string | Uint8Array, configText?: string) =>
  project({ 'rst-codegen.config.json': configText ?? config([{ name: 'svc', status: [page] }]), [page]: contents });

async function generateModel(dir: string) {
  const result = await run(['generate'], dir);
  const modelPath = path.join(dir, 'generated/svc/model.json');
  return { result, model: existsSync(modelPath) ? readFileSync(modelPath, 'utf8') : null };
}

describe('line endings, BOM and tabs are read as docutils reads them', async () => {
  const reference = await generateModel(setup(seedText));
  it('the LF seed generates', () => {
    expect(reference.result.code).toBe(0);
    expect(reference.model).toContain('"code": 504');
  });
  for (const [name, variant] of [
    ['CRLF', seedText.replace(/\n/g, '\r\n')],
    ['CR', seedText.replace(/\n/g, '\r')],
    ['a BOM', `\uFEFF${seedText}`],
  ] as const) {
    it(`${name}: the same model, positions included`, async () => {
      const { result, model } = await generateModel(setup(variant));
      expect(result.code).toBe(0);
      expect(model).toBe(reference.model);
    });
  }
  it('tabs expand to 8 columns: a tab-indented table reads as the 8-space one', async () => {
    const tabbed = seedText.replace(/^ {3}(?=[+|])/gm, '\t');
    const spaced = seedText.replace(/^ {3}(?=[+|])/gm, '        ');
    const a = await generateModel(setup(tabbed));
    const b = await generateModel(setup(spaced));
    expect(a.result.code).toBe(0);
    expect(a.model).toBe(b.model);
    expect(a.model).toContain('"code": 504');
  });
});

describe('pages that cannot be used', () => {
  const cases: Array<{ name: string; contents?: string | Uint8Array; config?: string; code: number; messages: RegExp[] }> = [
    {
      name: 'non-UTF-8 bytes',
      contents: Buffer.concat([Buffer.from('Status Codes\n============\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      code: 3,
      messages: [/^docs\/status_codes\.rst:4:4 {2}error {2}`docs\/status_codes\.rst` is not valid UTF-8: byte `0xE9`.* {2}read-encoding$/m],
    },
    {
      name: 'an empty file',
      contents: '',
      code: 1,
      messages: [
        /^docs\/status_codes\.rst {2}warning {2}`docs\/status_codes\.rst` is empty\. {2}empty-page$/m,
        /error {2}Service `svc` yields no status codes and no error codes.* {2}empty-service$/m,
      ],
    },
    {
      name: 'a file with no tables',
      contents: 'Status Codes\n============\n\nSee the API reference.\n',
      code: 1,
      messages: [/^docs\/status_codes\.rst:1:1 {2}warning {2}No status-code or error-code table found on this page.* {2}no-code-table$/m],
    },
    {
      name: 'a missing file',
      config: config([{ name: 'svc', status: ['docs/nope.rst'] }]),
      code: 3,
      messages: [/^docs\/nope\.rst {2}error {2}Cannot read `docs\/nope\.rst`: no such file or directory\. {2}read-failed$/m],
    },
    {
      name: 'a directory',
      config: config([{ name: 'svc', status: ['docs'] }]),
      code: 3,
      messages: [/^docs {2}error {2}`docs` is a directory, not an RST file\. {2}read-directory$/m],
    },
    {
      name: 'a config with an unknown key',
      config: '{\n  "services": [{"name": "svc", "status": ["docs/status_codes.rst"], "stauts": []}]\n}\n',
      code: 2,
      messages: [/^rst-codegen\.config\.json:2:69 {2}error {2}Unknown key `stauts` in `services\[0\]`.* {2}config-unknown-key$/m],
    },
    {
      name: 'a config with a wrong type',
      config: '{"style": 1, "services": [{"name": "svc", "status": ["docs/status_codes.rst"]}]}',
      code: 2,
      messages: [/^rst-codegen\.config\.json:1:11 {2}error {2}`style` must be `"enum"` or `"const"`, not `1`\. {2}config-value$/m],
    },
    {
      name: 'a config path outside the project',
      config: '{"outDir": "/tmp/elsewhere", "services": [{"name": "svc", "status": ["docs/status_codes.rst"]}]}',
      code: 2,
      messages: [/^rst-codegen\.config\.json:1:12 {2}error {2}`outDir` \(`\/tmp\/elsewhere`\) points outside the project.* {2}config-path-outside$/m],
    },
  ];
  for (const c of cases) {
    it(`${c.name}: exit ${c.code}, the file named, nothing written`, async () => {
      const dir = setup(c.contents ?? seedText, c.config);
      const before = snapshot(dir);
      const result = await run(['generate'], dir);
      expect(result.code).toBe(c.code);
      for (const m of c.messages) expect(result.stderr).toMatch(m);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(dir)).toEqual(before);
    });
  }
});

describe('very large input', () => {
  it('a table 5,000 columns wide is read and set aside as not a code table', async () => {
    const cols = 5000;
    const border = `+${Array.from({ length: cols }, () => '---').join('+')}+`;
    const row = `|${Array.from({ length: cols }, (_, i) => ` ${String.fromCharCode(97 + (i % 26))} `).join('|')}|`;
    const wide = `${seedText}\nWide\n----\n\n${border}\n${row}\n${border}\n${row}\n${border}\n`;
    const dir = setup(wide);
    const result = await run(['generate', '--verbose'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^docs\/status_codes\.rst:\d+:1 {2}info {2}.*not-a-code-table$/m);
    expect(readFileSync(path.join(dir, 'generated/svc/model.json'), 'utf8')).toContain('"code": 504');
  });

  it('a 70,000-row table and a 140,000-line line block do not overflow the call stack', async () => {
    const rows = Array.from({ length: 70_000 }, (_, i) => `${String(200 + (i % 300)).padEnd(11)} row ${i}`);
    const table = [
      'Codes',
      '=====',
      '',
      '=========== ==========',
      'Status Code Description',
      '=========== ==========',
      ...rows,
      '=========== ==========',
      '',
    ].join('\n');
    const lineBlock = `\n\nLines\n-----\n\n${Array.from({ length: 140_000 }, () => '| a').join('\n')}\n`;
    const dir = setup(table + lineBlock);
    const result = await run(['lint', page], dir);
    expect(result.stdout).not.toMatch(/Maximum call stack|internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^1 file\(s\): 0 errors, \d+ warnings/m);
  });

  it('a 50 MB page is read whole; the skeleton is skipped with a warning', async () => {
    const filler = 'This paragraph is filler text that makes the page large, with *emphasis* and ``literal`` bits.\n\n';
    const big = seedText + '\n' + filler.repeat(Math.ceil((50 * 1024 * 1024) / filler.length));
    expect(big.length).toBeGreaterThan(50 * 1024 * 1024);
    const dir = setup(big);
    const result = await run(['generate'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^docs\/status_codes\.rst:1:1 {2}warning {2}The page has \d+ characters outside its tables.* {2}skeleton-too-large$/m);
    const model = JSON.parse(readFileSync(path.join(dir, 'generated/svc/model.json'), 'utf8'));
    expect((model.services?.[0] ?? model).statusCodes).toHaveLength(18);
  });
});
