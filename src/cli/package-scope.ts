/**
 * The package scope of the output folder, as Node and TypeScript find it:
 * the nearest `package.json` in the folders above `outDir` (the search stops
 * at a `node_modules` folder, as Node's does), and its `type`. The
 * generated `package.json` (src/emit/package-json.ts) copies that `type`, so
 * writing it changes no module's format.
 */
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { PackageScope } from '../emit/package-json.js';
import { describeFsError, readRegularFile } from './read.js';

/** A package.json larger than this is not read (none is near it). */
const MAX_PACKAGE_JSON_BYTES = 16 * 1024 * 1024;

export type ScopeRead =
  /** `path`: the package.json read, or null when there is none above. */
  | { ok: true; scope: PackageScope; path: string | null }
  /** The nearest package.json cannot be read or is not a JSON object: its path, and why in words. */
  | { ok: false; path: string; reason: string };

/** Reads the scope of the folder `outDir` (absolute, its real path): the package.json of its parent folder or the nearest one above. */
export async function readPackageScope(outDir: string): Promise<ScopeRead> {
  for (let dir = path.dirname(outDir); ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'node_modules') break;
    const file = path.join(dir, 'package.json');
    const info = await lstat(file).catch(() => null);
    if (info !== null && !info.isDirectory()) {
      let text: string;
      try {
        text = (await readRegularFile(file, MAX_PACKAGE_JSON_BYTES)).toString('utf8');
      } catch (error) {
        return { ok: false, path: file, reason: describeFsError(error) };
      }
      let json: unknown;
      try {
        json = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark, as Node accepts
      } catch {
        return { ok: false, path: file, reason: 'it is not valid JSON' };
      }
      if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, path: file, reason: 'it is not a JSON object' };
      const type = (json as Record<string, unknown>)['type'];
      return { ok: true, scope: { type: typeof type === 'string' ? type : null }, path: file };
    }
    if (path.dirname(dir) === dir) break;
  }
  return { ok: true, scope: { type: null }, path: null };
}
