/** The reporting flags every command shares, config loading for every command, lint's paths, merge's config. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { expandPaths, globRegExp } from '../../src/cli/pages.js';
import { formatReport, githubAnnotation, wantColor } from '../../src/cli/report.js';
import { flag } from '../../src/diagnostics.js';
import { rules } from '../../src/model/rules.js';
import { config, project, repoRoot, run, seedText } from './helpers.js';

/** The seed with a misspelt phrase (same width, so the grid table stays whole): one `nonstandard-phrase` warning. */
const obsolete = seedText.replace('Bad Request', 'Bad Requezt');
const warned = () => project({ 'page.rst': seedText.replace('Not Found', 'Not Fount') });

describe('--format', () => {
  it('github: workflow-command annotations, escaped as the spec requires', () => {
    const file = new VFile({ path: 'docs/a,b:c%.rst' });
    const m = flag(
      file,
      rules['nonstandard-phrase'],
      { code: '413', phrase: 'a%b\r\nc', standard: 'Content Too Large', obsolete: false },
      { line: 3, column: 5 },
    );
    expect(githubAnnotation(file, m)).toBe(
      '::warning file=docs/a%2Cb%3Ac%25.rst,line=3,col=5,title=nonstandard-phrase::Phrase `a%25b%0D%0Ac` of status `413` differs from the standard `Content Too Large`',
    );
    const info = flag(file, rules['class-code'], { code: '4xx' }, undefined);
    expect(githubAnnotation(file, info)).toBe(
      '::notice file=docs/a%2Cb%3Ac%25.rst,title=class-code::Status class `4xx` is kept as a class, not as a status code',
    );
  });

  it('is accepted by every command and refused when unknown', async () => {
    const dir = warned();
    const lint = await run(['lint', 'page.rst', '--format', 'github'], dir);
    expect(lint.stdout).toMatch(/^::warning file=page\.rst,line=\d+,col=\d+,title=nonstandard-phrase::Phrase `Not Fount`/m);
    const json = await run(['model', 'page.rst', '--format', 'json'], dir);
    expect(JSON.parse(json.stderr)).toContainEqual(expect.objectContaining({ file: 'page.rst', severity: 'warning', ruleId: 'nonstandard-phrase' }));
    expect(await run(['tables', 'page.rst', '--format', 'xml'], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--format must be `text`, `json`, `github`, not `xml`'),
    });
  });
});

describe('--quiet and --max-warnings', () => {
  it('--quiet hides warnings; --max-warnings counts them anyway', async () => {
    const dir = warned();
    expect((await run(['lint', 'page.rst'], dir)).stdout).toContain('nonstandard-phrase');
    const quiet = await run(['lint', 'page.rst', '-q'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('nonstandard-phrase');
    expect(await run(['lint', 'page.rst', '-q', '--max-warnings', '0'], dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('more than --max-warnings 0'),
    });
    expect((await run(['lint', 'page.rst', '--max-warnings', '5'], dir)).code).toBe(0);
    expect((await run(['lint', 'page.rst', '--max-warnings', 'many'], dir)).code).toBe(2);
  });

  it('generate: more warnings than allowed writes nothing', async () => {
    const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['page.rst'] }]), 'page.rst': obsolete });
    const result = await run(['generate', '--max-warnings', '0'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nothing was written');
    expect(() => readFileSync(path.join(dir, 'generated/index.ts'))).toThrow();
  });

  it('colour: FORCE_COLOR forces it, NO_COLOR turns it off, else the terminal decides', () => {
    expect(wantColor({}, true)).toBe(true);
    expect(wantColor({}, false)).toBe(false);
    expect(wantColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    const file = new VFile({ path: 'a.rst' });
    flag(file, rules['out-of-order'], { code: '200', previous: '404' }, { line: 1, column: 1 });
    expect(formatReport([file], { color: true }).text).toBe('a.rst:1:1  \u001b[33mwarning\u001b[39m  Status code `200` comes after `404`  out-of-order\n');
  });
});

describe('config rules', () => {
  it('off drops a rule, error fails the run, in generate and lint', async () => {
    const files = { 'page.rst': obsolete };
    const off = project({ ...files, 'rst-codegen.config.json': config([{ name: 'svc', status: ['page.rst'] }], { rules: { 'nonstandard-phrase': 'off' } }) });
    expect((await run(['generate'], off)).stderr).not.toContain('nonstandard-phrase');
    expect((await run(['lint', 'page.rst'], off)).stdout).not.toContain('nonstandard-phrase');
    const error = project({
      ...files,
      'rst-codegen.config.json': config([{ name: 'svc', status: ['page.rst'] }], { rules: { 'nonstandard-phrase': 'error' } }),
    });
    const result = await run(['generate'], error);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^page\.rst:\d+:\d+ {2}error {2}Phrase .* {2}nonstandard-phrase$/m);
  });
});

