/**
 * Writing `generated/` so that it is always either fully old or fully new.
 *
 * 1. Take a lock beside the output folder (`.rst-codegen.lock`, created with
 *    O_EXCL; a lock whose process is gone is taken over), so two runs never
 *    interleave.
 * 2. Write every file into a fresh temporary folder beside it
 *    (`.rst-codegen-tmp-<pid>-<random>`), fsync'ed.
 * 3. Swap: rename the old folder aside, rename the new one into place, delete
 *    the old one. Both renames run synchronously, back to back.
 * A signal (SIGINT/SIGTERM) before the swap removes the temporary folder and
 * leaves the old output untouched; a run killed outright between the two
 * renames is repaired by the next run (the folder set aside is put back).
 * Nothing is written when the rendered files equal what is on disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../emit/index.js';
import { TEMP_PREFIX } from './atomic.js';

export interface Difference {
  kind: 'stale' | 'missing' | 'extra';
  path: string;
}

/** Compares rendered files with the folder's contents (every file under it counts). */
export async function compareOutput(outDir: string, files: readonly OutputFile[]): Promise<Difference[]> {
  const existing = new Set(await listFiles(outDir));
  const differences: Difference[] = [];
  for (const file of files) {
    if (!existing.has(file.path)) {
      differences.push({ kind: 'missing', path: file.path });
      continue;
    }
    existing.delete(file.path);
    const current = await readFile(path.join(outDir, file.path), 'utf8');
    if (current !== file.contents) differences.push({ kind: 'stale', path: file.path });
  }
  for (const extra of existing) differences.push({ kind: 'extra', path: extra });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Files under `dir`, relative and `/`-separated; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw error;
    }
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else out.push(child);
    }
  };
  await walk('');
  return out.sort();
}

/** The output folder holds a file rst-codegen did not write: it is never replaced then. */
export class ForeignFile extends Error {
  constructor(readonly file: string) {
    super(`\`${file}\` was not written by rst-codegen (no rst-codegen header); the output folder is replaced whole, so move the file out of it. Nothing was written.`);
  }
}

/** Every generated file names rst-codegen in its first bytes (the do-not-edit header or generator field). */
const GENERATED_SIGNATURE = 'rst-codegen';
const SIGNATURE_WINDOW = 512;

export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`Interrupted by ${signal}; the output folder was left as it was.`);
  }
}

/**
 * Replaces `outDir` with exactly `files`. Returns false when nothing needed
 * writing. Throws `Interrupted` when a signal arrived before the swap (the old
 * folder is then untouched), or the file-system error that stopped it.
 */
export async function replaceOutput(outDir: string, files: readonly OutputFile[]): Promise<boolean> {
  const parent = path.dirname(path.resolve(outDir));
  const name = path.basename(path.resolve(outDir));
  await mkdir(parent, { recursive: true });
  const release = await acquireLock(path.join(parent, `${TEMP_PREFIX}${name}.lock`));
  let signal: string | null = null;
  const onSignal = (s: NodeJS.Signals) => {
    signal = s;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const temp = path.join(parent, `${TEMP_PREFIX}tmp-${name}-${process.pid}-${randomBytes(4).toString('hex')}`);
  const aside = path.join(parent, `${TEMP_PREFIX}old-${name}`);
  try {
    repairInterruptedSwap(path.resolve(outDir), aside);
    removeStaleTemporaries(parent, name);
    const differences = await compareOutput(outDir, files);
    if (signal) throw new Interrupted(signal);
    if (differences.length === 0) return false;
    for (const extra of differences.filter((d) => d.kind === 'extra')) {
      const handle = await open(path.join(outDir, extra.path), 'r');
      try {
        const { buffer, bytesRead } = await handle.read(Buffer.alloc(SIGNATURE_WINDOW), 0, SIGNATURE_WINDOW, 0);
        if (!buffer.subarray(0, bytesRead).toString('utf8').includes(GENERATED_SIGNATURE)) throw new ForeignFile(path.join(path.basename(outDir), extra.path));
      } finally {
        await handle.close();
      }
    }
    await mkdir(temp);
    for (const file of files) {
      if (signal) throw new Interrupted(signal);
      const target = path.join(temp, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      const handle = await open(target, 'wx', 0o644);
      try {
        await handle.writeFile(file.contents, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    if (signal) throw new Interrupted(signal);
    // The swap: synchronous, so no signal handler can run in between.
    const hadOld = existsSync(outDir);
    if (hadOld) renameSync(outDir, aside);
    renameSync(temp, outDir);
    if (hadOld) rmSync(aside, { recursive: true, force: true });
    return true;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(temp, { recursive: true, force: true });
    await release();
  }
}

/** A previous run killed between the two renames left the old folder aside: put it back. */
function repairInterruptedSwap(outDir: string, aside: string): void {
  if (!existsSync(aside)) return;
  if (!existsSync(outDir)) renameSync(aside, outDir);
  else rmSync(aside, { recursive: true, force: true });
}

/** Waits for the lock file (up to `timeoutMs`), taking over one whose owner process is gone. */
async function acquireLock(lockPath: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const started = Date.now();
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        await rm(lockPath, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`Another rst-codegen run (pid ${owner}) holds ${lockPath}; waited ${timeoutMs / 1000} s.`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary folders of earlier runs whose process is gone (killed outright, e.g. SIGKILL). */
function removeStaleTemporaries(parent: string, name: string): void {
  const prefix = `${TEMP_PREFIX}tmp-${name}-`;
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number.parseInt(entry.slice(prefix.length).split('-')[0] ?? '', 10);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) rmSync(path.join(parent, entry), { recursive: true, force: true });
  }
}
