/**
 * The lock that keeps two `generate` runs from writing one output folder at
 * once: a file beside the folder holding the owner's pid.
 *
 * The lock can never be seen empty or half-written: the pid is written and
 * fsync'ed into a temporary file first, which is then hard-linked to the lock
 * name (`link` fails when the name exists, so creating it is atomic and
 * exclusive, like O_EXCL, but with the content already in place). A run killed
 * at any point leaves either no lock (and perhaps a temporary file, removed
 * later by `removeStaleLockTemporaries`) or a lock naming a process that is
 * gone, which the next run takes over at once.
 *
 * The lock names its owner by pid and, where the system tells it (Linux's
 * /proc), the process's start time, so a pid reused by another process (a
 * container restarted after a kill gets the same pids) does not keep the lock
 * alive; a lock naming this very process but not taken by it is stale too.
 *
 * Taking over a stale lock is itself guarded: the stale file is renamed aside
 * and removed only if it is still the same file (inode) that was judged
 * stale; if another run replaced it in between, it is put back.
 */
import { link, open, rename, rm, stat } from 'node:fs/promises';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { killPointForTests, TEMP_PREFIX, tempPathFor } from './atomic.js';
import { ReadRefused, readRegularFile } from './read.js';

/** A lock whose content is not a pid (not written by this version) counts as stale once it is this old. */
const UNREADABLE_LOCK_STALE_MS = 2_000;

export class LockTimeout extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: number | null,
    readonly waitedMs: number,
  ) {
    super(`Another rst-codegen run${owner === null ? '' : ` (pid ${owner})`} holds ${lockPath}; waited ${waitedMs / 1000} s.`);
  }
}

/** Waits for the lock file (up to `timeoutMs`), taking over one whose owner process is gone; returns its release. */
export async function acquireLock(lockPath: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  removeStaleLockTemporaries(lockPath);
  const started = Date.now();
  for (;;) {
    if (await tryCreate(lockPath)) {
      heldHere.add(lockPath);
      return async () => {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    }
    const holder = await readHolder(lockPath);
    if (holder === null) continue; // released meanwhile
    if (holder.stale) {
      await takeOver(lockPath, holder.ino);
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new LockTimeout(lockPath, holder.pid, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Creates the lock holding this process's pid; false when it exists. */
async function tryCreate(lockPath: string): Promise<boolean> {
  const temp = tempPathFor(lockPath);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(ownerLine());
      await handle.sync();
    } finally {
      await handle.close();
    }
    killPointForTests('lock-written');
    try {
      await link(temp, lockPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') return false;
      // A file system without hard links: fall back to O_EXCL (the pid follows at once).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
      return await createExclusive(lockPath);
    }
    killPointForTests('lock-linked');
    return true;
  } finally {
    await rm(temp, { force: true });
  }
}

async function createExclusive(lockPath: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(ownerLine());
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Locks this process holds now (two calls in one process wait for each other like two processes). */
const heldHere = new Set<string>();

/** The lock's content: `<pid> <start time>` (start time `-` where the system does not tell it). */
function ownerLine(): string {
  return `${process.pid} ${startTimeOf(process.pid) ?? '-'}\n`;
}

/** A process's start time (clock ticks since boot, from /proc/<pid>/stat), or null where unknown. */
function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, which may hold anything) come fields 3 (state) … 22 (starttime).
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

interface Holder {
  pid: number | null;
  ino: number;
  stale: boolean;
}

/** Who holds the lock, or null when it is gone. */
async function readHolder(lockPath: string): Promise<Holder | null> {
  let info;
  let text;
  try {
    info = await stat(lockPath);
    // A regular file of a few bytes: a FIFO or a device put in its place cannot hang or fill memory.
    text = (await readRegularFile(lockPath, 4096)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof ReadRefused)
      throw new ReadRefused(error.reason, `its lock file \`${path.basename(lockPath)}\` ${error.detail.replace(/^it /, '')}; remove it`);
    throw error;
  }
  const owner = /^(\d+)(?: (\d+|-))?\n?$/.exec(text);
  const pid = owner ? Number.parseInt(owner[1]!, 10) : null;
  if (pid !== null && pid > 0) {
    const start = owner![2] === undefined || owner![2] === '-' ? null : owner![2];
    const stale = pid === process.pid ? !heldHere.has(lockPath) : !isAlive(pid) || (start !== null && startTimeOf(pid) !== null && startTimeOf(pid) !== start);
    return { pid, ino: info.ino, stale };
  }
  // Not a pid: not written by this version (whose locks are never empty). Stale once it is old enough.
  return { pid: null, ino: info.ino, stale: Date.now() - info.mtimeMs > UNREADABLE_LOCK_STALE_MS };
}

/** Removes the stale lock with inode `ino`, unless another run replaced it meanwhile. */
async function takeOver(lockPath: string, ino: number): Promise<void> {
  const aside = tempPathFor(`${lockPath}.stale`);
  try {
    await rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else took it over
    throw error;
  }
  try {
    if ((await stat(aside)).ino !== ino) {
      // A live lock taken in between: put it back (unless yet another run holds the name now).
      await link(aside, lockPath).catch(() => undefined);
    }
  } finally {
    await rm(aside, { force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temporary files of lock attempts (`tempPathFor(lockPath)`) whose process is gone. */
function removeStaleLockTemporaries(lockPath: string): void {
  const dir = path.dirname(lockPath);
  const prefix = `${TEMP_PREFIX}${path.basename(lockPath)}.`;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number.parseInt(
      entry
        .slice(prefix.length)
        .replace(/^stale\./, '')
        .split('.')[0] ?? '',
      10,
    );
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !isAlive(pid)) rmSync(path.join(dir, entry), { force: true });
  }
}
