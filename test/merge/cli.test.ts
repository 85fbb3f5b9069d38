/** `rst-codegen merge` end to end, through main() with an in-memory io and a temporary folder. */
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { MERGE_HELP } from '../../src/cli/merge.js';
import { expectedText } from '../helpers/fixtures.js';
import { fixtures, readFixture } from './helpers.js';

let dir = '';
let out = '';
let err = '';
const io = () => ({ stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), cwd: dir });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-merge-'));
  out = '';
  err = '';
  mkdirSync(path.join(dir, 'generated', 'cbr'), { recursive: true });
  writeFileSync(path.join(dir, 'generated', 'cbr', 'openapi.json'), readFixture('generated.openapi.json'));
  writeFileSync(path.join(dir, 'spec.yaml'), readFixture('pets-31.yaml'));
  writeFileSync(path.join(dir, 'conflict.yaml'), readFixture('conflict.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => main(['merge', ...args], io());
const spec = () => readFileSync(path.join(dir, 'spec.yaml'), 'utf8');

describe('rst-codegen merge', () => {
  it('prints the merged spec to stdout without --write, and writes nothing', async () => {
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--wire')).toBe(0);
    expect(out).toBe(expectedText(path.join(fixtures, 'pets-31.cli.expected.yaml'), out));
    expect(spec()).toBe(readFixture('pets-31.yaml'));
  });

  it('--write replaces the spec atomically, and a second run writes nothing', async () => {
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--wire', '--write')).toBe(0);
    expect(spec()).toBe(readFixture('pets-31.cli.expected.yaml'));
    expect(err).toContain('wrote `spec.yaml` (5 added, 0 updated, 0 unchanged, 4 $refs wired)');
    expect(readdirSync(dir).filter((f) => f.startsWith('.rst-codegen-'))).toEqual([]);
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--wire', '--write')).toBe(0);
    expect(err).toContain('`spec.yaml` is up to date (0 added, 0 updated, 5 unchanged); nothing written.');
  });

  it('--out writes another file; --from reads a generated file by path', async () => {
    expect(await run('--spec', 'spec.yaml', '--from', 'generated/cbr/openapi.json', '--out', 'merged.yaml')).toBe(0);
    expect(readFileSync(path.join(dir, 'merged.yaml'), 'utf8')).toContain('    StatusCode:\n      $schema:');
    expect(spec()).toBe(readFixture('pets-31.yaml'));
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--wire', '--dry-run', '--write')).toBe(0);
    expect(out.startsWith('--- a/spec.yaml\n+++ b/spec.yaml\n@@ ')).toBe(true);
    expect(out).toContain("+        '404':\n+          $ref: '#/components/responses/NotFound'\n");
    expect(out.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'))).toEqual([]);
    expect(spec()).toBe(readFixture('pets-31.yaml'));
  });

  it('exits 1 on a conflict, prints file:line:col diagnostics naming both places, writes nothing', async () => {
    expect(await run('--spec', 'conflict.yaml', '--service', 'cbr', '--write')).toBe(1);
    const lines = err.trim().split('\n');
    expect(lines[0]).toMatch(
      /^conflict\.yaml:8:5 {2}error {2}`components\.responses\.NotFound` at conflict\.yaml:8:5 .* generated\/cbr\/openapi\.json:26:7; .* {2}merge-conflict$/,
    );
    expect(err).toContain('nothing was written');
    expect(readFileSync(path.join(dir, 'conflict.yaml'), 'utf8')).toBe(readFixture('conflict.yaml'));
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('--on-conflict keep merges the rest', async () => {
    expect(await run('--spec', 'conflict.yaml', '--service', 'cbr', '--on-conflict', 'keep', '--write')).toBe(0);
    expect(err).toContain('warning');
    const written = readFileSync(path.join(dir, 'conflict.yaml'), 'utf8');
    expect(written).toBe(expectedText(path.join(fixtures, 'conflict.keep.cli.expected.yaml'), written));
  });

  it('exits 1 with a message for an unreadable spec', async () => {
    writeFileSync(path.join(dir, 'bad.yaml'), 'openapi: 3.1.0\ninfo: [unclosed\n');
    expect(await run('--spec', 'bad.yaml', '--service', 'cbr')).toBe(1);
    expect(err).toMatch(/^bad\.yaml:\d+:\d+ {2}error {2}The spec is not readable YAML/);
    expect(out).toBe('');
  });

  it('exits 3 for a missing spec or a missing service', async () => {
    expect(await run('--spec', 'nope.yaml', '--service', 'cbr')).toBe(3);
    expect(err).toBe('rst-codegen merge: cannot read the spec `nope.yaml`: no such file or directory.\n');
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'other')).toBe(3);
    expect(err).toContain('cannot read the generated file `generated/other/openapi.json`');
  });

  it('exits 3 for a spec that is not UTF-8', async () => {
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from([0x6f, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await run('--spec', 'latin1.yaml', '--service', 'cbr')).toBe(3);
    expect(err).toContain('is not valid UTF-8');
  });

  it('exits 1 for a generated file that is not an OpenAPI document', async () => {
    writeFileSync(path.join(dir, 'gen.json'), '[1, 2]');
    expect(await run('--spec', 'spec.yaml', '--from', 'gen.json')).toBe(1);
    expect(err).toContain('has no `components` or `paths` object');
  });

  it('exits 2 on usage errors', async () => {
    expect(await run('--service', 'cbr')).toBe(2);
    expect(err).toContain('--spec SPEC is required');
    err = '';
    expect(await run('--spec', 'spec.yaml')).toBe(2);
    expect(err).toContain('exactly one of --service NAME and --from FILE');
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--write', '--out', 'x.yaml')).toBe(2);
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--on-conflict', 'rename')).toBe(2);
    expect(err).toContain('--on-conflict must be error, keep or overwrite, not `rename`');
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', '../etc')).toBe(2);
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--bogus')).toBe(2);
  });

  it('--help lists every flag the command accepts', async () => {
    expect(await run('--help')).toBe(0);
    expect(out).toBe(MERGE_HELP);
    for (const flag of ['--spec', '--service', '--from', '--generated', '--write', '--out', '--dry-run', '--on-conflict', '--wire', '--verbose']) {
      expect(MERGE_HELP).toContain(flag);
    }
  });

  it('--generated DIR changes where --service looks', async () => {
    mkdirSync(path.join(dir, 'out', 'cbr'), { recursive: true });
    writeFileSync(path.join(dir, 'out', 'cbr', 'openapi.json'), readFixture('generated.openapi.json'));
    rmSync(path.join(dir, 'generated'), { recursive: true });
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--generated', 'out', '--verbose')).toBe(0);
    expect(err).toContain('info  Generated entries: 5 added');
  });
});

describe('rst-codegen merge: files', () => {
  const { chmodSync, lstatSync, readlinkSync, statSync, symlinkSync } = fs;

  it('--write through a symlink updates the file it points to and keeps the link', async () => {
    mkdirSync(path.join(dir, 'real'));
    writeFileSync(path.join(dir, 'real', 'api.yaml'), readFixture('pets-31.yaml'));
    symlinkSync('real/api.yaml', path.join(dir, 'link.yaml'));
    expect(await run('--spec', 'link.yaml', '--service', 'cbr', '--write')).toBe(0);
    expect(lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'link.yaml'))).toBe('real/api.yaml');
    expect(readFileSync(path.join(dir, 'real', 'api.yaml'), 'utf8')).toContain('x-generated-by: { tool: rst-codegen, service: cbr }');
    expect(readdirSync(path.join(dir, 'real'))).toEqual(['api.yaml']);
    expect(readdirSync(dir).filter((f) => f.startsWith('.rst-codegen-'))).toEqual([]);
  });

  for (const mode of [0o600, 0o640, 0o664]) {
    it(`--write keeps the spec's mode ${mode.toString(8)}`, async () => {
      chmodSync(path.join(dir, 'spec.yaml'), mode);
      expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--write')).toBe(0);
      expect(statSync(path.join(dir, 'spec.yaml')).mode & 0o777).toBe(mode);
      expect(spec()).not.toBe(readFixture('pets-31.yaml'));
    });
  }

  it('refuses a read-only spec with a clear message (exit 3) and leaves it alone', async () => {
    chmodSync(path.join(dir, 'spec.yaml'), 0o444);
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--write')).toBe(3);
    expect(err).toContain(
      'rst-codegen merge: `spec.yaml` is read-only (mode 0444); make it writable (chmod u+w) to merge into it, or write the result elsewhere with --out.',
    );
    expect(statSync(path.join(dir, 'spec.yaml')).mode & 0o777).toBe(0o444);
    expect(spec()).toBe(readFixture('pets-31.yaml'));
    expect(readdirSync(dir).filter((f) => f.startsWith('.rst-codegen-'))).toEqual([]);
  });

  it('refuses to replace a read-only --out file, and keeps the mode of a writable one', async () => {
    writeFileSync(path.join(dir, 'out.yaml'), 'old\n');
    chmodSync(path.join(dir, 'out.yaml'), 0o444);
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--out', 'out.yaml')).toBe(3);
    expect(err).toContain('`out.yaml` is read-only (mode 0444); make it writable (chmod u+w) to replace it, or choose another --out.');
    chmodSync(path.join(dir, 'out.yaml'), 0o600);
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--out', 'out.yaml')).toBe(0);
    expect(statSync(path.join(dir, 'out.yaml')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'out.yaml'), 'utf8')).toContain('StatusCode:');
  });

  it('records the service and pages of the model.json beside the generated file', async () => {
    writeFileSync(path.join(dir, 'generated', 'cbr', 'model.json'), JSON.stringify({ service: 'cbr', sources: ['docs/cbr/status_codes.rst'] }));
    expect(await run('--spec', 'spec.yaml', '--from', 'generated/cbr/openapi.json')).toBe(0);
    expect(out).toContain('x-generated-by: { tool: rst-codegen, service: cbr, sources: [ docs/cbr/status_codes.rst ] }');
  });

  it('--prefix renames the components and their $refs; --wire-statuses chooses what is wired', async () => {
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--prefix', 'Cbr', '--wire-statuses', '404')).toBe(0);
    expect(out).toContain('    CbrNotFound:\n');
    expect(out).toContain("$ref: '#/components/schemas/CbrErrorResponse'");
    expect(out).toContain("        '404':\n          $ref: '#/components/responses/CbrNotFound'\n");
    expect(out).not.toContain("$ref: '#/components/responses/CbrBadRequest'");
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--prefix', 'a b')).toBe(2);
    expect(err).toContain('--prefix `a b` cannot start a component name');
    err = '';
    expect(await run('--spec', 'spec.yaml', '--service', 'cbr', '--wire-statuses', '200')).toBe(2);
    expect(err).toContain('--wire-statuses: `200` is not a wire item');
  });
});
