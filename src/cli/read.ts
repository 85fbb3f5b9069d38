/**
 * Loading RST pages into vfiles: regular files only (a FIFO, a device or a
 * socket is refused before it is read, so `/dev/zero` or a pipe cannot hang
 * or fill memory), the size limit enforced while reading, the real path
 * (symlinks resolved) kept inside the project, strict UTF-8 (a bad byte is
 * reported at its line and column, UTF-16 and UTF-32 are named as such), BOM
 * removed, and clear messages for a missing file or a directory. Nothing here
 * throws for a user's mistake.
 */
import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { flag } from '../diagnostics.js';
import { readRules } from './rules.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Largest page read (bytes); larger ones are refused with a diagnostic. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** Why `readRegularFile` refused a path (an `Error`, so `describeFsError` words it). */
export class ReadRefused extends Error {
  constructor(
    readonly reason: 'directory' | 'not-a-file' | 'too-large',
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ReadRefused';
  }
}

/** What a non-regular file is, in words. */
export function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

function refuseUnlessFile(info: Stats, limit: number): void {
  if (info.isDirectory()) throw new ReadRefused('directory', 'it is a directory');
  if (!info.isFile()) throw new ReadRefused('not-a-file', `it is ${kindOf(info)}, not a regular file`);
  if (info.size > limit) throw new ReadRefused('too-large', `it is ${info.size} bytes, larger than the ${limit}-byte limit`);
}

/**
 * The bytes of the regular file at `absolute`, at most `limit` of them.
 * Throws `ReadRefused` for a directory, anything that is not a regular file
 * (checked before opening, and again on the open handle, which is opened
 * non-blocking so a FIFO cannot hang it), or a file over the limit (counted
 * while reading: a file that grows, or whose size `stat` does not know, is
 * never read past it); other failures are the file system's errors.
 */
