import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCodePages, loadPage } from '../../src/cli/read.js';

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

describe('findCodePages', () => {
  it('finds status and error-code pages recursively, sorted', async () => {
    const docs = path.join(dir, 'docs');
    mkdirSync(path.join(docs, 'appendix'), { recursive: true });
    mkdirSync(path.join(docs, 'appendix/error_codes'), { recursive: true });
    for (const name of ['appendix/status_codes.rst', 'appendix/error_code.rst', 'appendix/errorcodes.rst', 'appendix/index.rst', 'api.rst', 'appendix/status_codes.txt', 'appendix/error_codes/index.rst']) {
      writeFileSync(path.join(docs, name), '');
    }
    expect(await findCodePages(dir, 'docs')).toEqual(['docs/appendix/error_code.rst', 'docs/appendix/error_codes/index.rst', 'docs/appendix/errorcodes.rst', 'docs/appendix/status_codes.rst']);
  });
});
