import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCodePages, loadPage, ReadRefused, readRegularFile, wideEncoding } from '../../src/cli/read.js';

const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-read-'));

describe('loadPage', () => {
  it('reads UTF-8 and drops a BOM', async () => {
    writeFileSync(path.join(dir, 'bom.rst'), Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('Title\n=====\n')]));
    const { file, ok } = await loadPage(dir, 'bom.rst');
    expect(ok).toBe(true);
    expect(file.value).toBe('Title\n=====\n');
    expect(file.messages).toEqual([]);
  });

  it('reports the first invalid UTF-8 byte at its line and column', async () => {
    writeFileSync(path.join(dir, 'latin1.rst'), Buffer.concat([Buffer.from('line one\nab'), Buffer.from([0xe9]), Buffer.from('t\n')]));
    const { file, ok } = await loadPage(dir, 'latin1.rst');
    expect(ok).toBe(false);
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.fatal])).toEqual([[2, 3, 'read-encoding', true]]);
    expect(file.messages[0]!.reason).toContain('byte `0xE9`');
  });

  it('names a missing file and a directory', async () => {
    mkdirSync(path.join(dir, 'folder.rst'), { recursive: true });
    const missing = await loadPage(dir, 'nope.rst');
    const folder = await loadPage(dir, 'folder.rst');
    expect(missing.ok).toBe(false);
    expect(missing.file.messages[0]!.reason).toBe('Cannot read `nope.rst`: no such file or directory.');
    expect(folder.file.messages[0]!.reason).toBe('`folder.rst` is a directory, not an RST file.');
  });
});

describe('only regular files are read, never past the limit', () => {
  it.each([
    ['/dev/zero', 'it is a character device, not a regular file'],
    ['/dev/null', 'it is a character device, not a regular file'],
  ])('%s is refused before it is read', async (device, detail) => {
    const { file, ok } = await loadPage(dir, device);
    expect(ok).toBe(false);
    expect(file.messages.map((m) => [m.ruleId, m.reason])).toEqual([['read-not-a-file', `\`${device}\` is not an RST file: ${detail}.`]]);
  });

  it('a FIFO is refused without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.rst');
    execFileSync('mkfifo', [fifo]);
    const { file, ok } = await loadPage(dir, 'pipe.rst');
    expect(ok).toBe(false);
    expect(file.messages[0]!.reason).toBe('`pipe.rst` is not an RST file: it is a FIFO (named pipe), not a regular file.');
  });

  it('the limit holds for a file whose size stat does not know (/proc)', async () => {
    await expect(readRegularFile('/proc/self/maps', 16)).rejects.toThrow(new ReadRefused('too-large', 'it is more than the 16-byte limit'));
    expect((await readRegularFile('/proc/self/maps', 1 << 20)).length).toBeGreaterThan(16);
  });

  it('a file over the limit is refused by its size', async () => {
    writeFileSync(path.join(dir, 'big.rst'), 'x'.repeat(100));
    await expect(readRegularFile(path.join(dir, 'big.rst'), 99)).rejects.toThrow('it is 100 bytes, larger than the 99-byte limit');
    expect((await readRegularFile(path.join(dir, 'big.rst'), 100)).length).toBe(100);
  });

  it('a page that links outside the project is refused; one that links inside is read', async () => {
    const project = mkdtempSync(path.join(tmpdir(), 'rst-codegen-project-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'rst-codegen-outside-'));
    writeFileSync(path.join(outside, 'secret.rst'), 'secret\n');
    writeFileSync(path.join(project, 'real.rst'), 'Title\n=====\n');
    mkdirSync(path.join(project, 'docs'));
    symlinkSync(path.join(outside, 'secret.rst'), path.join(project, 'docs/status_codes.rst'));
    symlinkSync(outside, path.join(project, 'linked'));
    symlinkSync('../real.rst', path.join(project, 'docs/inside.rst'));
    for (const page of ['docs/status_codes.rst', 'linked/secret.rst']) {
      const { file, ok } = await loadPage(project, page, { within: project });
      expect(ok).toBe(false);
      expect(file.value).toBeUndefined();
      expect(file.messages.map((m) => [m.ruleId, m.reason])).toEqual([
        [
          'read-outside-project',
          `\`${page}\` leads outside the project (to \`${realpathSync(outside)}/secret.rst\`) through a symbolic link; pages must stay inside the project.`,
        ],
      ]);
    }
    expect((await loadPage(project, 'docs/inside.rst', { within: project })).file.value).toBe('Title\n=====\n');
    await expect(findCodePages(project, 'linked')).rejects.toThrow('it leads outside the project');
  });
});

describe('UTF-16 and UTF-32 are named', () => {
  const text = 'Title\n=====\n\nSome text.\n';
  it.each([
    ['UTF-16 (little-endian, with a byte-order mark)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 (big-endian, with a byte-order mark)', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
    ['UTF-16 (little-endian)', Buffer.from(text, 'utf16le')],
    ['UTF-16 (big-endian)', Buffer.from(text, 'utf16le').swap16()],
    ['UTF-32 (little-endian, with a byte-order mark)', Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])],
  ])('%s', async (name, bytes) => {
    writeFileSync(path.join(dir, 'wide.rst'), bytes);
    const { file, ok } = await loadPage(dir, 'wide.rst');
    expect(ok).toBe(false);
    expect(file.messages.map((m) => [m.line, m.column, m.ruleId, m.reason])).toEqual([
      [1, 1, 'read-encoding', `\`wide.rst\` is ${name}, not UTF-8; save the file as UTF-8.`],
    ]);
  });

  it('UTF-8 text, even with a stray NUL, is not taken for UTF-16', () => {
    expect(wideEncoding(Buffer.from(`${text}\0${'é漢'.repeat(50)}`))).toBeNull();
    expect(wideEncoding(Buffer.from('ab'))).toBeNull();
  });
});

describe('findCodePages', () => {
  it('finds status and error-code pages recursively, sorted', async () => {
    const docs = path.join(dir, 'docs');
    mkdirSync(path.join(docs, 'appendix'), { recursive: true });
    mkdirSync(path.join(docs, 'appendix/error_codes'), { recursive: true });
    for (const name of [
      'appendix/status_codes.rst',
      'appendix/error_code.rst',
      'appendix/errorcodes.rst',
      'appendix/index.rst',
      'api.rst',
      'appendix/status_codes.txt',
      'appendix/error_codes/index.rst',
    ]) {
      writeFileSync(path.join(docs, name), '');
    }
    expect(await findCodePages(dir, 'docs')).toEqual([
      'docs/appendix/error_code.rst',
      'docs/appendix/error_codes/index.rst',
      'docs/appendix/errorcodes.rst',
      'docs/appendix/status_codes.rst',
    ]);
  });
});
