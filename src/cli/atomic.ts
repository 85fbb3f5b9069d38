/**
 * Atomic file writes: write a temporary file beside the target, fsync it,
 * then rename it over the target (rename is atomic on POSIX within one file
 * system). A reader sees the old file or the new one, never half of one.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Prefix of every temporary file this tool creates (so stale ones are recognisable and ignored by git). */
export const TEMP_PREFIX = '.rst-codegen-';

/**
 * Test-only hook: when the environment variable `RST_CODEGEN_TEST_KILL_AT`
 * names `point`, the process kills itself with SIGKILL right there, so tests
 * can prove that a run killed at that exact moment leaves nothing broken. The
 * points are `lock-written`, `lock-linked` (lock.ts), `swap-aside` (between the
 * two renames of the swap) and `swap-done` (after them, before the old folder
 * is removed) (output.ts). Never set it outside tests.
 */
export function killPointForTests(point: string): void {
  if (process.env.RST_CODEGEN_TEST_KILL_AT !== point) return;
  process.kill(process.pid, 'SIGKILL');
  // SIGKILL is delivered before the process runs on; never continue past the point.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
}

/**
 * Test-only hook: when the environment variable `RST_CODEGEN_TEST_PAUSE_AT`
 * names `point`, the run waits there (polling, at most 60 s) until `done()`
 * holds, so a test can signal the process at that exact moment instead of
 * racing the run. The point is `writing` (output.ts: after each file written
 * to the temporary folder; `done` = a signal arrived). Never set it outside tests.
 */
export async function pausePointForTests(point: string, done: () => boolean): Promise<void> {
  if (process.env.RST_CODEGEN_TEST_PAUSE_AT !== point) return;
  for (let i = 0; i < 6000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `${TEMP_PREFIX}${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes `text` (UTF-8) to `target` atomically; the temporary file is removed
 * on failure. With `mode` (an existing file's permissions, say), the file gets
 * exactly that mode whatever the umask; else 0644 less the umask.
 */
export async function writeFileAtomic(target: string, text: string, mode?: number): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', mode ?? 0o644);
    try {
      if (mode !== undefined) await handle.chmod(mode);
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