export async function readRegularFile(absolute: string, limit: number): Promise<Buffer> {
  refuseUnlessFile(await stat(absolute), limit);
  let handle;
  try {
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    // A socket (ENXIO) or an entry swapped for something else since the stat.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new ReadRefused('not-a-file', 'it is a socket, not a regular file');
    throw error;
  }
  try {
    const info = await handle.stat();
    refuseUnlessFile(info, limit);
    const chunks: Buffer[] = [];
    let total = 0;
    for (let want = info.size + 1; ; want = 1024 * 1024) {
      const chunk = Buffer.allocUnsafe(Math.min(want, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw new ReadRefused('too-large', `it is more than the ${limit}-byte limit`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Whether `target` is `root` or lies below it (both absolute, symlinks resolved). */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface LoadOptions {
  /** The project folder: the page's real path (symlinks resolved) must lie inside it. */
  within?: string;
}

/**
 * Reads `relPath` (resolved against `base`) into a vfile whose `path` is
 * `relPath`. On failure returns the vfile with an error message and no value.
 */
export async function loadPage(base: string, relPath: string, options: LoadOptions = {}): Promise<{ file: VFile; ok: boolean }> {
  const file = new VFile({ path: relPath });
  const absolute = path.resolve(base, relPath);
  let bytes: Buffer;
  try {
    if (options.within !== undefined) {
      const [root, real] = await Promise.all([realpath(options.within), realpath(absolute)]);
      if (!isInside(root, real)) {
        flag(
          file,
          readRules['read-outside-project'],
          { text: `\`${relPath}\` leads outside the project (to \`${real}\`) through a symbolic link; pages must stay inside the project.` },
          undefined,
        );
        return { file, ok: false };
      }
    }
    bytes = await readRegularFile(absolute, MAX_PAGE_BYTES);
  } catch (error) {
    if (error instanceof ReadRefused) {
      const [rule, text] =
        error.reason === 'directory'
          ? [readRules['read-directory'], `\`${relPath}\` is a directory, not an RST file.`]
          : error.reason === 'too-large'
            ? [readRules['read-too-large'], `\`${relPath}\` is too large: ${error.detail} for one page.`]
            : [readRules['read-not-a-file'], `\`${relPath}\` is not an RST file: ${error.detail}.`];
      flag(file, rule, { text }, undefined);
      return { file, ok: false };
    }
    flag(file, readRules['read-failed'], { text: `Cannot read \`${relPath}\`: ${describeFsError(error)}.` }, undefined);
    return { file, ok: false };
  }
  const text = decodeUtf8(bytes, file);
  if (text === null) return { file, ok: false };
  file.value = text;
  return { file, ok: true };
}

/** Decodes UTF-8 strictly, dropping a BOM; reports the first invalid byte's place, or names UTF-16/UTF-32. */
export function decodeUtf8(bytes: Uint8Array, file: VFile): string | null {
  const wide = wideEncoding(bytes);
  if (wide !== null) {
    flag(file, readRules['read-encoding'], { text: `\`${file.path}\` is ${wide}, not UTF-8; save the file as UTF-8.` }, { line: 1, column: 1 });
    return null;
  }
  try {
    const text = decoder.decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = decoder.decode(bytes.subarray(lineStart, bad)).length + 1;
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    flag(
      file,
      readRules['read-encoding'],
      { text: `\`${file.path}\` is not valid UTF-8: byte \`0x${byte}\` cannot start or continue a character; save the file as UTF-8.` },
      { line, column },
    );
    return null;
  }
}

/**
 * UTF-32 or UTF-16 (with the byte order), told by a byte-order mark, or, without
 * one, by the NUL bytes that ASCII text has in those encodings: in the first
 * 1,024 bytes, no NUL on one side of each byte pair and one on the other side
 * of at least half of them. Null for anything else.
 */
export function wideEncoding(bytes: Uint8Array): string | null {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32 (little-endian, with a byte-order mark)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32 (big-endian, with a byte-order mark)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian, with a byte-order mark)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian, with a byte-order mark)';
  const pairs = Math.min(bytes.length, 1024) >> 1;
  if (pairs < 2) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (evenNul === 0 && oddNul * 2 >= pairs) return 'UTF-16 (little-endian)';
  if (oddNul === 0 && evenNul * 2 >= pairs) return 'UTF-16 (big-endian)';
  return null;
}

/** Index of the first byte where strict UTF-8 decoding fails. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (need === 0) {
      i++;
      continue;
    }
    if (i + need >= bytes.length) return i; // truncated sequence
    try {
      decoder.decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

const PAGE_NAME = /(status|error)_?codes?/i;

/**
 * Status/error-code pages under `dir` (relative to `base`, the project
 * folder), recursively, sorted, `/`-separated: `.rst` files whose path below
 * `dir` names status or error codes (`status_codes.rst`, `error_code.rst`,
 * `error_codes/index.rst`). Symbolic links below `dir` are not followed; `dir`
 * itself must resolve inside `base` (a `ReadRefused` error otherwise).
 */
export async function findCodePages(base: string, dir: string): Promise<string[]> {
  const top = dir.replace(/\/+$/, '');
  return (await findDocPages(base, dir)).filter((page) => PAGE_NAME.test(page.slice(top.length)));
}

/** Every `.rst` page under `dir` (relative to `base`), recursively, sorted, `/`-separated; symbolic links below `dir` are not followed, and `dir` must resolve inside `base`. */
export async function findDocPages(base: string, dir: string): Promise<string[]> {
  const [root, real] = await Promise.all([realpath(base), realpath(path.resolve(base, dir))]);
  if (!isInside(root, real)) throw new ReadRefused('not-a-file', `it leads outside the project (to \`${real}\`) through a symbolic link`);
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.resolve(base, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.rst')) out.push(child);
    }
  };
  const top = dir.replace(/\/+$/, '');
  await walk(top);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function describeFsError(error: unknown): string {
  if (error instanceof ReadRefused) return error.detail;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ENOTDIR':
      return 'a parent of it is not a directory';
    case 'EMFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
