import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config, project, repoRoot, run, seedText, snapshot } from './helpers.js';

const seedService = { name: 'cloud-backup-recovery', title: 'Cloud Backup and Recovery', status: ['seeds/cloud-backup-recovery/status_codes.rst'] };
const seedProject = (extra: Record<string, string | Uint8Array> = {}) =>
  project({
    'rst-codegen.config.json': config([seedService], { outDir: 'generated', style: 'enum' }),
    'seeds/cloud-backup-recovery/status_codes.rst': seedText,
    // As in this repository: generated/package.json copies its `type`.
    'package.json': '{ "type": "module" }\n',
    ...extra,
  });

describe('generate: the seed', () => {
  it('reproduces the committed generated/ byte for byte', async () => {
    const dir = seedProject();
    const result = await run(['generate'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cloud-backup-recovery      1            18            0       0         0');
    const committed = snapshotContents(path.join(repoRoot, 'generated'));
    expect(snapshotContents(path.join(dir, 'generated'))).toEqual(committed);
    expect(Object.keys(committed).sort()).toEqual([
      'cloud-backup-recovery/model.json',
      'cloud-backup-recovery/openapi.json',
      'cloud-backup-recovery/status-code.schema.json',
      'cloud-backup-recovery/status-codes.ts',
      'index.ts',
      'package.json',
    ]);
  });

  it('carries all 18 codes with phrase, description and group into every output', () => {
    const out = path.join(repoRoot, 'generated/cloud-backup-recovery');
    const model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    const codes = model.services?.[0]?.statusCodes ?? model.statusCodes;
    expect(codes.map((c: { code: number }) => c.code)).toEqual([200, 201, 202, 204, 400, 401, 403, 404, 405, 406, 407, 408, 409, 500, 501, 502, 503, 504]);
    expect(codes.filter((c: { group: string }) => c.group === 'Normal')).toHaveLength(4);
    expect(codes.filter((c: { group: string }) => c.group === 'Abnormal')).toHaveLength(14);
    const ts = readFileSync(path.join(out, 'status-codes.ts'), 'utf8');
    const schema = JSON.parse(readFileSync(path.join(out, 'status-code.schema.json'), 'utf8'));
    const openapi = JSON.parse(readFileSync(path.join(out, 'openapi.json'), 'utf8'));
    for (const c of codes as Array<{ code: number; phrase: string; description: string }>) {
      expect(ts).toMatch(new RegExp(` = ${c.code},?\n`));
      expect(ts).toContain(c.description);
      expect(schema.oneOf.some((o: { const: number; title: string }) => o.const === c.code && o.title === `${c.code} ${c.phrase}`)).toBe(true);
      expect(Object.values(openapi.components.responses).some((r) => (r as { description: string }).description === c.description)).toBe(true);
    }
    expect(ts).toContain('PROXY_AUTHENTICATION_REQUIRED = 407,');
  });

  it('is up to date in the repository (--check)', async () => {
    const result = await run(['generate', '--check'], repoRoot);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('generate --check', () => {
  it('names each stale, missing and extra file and exits 1', async () => {
    const dir = seedProject();
    expect((await run(['generate'], dir)).code).toBe(0);
    const out = path.join(dir, 'generated');
    writeFileSync(path.join(out, 'cloud-backup-recovery/status-codes.ts'), '// edited by hand\n');
    rmSync(path.join(out, 'index.ts'));
    writeFileSync(path.join(out, 'cloud-backup-recovery/notes.md'), 'mine');
    const before = snapshot(out);
    const result = await run(['generate', '--check'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generated/cloud-backup-recovery/status-codes.ts is out of date');
    expect(result.stderr).toContain('generated/index.ts is missing');
    expect(result.stderr).toContain('generated/cloud-backup-recovery/notes.md is extra');
    expect(result.stderr).toContain('3 file(s) out of date');
    expect(snapshot(out)).toEqual(before);
  });

  it('catches a doc change that was not regenerated', async () => {
    const dir = seedProject();
    await run(['generate'], dir);
    const page = path.join(dir, 'seeds/cloud-backup-recovery/status_codes.rst');
    writeFileSync(page, readFileSync(page, 'utf8').replace('The request timed out.', 'The request timed out!'));
    const result = await run(['generate', '--check'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/generated\/cloud-backup-recovery\/model\.json is out of date/);
  });
});

describe('generate: a failed run writes nothing', () => {
  const cases: Array<[string, (dir: string) => void, number, RegExp]> = [
    [
      'a missing page',
      (dir) => writeFileSync(path.join(dir, 'rst-codegen.config.json'), config([{ ...seedService, status: [...seedService.status, 'seeds/missing.rst'] }])),
      3,
      /^seeds\/missing\.rst {2}error {2}Cannot read `seeds\/missing\.rst`: no such file or directory\. {2}read-failed$/m,
    ],
    [
      'a malformed table',
      (dir) => {
        const page = path.join(dir, 'seeds/cloud-backup-recovery/status_codes.rst');
        // One character short: a ragged right border, which docutils rejects.
        writeFileSync(
          page,
          readFileSync(page, 'utf8').replace(
            'forbidden.                                               |',
            'forbidden.                                              |',
          ),
        );
      },
      1,
      /^seeds\/cloud-backup-recovery\/status_codes\.rst:24:4 {2}error {2}Malformed table\..* {2}malformed-table$/m,
    ],
    [
      'an invalid config',
      (dir) => writeFileSync(path.join(dir, 'rst-codegen.config.json'), '{"services": [{"name": "x", "status": ["../../etc/passwd"]}], "colour": 1}'),
      2,
      /^rst-codegen\.config\.json:1:\d+ {2}error {2}`services\[0\]\.status\[0\]` \(`\.\.\/\.\.\/etc\/passwd`\) points outside the project/m,
    ],
  ];
  for (const [name, breakIt, code, message] of cases) {
    it(`${name}: exit ${code}, a positioned message, generated/ untouched`, async () => {
      const dir = seedProject();
      expect((await run(['generate'], dir)).code).toBe(0);
      const before = snapshot(path.join(dir, 'generated'));
      breakIt(dir);
      const result = await run(['generate'], dir);
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(snapshot(path.join(dir, 'generated'))).toEqual(before);
      expect(readdirSync(dir).filter((n) => n.startsWith('.rst-codegen'))).toEqual([]);
    });
  }
});

function snapshotContents(dir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(dir)).map(([k, v]) => [k, v.slice(v.indexOf(' ') + 1)]));
}

describe('generate: the output folder is never the project or an input folder', () => {
  it('refuses outDir "." in the config (exit 2)', async () => {
    const dir = seedProject({ 'rst-codegen.config.json': config([seedService], { outDir: '.' }), 'IMPORTANT.txt': 'keep me' });
    const before = snapshot(dir);
    const result = await run(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^rst-codegen\.config\.json:\d+:\d+ {2}error {2}`outDir` must be a folder of its own/m);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an outDir that holds a page or the config (exit 2)', async () => {
    const dir = seedProject({ 'rst-codegen.config.json': config([seedService], { outDir: 'seeds' }) });
    const before = snapshot(dir);
    const result = await run(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the output folder `seeds` holds the input `seeds/cloud-backup-recovery/status_codes.rst`');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to replace an output folder holding a file it did not write (exit 3)', async () => {
    const dir = seedProject();
    await run(['generate'], dir);
    writeFileSync(path.join(dir, 'generated/README.md'), 'hand-written');
    const page = path.join(dir, 'seeds/cloud-backup-recovery/status_codes.rst');
    writeFileSync(page, readFileSync(page, 'utf8').replace('The request timed out.', 'The request timed out!'));
    const before = snapshot(path.join(dir, 'generated'));
    const result = await run(['generate'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('`generated/README.md` was not written by rst-codegen');
    expect(snapshot(path.join(dir, 'generated'))).toEqual(before);
  });

  it('--check on an outDir that is a file: one line, exit 3', async () => {
    const dir = seedProject({ 'rst-codegen.config.json': config([seedService], { outDir: 'out' }), out: 'a file' });
    const result = await run(['generate', '--check'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('cannot read `out`: a parent of it is not a directory.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads a page listed twice under two spellings once', async () => {
    const dir = seedProject({
      'rst-codegen.config.json': config([
        {
          ...seedService,
          status: ['seeds/cloud-backup-recovery/status_codes.rst', './seeds//cloud-backup-recovery/../cloud-backup-recovery/status_codes.rst'],
          docs: 'seeds/',
        },
      ]),
    });
    const result = await run(['generate'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('cloud-backup-recovery      1            18');
  });
});

describe('generate: usage', () => {
  it('refuses unknown flags and stray arguments with exit 2', async () => {
    const dir = seedProject();
    expect(await run(['generate', '--chek'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining("Unknown option '--chek'") });
    expect((await run(['generate', 'foo.rst'], dir)).code).toBe(2);
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('says how to start when there is no config', async () => {
    const dir = project({});
    const result = await run(['generate'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'cannot read the config `rst-codegen.config.json`: no such file or directory (create rst-codegen.config.json or pass --config FILE).',
    );
  });
});
