import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutput, Interrupted, listFiles, replaceOutput } from '../../src/cli/output.js';

function fresh() {
  const parent = mkdtempSync(path.join(tmpdir(), 'rst-codegen-out-'));
  return { parent, out: path.join(parent, 'generated') };
}
const files = (tag: string, n = 3) => Array.from({ length: n }, (_, i) => ({ path: `svc-${i % 2}/file-${i}.ts`, contents: `// ${tag} ${i}\n` }));
const snapshot = async (dir: string) => Object.fromEntries(await Promise.all((await listFiles(dir)).map(async (f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const)));

describe('replaceOutput', () => {
  it('writes exactly the given files and removes extra ones', async () => {
    const { out } = fresh();
    mkdirSync(path.join(out, 'old'), { recursive: true });
    writeFileSync(path.join(out, 'old/stale.ts'), 'x');
    expect(await replaceOutput(out, files('a'))).toBe(true);
    expect(await snapshot(out)).toEqual({ 'svc-0/file-0.ts': '// a 0\n', 'svc-0/file-2.ts': '// a 2\n', 'svc-1/file-1.ts': '// a 1\n' });
  });

  it('does not touch the folder when nothing changed', async () => {
    const { out } = fresh();
    await replaceOutput(out, files('a'));
    const inode = (await import('node:fs')).statSync(out).ino;
    expect(await replaceOutput(out, files('a'))).toBe(false);
    expect((await import('node:fs')).statSync(out).ino).toBe(inode);
  });

  it('leaves the old folder untouched and no temporary files when interrupted', async () => {
    const { parent, out } = fresh();
    await replaceOutput(out, files('old'));
    const before = await snapshot(out);
    const pending = replaceOutput(out, files('new', 200));
    // Send the signal once the run has started writing its temporary folder.
    const poll = setInterval(() => {
      if (readdirSync(parent).some((n) => n.startsWith('.rst-codegen-tmp-'))) {
        clearInterval(poll);
        process.emit('SIGINT', 'SIGINT');
      }
    }, 0);
    await expect(pending).rejects.toBeInstanceOf(Interrupted);
    expect(await snapshot(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('serialises concurrent runs: the result is one run\'s output, whole', async () => {
    const { parent, out } = fresh();
    await Promise.all([replaceOutput(out, files('first', 40)), replaceOutput(out, files('second', 40))]);
    const result = await snapshot(out);
    const tags = new Set(Object.values(result).map((v) => v.split(' ')[1]));
    expect(tags.size).toBe(1);
    expect(Object.keys(result)).toHaveLength(40);
    expect(readdirSync(parent)).toEqual(['generated']);
  });

  it('repairs a swap that was killed between its two renames', async () => {
    const { parent, out } = fresh();
    await replaceOutput(out, files('old'));
    renameSync(out, path.join(parent, '.rst-codegen-old-generated'));
    expect(existsSync(out)).toBe(false);
    expect(await compareOutput(out, files('old'))).toHaveLength(3);
    // The next run puts the old folder back, finds it current, and writes nothing.
    expect(await replaceOutput(out, files('old'))).toBe(false);
    expect(await compareOutput(out, files('old'))).toEqual([]);
    expect(readdirSync(parent)).toEqual(['generated']);
  });
});

describe('compareOutput', () => {
  it('names stale, missing and extra files', async () => {
    const { out } = fresh();
    await replaceOutput(out, files('a'));
    writeFileSync(path.join(out, 'extra.json'), '{}');
    const wanted = [...files('a').slice(0, 2), { path: 'svc-0/file-0.ts', contents: 'changed' }].slice(1);
    wanted.push({ path: 'new.ts', contents: '' });
    expect(await compareOutput(out, wanted)).toEqual([
      { kind: 'extra', path: 'extra.json' },
      { kind: 'missing', path: 'new.ts' },
      { kind: 'stale', path: 'svc-0/file-0.ts' },
      { kind: 'extra', path: 'svc-0/file-2.ts' },
    ]);
  });
});
