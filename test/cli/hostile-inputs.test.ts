/**
 * Issue 12, part 1(e), for the inputs that are not pages: the spec, the
 * generated file and its model.json read by `merge`, its `--out` target, and
 * the config file of any command. A FIFO, a device, a directory or a file over
 * the size limit is refused at once with one line and exit 3. Run in a real
 * process (the built CLI, one process for all the runs of this file:
 * test/helpers/cli-process.ts), with a 300 MB heap, where a hang or an
 * unbounded read would show; the process must end by itself after the last
 * run. Its timeout is only a safety net, never an assertion.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_CONFIG_BYTES } from '../../src/config.js';
import { MAX_PAGE_BYTES } from '../../src/cli/read.js';
import { cliProcess } from '../helpers/cli-process.js';
import { readFixture } from '../merge/helpers.js';
import { config, project, seedText } from './helpers.js';

const cli = cliProcess(['--max-old-space-size=300']);
const cliRun = (args: string[], cwd: string) => cli.run(args, cwd);

afterAll(async () => {
  // No run left anything behind that keeps the process alive (a FIFO still being opened...).
  expect(await cli.close()).toEqual({ code: 0, signal: null });
});

let hasMkfifo = true;
try {
  execFileSync('mkfifo', ['--version'], { stdio: 'ignore' });
} catch {
  hasMkfifo = false;
  console.warn('mkfifo is not available: the FIFO cases are skipped');
}
const hasDevZero = (() => {
  try {
    return lstatSync('/dev/zero').isCharacterDevice();
  } catch {
    console.warn('/dev/zero is not available: the device cases are skipped');
    return false;
  }
})();

/** A merge project: spec.yaml, generated/cbr/openapi.json and a config naming cbr. */
function mergeProject(): string {
  return project({
    'spec.yaml': readFixture('pets-31.yaml'),
    'generated/cbr/openapi.json': readFixture('generated.openapi.json'),
    'rst-codegen.config.json': config([{ name: 'cbr', status: ['docs/status_codes.rst'] }]),
    'docs/status_codes.rst': seedText,
  });
}

/** A sparse file of `size` bytes (no disk space used): larger than a limit without writing it. */
function sparse(file: string, size: number): void {
  closeSync(openSync(file, 'w'));
  truncateSync(file, size);
}

type Make = (dir: string, rel: string) => string;
const fifo: Make = (dir, rel) => (execFileSync('mkfifo', [path.join(dir, rel)]), 'a FIFO (named pipe), not a regular file');
const folder: Make = (dir, rel) => (mkdirSync(path.join(dir, rel)), 'a directory');
const kinds: { name: string; skip: boolean; make: Make }[] = [
  { name: 'a FIFO', skip: !hasMkfifo, make: fifo },
  { name: 'a directory', skip: false, make: folder },
];