describe('config file hardening', () => {
  const service = { name: 'svc', status: ['page.rst'] };
  it('a NUL in outDir is a config error (exit 2) at its place', async () => {
    const dir = project({
      'page.rst': seedText,
      'rst-codegen.config.json': '{"outDir": "gen\\u0000erated", "services": [{"name": "svc", "status": ["page.rst"]}]}',
    });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('rst-codegen.config.json:1:12  error  `outDir` contains a NUL character; give a path without one.  config-value');
  });
  it('a config that is not UTF-8: exit 3, the byte at its line and column', async () => {
    const text = Buffer.concat([Buffer.from('{\n  "outDir": "g'), Buffer.from([0xff]), Buffer.from(`en",\n  "services": ${JSON.stringify([service])}\n}\n`)]);
    const dir = project({ 'page.rst': seedText, 'rst-codegen.config.json': text });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^rst-codegen\.config\.json:2:15 {2}error {2}`rst-codegen\.config\.json` is not valid UTF-8: byte `0xFF`.* {2}read-encoding$/m,
    );
  });
  it('a config over the size limit: exit 3, read no further', async () => {
    const big = `{"title": "${'x'.repeat(5 * 1024 * 1024)}"}`;
    const dir = project({ 'rst-codegen.config.json': big });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`larger than the ${4 * 1024 * 1024}-byte limit`);
  });
  it('a config that is a folder: exit 3', async () => {
    const dir = project({ 'rst-codegen.config.json/x': '' });
    expect(await run(['generate'], dir)).toMatchObject({ code: 3, stderr: expect.stringContaining('it is a directory') });
  });
});

describe('lint PATH...', () => {
  const dir = project({ 'docs/a/status_codes.rst': seedText, 'docs/b/error_codes.rst': seedText, 'docs/b/notes.txt': 'x', 'other.rst': seedText });
  it('expands folders and globs, sorted, without repeats', async () => {
    expect(await expandPaths(['docs'], dir)).toEqual(['docs/a/status_codes.rst', 'docs/b/error_codes.rst']);
    expect(await expandPaths(['docs/**/status_*.rst', 'docs/a/status_codes.rst'], dir)).toEqual(['docs/a/status_codes.rst']);
    expect(await expandPaths(['*.rst'], dir)).toEqual(['other.rst']);
    await expect(expandPaths(['nothing/**/*.rst'], dir)).rejects.toThrow('matches no file');
    const result = await run(['lint', 'docs', '*.rst'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 file\(s\): 0 errors/m);
  });
  it('globs: ** spans folders, * and ? stay within a name', () => {
    expect(globRegExp('**/*.rst').test('a/b/c.rst')).toBe(true);
    expect(globRegExp('**/*.rst').test('c.rst')).toBe(true);
    expect(globRegExp('*.rst').test('a/c.rst')).toBe(false);
    expect(globRegExp('s?.rst').test('s1.rst')).toBe(true);
    expect(globRegExp('[ab].rst').test('b.rst')).toBe(true);
  });
});

describe('merge reads the config', () => {
  const generated = readFileSync(path.join(repoRoot, 'test/fixtures/merge/generated.openapi.json'), 'utf8');
  const spec = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';
  it('--generated defaults to the config outDir; --service nope lists the services', async () => {
    const dir = project({
      'rst-codegen.config.json': config(
        [
          { name: 'cbr', status: ['p.rst'] },
          { name: 'evs', status: ['q.rst'] },
        ],
        { outDir: 'out/gen' },
      ),
      'spec.yaml': spec,
    });
    mkdirSync(path.join(dir, 'out/gen/cbr'), { recursive: true });
    writeFileSync(path.join(dir, 'out/gen/cbr/openapi.json'), generated);
    const ok = await run(['merge', '--spec', 'spec.yaml', '--service', 'cbr'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('x-generated-by');
    const nope = await run(['merge', '--spec', 'spec.yaml', '--service', 'nope'], dir);
    expect(nope).toMatchObject({ code: 2, stderr: expect.stringContaining('there is no service `nope` in the config; the services are `cbr`, `evs`.') });
    const other = await run(['merge', '--spec', 'spec.yaml', '--service', 'cbr', '--config', 'missing.json'], dir);
    expect(other.code).toBe(2);
  });
});
