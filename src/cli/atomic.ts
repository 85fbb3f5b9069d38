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