describe('merge: inputs that are not regular files', () => {
  for (const { name, skip, make } of kinds) {
    it.skipIf(skip)(`--spec ${name}: refused at once, exit 3, one line`, async () => {
      const dir = mergeProject();
      const what = make(dir, 'other.yaml');
      const result = await cliRun(['merge', '--spec', 'other.yaml', '--service', 'cbr'], dir);
      expect([result.code, result.signal, result.stdout]).toEqual([3, null, '']);
      expect(result.stderr).toBe(`rst-codegen merge: cannot read the spec \`other.yaml\`: it is ${what}.\n`);
    });

    it.skipIf(skip)(`--from ${name}: refused at once, exit 3`, async () => {
      const dir = mergeProject();
      const what = make(dir, 'gen.json');
      const result = await cliRun(['merge', '--spec', 'spec.yaml', '--from', 'gen.json'], dir);
      expect([result.code, result.signal]).toEqual([3, null]);
      expect(result.stderr).toBe(`rst-codegen merge: cannot read the generated file \`gen.json\`: it is ${what}.\n`);
    });

    it.skipIf(skip)(`--service with ${name} as its openapi.json (in --generated DIR): refused, exit 3`, async () => {
      const dir = mergeProject();
      mkdirSync(path.join(dir, 'out/cbr'), { recursive: true });
      const what = make(dir, 'out/cbr/openapi.json');
      const result = await cliRun(['merge', '--spec', 'spec.yaml', '--service', 'cbr', '--generated', 'out'], dir);
      expect([result.code, result.signal]).toEqual([3, null]);
      expect(result.stderr).toBe(`rst-codegen merge: cannot read the generated file \`out/cbr/openapi.json\`: it is ${what}.\n`);
    });

    it.skipIf(skip)(`${name} as the model.json beside the generated file: refused, exit 3`, async () => {
      const dir = mergeProject();
      const what = make(dir, 'generated/cbr/model.json');
      const result = await cliRun(['merge', '--spec', 'spec.yaml', '--service', 'cbr'], dir);
      expect([result.code, result.signal]).toEqual([3, null]);
      expect(result.stderr).toBe(`rst-codegen merge: cannot read the model \`generated/cbr/model.json\` beside the generated file: it is ${what}.\n`);
    });

    it.skipIf(skip)(`--out ${name}: refused, exit 3, the target left as it was`, async () => {
      const dir = mergeProject();
      const what = make(dir, 'merged.yaml');
      const result = await cliRun(['merge', '--spec', 'spec.yaml', '--service', 'cbr', '--out', 'merged.yaml'], dir);
      expect([result.code, result.signal]).toEqual([3, null]);
      expect(result.stderr).toContain(`rst-codegen merge: cannot write \`merged.yaml\`: it is ${what}.\n`);
      const after = lstatSync(path.join(dir, 'merged.yaml'));
      expect(after.isFIFO() || after.isDirectory()).toBe(true);
    });

    it.skipIf(skip)(`--config ${name}: refused at once, exit 3, for generate and merge`, async () => {
      const dir = mergeProject();
      const what = make(dir, 'cfg.json');
      for (const command of [['generate'], ['merge', '--spec', 'spec.yaml', '--service', 'cbr']]) {
        const result = await cliRun([...command, '--config', 'cfg.json'], dir);
        expect([result.code, result.signal]).toEqual([3, null]);
        expect(result.stderr).toMatch(
          new RegExp(`^rst-codegen ${command[0]}: cannot read the config \`cfg\\.json\`: it is ${what.replace(/[()]/g, '\\$&')}\\.\n`),
        );
      }
    });
  }

  it('the default config as a FIFO: refused, exit 3, not waited for', async () => {
    if (!hasMkfifo) return;
    const dir = project({ 'docs/status_codes.rst': seedText });
    execFileSync('mkfifo', [path.join(dir, 'rst-codegen.config.json')]);
    const result = await cliRun(['generate'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe('rst-codegen generate: cannot read the config `rst-codegen.config.json`: it is a FIFO (named pipe), not a regular file.\n');
  });
});

describe.skipIf(!hasMkfifo)('generate: a FIFO in place of the output lock', () => {
  it('is refused with a message naming it (exit 3), not waited on', async () => {
    const dir = mergeProject();
    execFileSync('mkfifo', [path.join(dir, '.rst-codegen-generated.lock')]);
    const result = await cliRun(['generate', '--quiet'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe(
      'rst-codegen generate: cannot write `generated`: its lock file `.rst-codegen-generated.lock` is a FIFO (named pipe), not a regular file; remove it; the output folder was left as it was.\n',
    );
  });
});

describe.skipIf(!hasDevZero)('merge and config: /dev/zero is refused, not read', () => {
  it('--spec /dev/zero', async () => {
    const result = await cliRun(['merge', '--spec', '/dev/zero', '--service', 'cbr'], mergeProject());
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe('rst-codegen merge: cannot read the spec `/dev/zero`: it is a character device, not a regular file.\n');
  });

  it('--from /dev/zero', async () => {
    const result = await cliRun(['merge', '--spec', 'spec.yaml', '--from', '/dev/zero'], mergeProject());
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe('rst-codegen merge: cannot read the generated file `/dev/zero`: it is a character device, not a regular file.\n');
  });

  it('--out /dev/zero', async () => {
    const result = await cliRun(['merge', '--spec', 'spec.yaml', '--service', 'cbr', '--out', '/dev/zero'], mergeProject());
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toContain('rst-codegen merge: cannot write `/dev/zero`: it is a character device, not a regular file.\n');
  });

  it('--config /dev/zero', async () => {
    const result = await cliRun(['generate', '--config', '/dev/zero'], mergeProject());
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toMatch(/^rst-codegen generate: cannot read the config `.*zero`: it is a character device, not a regular file\.\n$/);
  });
});

describe('files over the size limit are refused before they are read', () => {
  it('a spec, a generated file and a model.json over the 64 MB limit (sparse files)', async () => {
    const dir = mergeProject();
    sparse(path.join(dir, 'big.yaml'), MAX_PAGE_BYTES + 1);
    let result = await cliRun(['merge', '--spec', 'big.yaml', '--service', 'cbr'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe(
      `rst-codegen merge: cannot read the spec \`big.yaml\`: it is ${MAX_PAGE_BYTES + 1} bytes, larger than the ${MAX_PAGE_BYTES}-byte limit.\n`,
    );
    result = await cliRun(['merge', '--spec', 'spec.yaml', '--from', 'big.yaml'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toContain('cannot read the generated file `big.yaml`: it is');
    sparse(path.join(dir, 'generated/cbr/model.json'), MAX_PAGE_BYTES + 1);
    result = await cliRun(['merge', '--spec', 'spec.yaml', '--service', 'cbr'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toContain('cannot read the model `generated/cbr/model.json` beside the generated file: it is');
  });

  it('a config over its limit (sparse file)', async () => {
    const dir = mergeProject();
    sparse(path.join(dir, 'rst-codegen.config.json'), MAX_CONFIG_BYTES + 1);
    const result = await cliRun(['generate'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe(
      `rst-codegen generate: cannot read the config \`rst-codegen.config.json\`: it is ${MAX_CONFIG_BYTES + 1} bytes, larger than the ${MAX_CONFIG_BYTES}-byte limit.\n`,
    );
  });
});

describe('merge: encodings', () => {
  it('a UTF-16 spec without a byte-order mark is named as UTF-16 (exit 3)', async () => {
    const dir = mergeProject();
    writeFileSync(path.join(dir, 'wide.yaml'), Buffer.from(readFixture('pets-31.yaml'), 'utf16le'));
    const result = await cliRun(['merge', '--spec', 'wide.yaml', '--service', 'cbr'], dir);
    expect([result.code, result.signal]).toEqual([3, null]);
    expect(result.stderr).toBe('rst-codegen merge: the spec `wide.yaml` is UTF-16 (little-endian), not UTF-8; save the file as UTF-8.\n');
  });

  it('a spec with a UTF-8 byte-order mark is still merged, the mark kept', async () => {
    const dir = mergeProject();
    writeFileSync(path.join(dir, 'bom.yaml'), `\uFEFF${readFixture('pets-31.yaml')}`);
    const result = await cliRun(['merge', '--spec', 'bom.yaml', '--service', 'cbr', '--write'], dir);
    expect([result.code, result.signal]).toEqual([0, null]);
    expect(readFileSync(path.join(dir, 'bom.yaml'), 'utf8').startsWith('\uFEFF# Pet store')).toBe(true);
  });
});
