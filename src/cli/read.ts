/**
 * Loading RST pages into vfiles: strict UTF-8 (a bad byte is reported at its
 * line and column), BOM removed, and clear messages for a missing file or a
 * directory. Nothing here throws for a user's mistake.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { flag } from '../diagnostics.js';
import { readRules } from './rules.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Largest page read (bytes); larger ones are refused with a diagnostic. */
export const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/**
 * Reads `relPath` (resolved against `base`) into a vfile whose `path` is
 * `relPath`. On failure returns the vfile with an error message and no value.
 */
export async function loadPage(base: string, relPath: string): Promise<{ file: VFile; ok: boolean }> {
  const file = new VFile({ path: relPath });
  const absolute = path.resolve(base, relPath);
  let bytes: Buffer;
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) {
      flag(file, readRules['read-directory'], { text: `\`${relPath}\` is a directory, not an RST file.` }, undefined);
      return { file, ok: false };
    }
    if (info.size > MAX_PAGE_BYTES) {
      flag(file, readRules['read-too-large'], { text: `\`${relPath}\` is ${info.size} bytes, larger than the ${MAX_PAGE_BYTES}-byte limit for one page.` }, undefined);
      return { file, ok: false };
    }
    bytes = await readFile(absolute);
  } catch (error) {
    flag(file, readRules['read-failed'], { text: `Cannot read \`${relPath}\`: ${describeFsError(error)}.` }, undefined);
    return { file, ok: false };
  }
  const text = decodeUtf8(bytes, file);
  if (text === null) return { file, ok: false };
  file.value = text;
  return { file, ok: true };
}

/** Decodes UTF-8 strictly, dropping a BOM; reports the first invalid byte's place. */
export function decodeUtf8(bytes: Uint8Array, file: VFile): string | null {
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
    flag(file, readRules['read-encoding'], { text: `\`${file.path}\` is not valid UTF-8: byte \`0x${byte}\` cannot start or continue a character; save the file as UTF-8.` }, { line, column });
    return null;
  }
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
 * Status/error-code pages under `dir` (relative to `base`), recursively,
 * sorted, `/`-separated: `.rst` files whose path below `dir` names status or
 * error codes (`status_codes.rst`, `error_code.rst`, `error_codes/index.rst`).
 */
export async function findCodePages(base: string, dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(path.resolve(base, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.rst') && PAGE_NAME.test(child.slice(top.length))) out.push(child);
    }
  };
  const top = dir.replace(/\/+$/, '');
  await walk(top);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function describeFsError(error: unknown): string {
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
