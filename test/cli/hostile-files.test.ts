/**
 * Issue 12, parts 1(a), 1(e), 3 and 6, through the CLI: pages that are not
 * regular files, pages and output folders that lead outside the project,
 * files in the output folder that only look generated, pages that make the
 * skeleton explode, UTF-16 pages, and Node's own warnings.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config, project, repoRoot, run, seedText, snapshot } from './helpers.js';

const tsx = import.meta.resolve('tsx');
const svc = (extra: object = {}) => config([{ name: 'svc', status: ['docs/status_codes.rst'] }], extra);

function node(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('pages that are not regular files', () => {
  it('`tables /dev/zero`: refused at once, exit 3, one line', async () => {
    const result = await run(['tables', '/dev/zero'], tmpdir());
    expect(result.code).toBe(3);
    expect(result.stderr).toBe('/dev/zero  error  `/dev/zero` is not an RST file: it is a character device, not a regular file.  read-not-a-file\n');
  });

  it('a FIFO listed as a page: refused without waiting for a writer, nothing written', async () => {
    const dir = project({ 'rst-codegen.config.json': svc() });
    mkdirSync(path.join(dir, 'docs'));
    execFileSync('mkfifo', [path.join(dir, 'docs/status_codes.rst')]);
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('`docs/status_codes.rst` is not an RST file: it is a FIFO (named pipe), not a regular file.  read-not-a-file');
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('a UTF-16 page is named as UTF-16', async () => {
    const dir = project({
      'rst-codegen.config.json': svc(),
      'docs/status_codes.rst': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(seedText, 'utf16le')]),
    });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(
      'docs/status_codes.rst:1:1  error  `docs/status_codes.rst` is UTF-16 (little-endian, with a byte-order mark), not UTF-8; save the file as UTF-8.  read-encoding',
    );
  });
});

describe('files only where they belong', () => {
  it('a page linked to a file outside the project is not read (exit 3)', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'rst-codegen-outside-'));
    writeFileSync(path.join(outside, 'status_codes.rst'), seedText);
    const dir = project({ 'rst-codegen.config.json': svc() });
    mkdirSync(path.join(dir, 'docs'));
    symlinkSync(path.join(outside, 'status_codes.rst'), path.join(dir, 'docs/status_codes.rst'));
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /^docs\/status_codes\.rst {2}error {2}`docs\/status_codes\.rst` leads outside the project \(to `.*\/status_codes\.rst`\) through a symbolic link; pages must stay inside the project\. {2}read-outside-project$/m,
    );
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('a docs folder linked outside the project is not searched (exit 3)', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'rst-codegen-outside-'));
    writeFileSync(path.join(outside, 'status_codes.rst'), seedText);
    const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', docs: 'docs' }]) });
    symlinkSync(outside, path.join(dir, 'docs'));
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot search docs folder `docs`: it leads outside the project');
  });

  it('an outDir linked outside the project: refused (exit 2), nothing written there, not even the lock', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'rst-codegen-outside-'));
    const dir = project({ 'rst-codegen.config.json': svc({ outDir: 'out/generated' }), 'docs/status_codes.rst': seedText });
    symlinkSync(outside, path.join(dir, 'out'));
    for (const args of [['generate'], ['generate', '--check']]) {
      const result = await run(args, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^rst-codegen generate: The output folder `out\/generated` leads outside the project \(to `.*`\) through a symbolic link; give `outDir` a folder inside the project\.$/m,
      );
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  it('an outDir that is a link to a folder inside the project: the link is kept, the folder it names is written', async () => {
    const dir = project({ 'rst-codegen.config.json': svc(), 'docs/status_codes.rst': seedText });
    mkdirSync(path.join(dir, 'build/codes'), { recursive: true });
    symlinkSync('build/codes', path.join(dir, 'generated'));
    expect((await run(['generate'], dir)).code).toBe(0);
    const page = path.join(dir, 'docs/status_codes.rst');
    writeFileSync(page, seedText.replace('Specifies the normal response code', 'Specifies the NORMAL response code'));
    expect((await run(['generate'], dir)).code).toBe(0);
    expect(lstatSync(path.join(dir, 'generated')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'build/codes/svc/model.json'), 'utf8')).toContain('NORMAL response code');
    expect((await run(['generate', '--check'], dir)).code).toBe(0);
  });

  it('an outDir linked to a docs folder is refused as holding an input', async () => {
    const dir = project({ 'rst-codegen.config.json': svc(), 'docs/status_codes.rst': seedText });
    symlinkSync('docs', path.join(dir, 'generated'));
    const before = snapshot(path.join(dir, 'docs'));
    const result = await run(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds the input `docs/status_codes.rst`');
    expect(snapshot(path.join(dir, 'docs'))).toEqual(before);
  });

  it('a hand-written file that mentions rst-codegen near its top is kept (exit 3); empty subfolders are kept', async () => {
    const dir = project({ 'rst-codegen.config.json': svc(), 'docs/status_codes.rst': seedText });
    expect((await run(['generate'], dir)).code).toBe(0);
    mkdirSync(path.join(dir, 'generated/svc/drafts'));
    writeFileSync(path.join(dir, 'docs/status_codes.rst'), seedText.replace('Specifies the normal response code', 'Specifies the NORMAL response code'));
    writeFileSync(path.join(dir, 'generated/svc/extra.ts'), '// Helpers around the rst-codegen output.\nexport const extra = 1;\n');
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("`generated/svc/extra.ts` was not written by rst-codegen (it lacks rst-codegen's do-not-edit header)");
    expect(readFileSync(path.join(dir, 'generated/svc/extra.ts'), 'utf8')).toContain('Helpers');
    execFileSync('rm', [path.join(dir, 'generated/svc/extra.ts')]);
    expect((await run(['generate'], dir)).code).toBe(0);
    expect(readdirSync(path.join(dir, 'generated/svc/drafts'))).toEqual([]);
  });
});

describe('pages that made the skeleton explode', () => {
  const staircase = (n: number) => Array.from({ length: n }, (_, i) => `${' '.repeat(i)}p\n\n`).join('');

  it('a status table plus 18 lines each indented one more: generated, with a skeleton-too-complex warning', async () => {
    const dir = project({ 'rst-codegen.config.json': svc(), 'docs/status_codes.rst': `${seedText}\n${staircase(18)}` });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^docs\/status_codes\.rst:1:1 {2}warning {2}The document skeleton was given up after 3000000 parsing steps.* {2}skeleton-too-complex$/m,
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'generated/svc/model.json'), 'utf8')).statusCodes).toHaveLength(18);
  });

  it('hostile pages stay within a 400 MB heap in a real process', async () => {
    const dir = project({
      'staircase.rst': staircase(20),
      'deep.rst': staircase(400),
      'table-and-staircase.rst': `${seedText}\n${staircase(18)}`,
      'marks.rst': '*`_|: '.repeat(24_000),
    });
    const files = ['staircase.rst', 'deep.rst', 'table-and-staircase.rst', 'marks.rst'];
    // The built CLI (test/global-setup.ts keeps dist/ up to date with src/).
    const result = await node(['--max-old-space-size=400', path.join(repoRoot, 'bin/rst-codegen.js'), 'lint', ...files], dir);
    expect(result.stderr).not.toMatch(/heap|Maximum call stack|internal error/);
    expect(result.stdout).toMatch(/^4 file\(s\): /m);
    expect(result.stdout.match(/skeleton-too-complex/g)).toHaveLength(4);
  });
});

describe("Node's own warnings", () => {
  // A real Node warning, raised late in the run (at beforeExit) by a module preloaded with --import.
  const preload = `data:text/javascript,${encodeURIComponent("process.once('beforeExit', () => process.emitWarning('a test warning', 'ExperimentalWarning'));")}`;

  it('would be printed by Node, so the check can fail', async () => {
    const result = await node(['--import', preload, '-e', ''], tmpdir());
    expect(result.stderr).toContain('ExperimentalWarning: a test warning');
  });

  it('are not printed by the rst-codegen bin', async () => {
    // The real bin and its build (test/global-setup.ts keeps dist/ up to date with src/).
    const result = await node(
      ['--import', preload, path.join(repoRoot, 'bin/rst-codegen.js'), 'tables', path.join(repoRoot, 'seeds/cloud-backup-recovery/status_codes.rst')],
      tmpdir(),
    );
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('2 table(s)');
  });

  it('are not printed by `npm run generate` (src/cli/main.ts run directly)', async () => {
    const result = await node(['--import', tsx, '--import', preload, path.join(repoRoot, 'src/cli/main.ts'), '--version'], tmpdir());
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});
