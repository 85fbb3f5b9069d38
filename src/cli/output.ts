/**
 * Writing `generated/` so that it is always either fully old or fully new,
 * and only inside the project.
 *
 * 0. `resolveOutDir` turns `outDir` into its real path (symbolic links
 *    resolved) and refuses one that leads outside the project. A symlinked
 *    output folder is kept: the real folder it points to is replaced, and the
 *    link stays.
 * 1. Take the lock beside the output folder (lock.ts), so two runs never
 *    interleave.
 * 2. Every file that would be overwritten or removed must carry rst-codegen's
 *    exact do-not-edit header (`isGeneratedText`); any other file, a symbolic
 *    link or a special file in the folder stops the run (`ForeignFile`), and
 *    nothing is written.
 * 3. Write every file into a fresh temporary folder beside it
 *    (`.rst-codegen-tmp-<name>-<pid>-<random>`), fsync'ed; the old folder's
 *    empty subfolders and mode are carried over.
 * 4. Swap: rename the old folder aside (`.rst-codegen-old-<name>`), rename the
 *    new one into place, delete the old one. Both renames run synchronously,
 *    back to back.
 * A signal (SIGINT/SIGTERM) before the swap removes the temporary folder and
 * leaves the old output untouched. A run killed outright between the two
 * renames leaves the old folder aside and none in place: `compareOutput`
 * (`--check`) reads the folder aside then, and the next run puts it back
 * before anything else. Nothing is written when the rendered files equal
 * what is on disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { chmod, lstat, mkdir, open, readdir, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../emit/types.js';
import { doNotEdit, headerLines } from '../emit/text.js';
import { killPointForTests, pausePointForTests, TEMP_PREFIX } from './atomic.js';
import { acquireLock, isAlive } from './lock.js';
import { isExpected } from './manifest.js';
import type { ExpectedFile } from './manifest.js';
import { isInside, ReadRefused, readRegularFile } from './read.js';

export interface Difference {
  kind: 'stale' | 'missing' | 'extra';
  path: string;
}

/** `outDir` cannot be used: it leads outside the project, or through a broken symbolic link. */
export class OutputRefused extends Error {}

/**
 * The real path of the output folder `outDir` (absolute), which need not
 * exist yet: symbolic links in it are resolved, and it must lie inside the
 * project folder `root` (resolved too). Throws `OutputRefused` otherwise.
 */
export async function resolveOutDir(root: string, outDir: string, display = outDir): Promise<string> {
  const realRoot = await realpath(root);
  const missing: string[] = [];
  let at = path.resolve(outDir);
  let real: string;
  for (;;) {
    try {
      real = await realpath(at);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const link = await lstat(at).catch(() => null);
      if (link?.isSymbolicLink()) {
        throw new OutputRefused(
          `The output folder \`${display}\` goes through the symbolic link \`${at}\`, whose target does not exist; fix or remove the link.`,
        );
      }
      missing.unshift(path.basename(at));
      const up = path.dirname(at);
      if (up === at) throw error;
      at = up;
    }
  }
  const resolved = path.join(real, ...missing);
  if (!isInside(realRoot, resolved)) {
    throw new OutputRefused(
      `The output folder \`${display}\` leads outside the project (to \`${resolved}\`) through a symbolic link; give \`outDir\` a folder inside the project.`,
    );
  }
  return resolved;
}

/** Where a swap killed between its renames left the old folder. */
function asidePath(outDir: string): string {
  return path.join(path.dirname(outDir), `${TEMP_PREFIX}old-${path.basename(outDir)}`);
}

interface Scan {
  /** Regular files, relative and `/`-separated. */
  files: string[];
  /** Anything else that is not a folder (symbolic links, FIFOs, sockets, devices), with what it is. */
  others: Map<string, string>;
  /** Folders holding nothing at all. */
  emptyDirs: string[];
}

async function scan(dir: string): Promise<Scan> {
  const out: Scan = { files: [], others: new Map(), emptyDirs: [] };
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(rel === '' ? dir : path.join(dir, rel), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' && rel === '') return;
      throw error;
    }
    if (entries.length === 0 && rel !== '') out.emptyDirs.push(rel);
    for (const entry of entries) {
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) out.files.push(child);
      else out.others.set(child, entry.isSymbolicLink() ? 'a symbolic link' : 'not a regular file');
    }
  };
  await walk('');
  out.files.sort();
  out.emptyDirs.sort();
  return out;
}

/** Files under `dir` (anything that is not a folder), relative and `/`-separated, sorted; [] when it does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const { files, others } = await scan(dir);
  return [...files, ...others.keys()].sort();
}

/**
 * Whether the regular file `absolute` holds exactly the rendered file: its
 * `contents`, or (recorded by the run cache, manifest.ts) its size and
 * SHA-256. A size check comes first, so nothing larger is read.
 */
async function holds(absolute: string, file: OutputFile | ExpectedFile): Promise<boolean> {
  const size = 'contents' in file ? Buffer.byteLength(file.contents, 'utf8') : file.size;
  try {
    const bytes = await readRegularFile(absolute, size);
    return 'contents' in file ? bytes.toString('utf8') === file.contents : isExpected(bytes, file);
  } catch (error) {
    if (error instanceof ReadRefused) return false;
    throw error;
  }
}

async function differencesIn(dir: string, contents: Scan, files: readonly (OutputFile | ExpectedFile)[]): Promise<Difference[]> {
  const existing = new Set(contents.files);
  const others = new Set(contents.others.keys());
  const differences: Difference[] = [];
  for (const file of files) {
    if (others.delete(file.path)) differences.push({ kind: 'stale', path: file.path });
    else if (!existing.delete(file.path)) differences.push({ kind: 'missing', path: file.path });
    else if (!(await holds(path.join(dir, file.path), file))) differences.push({ kind: 'stale', path: file.path });
  }
  for (const extra of [...existing, ...others]) differences.push({ kind: 'extra', path: extra });
  return differences.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Compares rendered files (or their recorded hashes) with the folder's
 * contents (every file under it counts). When a run was killed between the two renames of its swap, the
 * folder is absent and the old one is aside: that one is compared.
 */
export async function compareOutput(outDir: string, files: readonly (OutputFile | ExpectedFile)[]): Promise<Difference[]> {
  for (let attempt = 1; ; attempt++) {
    const dir = !existsSync(outDir) && existsSync(asidePath(outDir)) ? asidePath(outDir) : outDir;
    try {
      return await differencesIn(dir, await scan(dir), files);
    } catch (error) {
      // A run swapping the folder meanwhile: look again.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt === 3) throw error;
    }
  }
}

/**
 * Whether `outDir` holds exactly `files` and nothing is left over from an
 * interrupted run beside it (a folder aside, a temporary folder, a lock):
 * then `replaceOutput` would write nothing and `generate` may say so without
 * rendering (the run cache, manifest.ts). False when in doubt.
 */
export async function outputUpToDate(outDir: string, files: readonly ExpectedFile[]): Promise<boolean> {
  try {
    const name = path.basename(outDir);
    if (readdirSync(path.dirname(outDir)).some((entry) => entry.startsWith(TEMP_PREFIX) && entry.includes(name))) return false;
    if (!existsSync(outDir)) return false;
    return (await differencesIn(outDir, await scan(outDir), files)).length === 0;
  } catch {
    return false;
  }
}

/** The output folder holds something rst-codegen did not write: it is never replaced then. */
export class ForeignFile extends Error {
  constructor(
    readonly file: string,
    what = "was not written by rst-codegen (it lacks rst-codegen's do-not-edit header)",
  ) {
    super(`\`${file}\` ${what}; the output folder is replaced whole, so move it out of the folder. Nothing was written.`);
  }
}

const JSON_STRING = String.raw`(?:[^"\\\n]|\\.)*`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The do-not-edit sentence of generated JSON files, with or without ` from <sources>`. */
const SENTENCE = (() => {
  const bare = doNotEdit([]);
  const cut = bare.indexOf('. ');
  return `${escapeRegExp(bare.slice(0, cut))}(?: from ${JSON_STRING})?${escapeRegExp(bare.slice(cut))}`;
})();
const GENERATED_JSON = [
  // model.json, *.schema.json, package.json (npm's `//` comment key)
  new RegExp(String.raw`^\{\n  "(?:generatedBy|\$comment|//)": "${SENTENCE}",\n`),
  // openapi.json
  new RegExp(String.raw`^\{\n  "openapi": "${JSON_STRING}",\n  "info": \{\n    "title": "${JSON_STRING}",\n    "description": "${SENTENCE}",\n`),
];
const GENERATED_TS = `// ${headerLines([])[0]}\n`;
/** How much of a file's start is read to find its header (the sentence lists the sources). */
const HEADER_WINDOW = 1024 * 1024;

/** Whether `text` (the start of the file `name`) begins with the exact header rst-codegen writes. */
export function isGeneratedText(name: string, text: string): boolean {
  if (name.endsWith('.ts')) return text.startsWith(GENERATED_TS);
  if (name.endsWith('.json')) return GENERATED_JSON.some((re) => re.test(text));
  return false;
}

async function isGeneratedFile(absolute: string): Promise<boolean> {
  const handle = await open(absolute, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEADER_WINDOW), 0, HEADER_WINDOW, 0);
    return isGeneratedText(absolute, buffer.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

export class Interrupted extends Error {
  constructor(readonly signal: string) {
    super(`Interrupted by ${signal}; the output folder was left as it was.`);
  }
}

/**
 * Replaces `outDir` (a real path, from `resolveOutDir`) with exactly `files`.
 * Returns false when nothing needed writing. Throws `ForeignFile` when the
 * folder holds something rst-codegen did not write, `Interrupted` when a
 * signal arrived before the swap (the old folder is then untouched), or the
 * file-system error that stopped it.
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
  const aside = asidePath(path.resolve(outDir));
  try {
    repairInterruptedSwap(path.resolve(outDir), aside);
    removeStaleTemporaries(parent, name);
    const contents = await scan(outDir);
    const differences = await differencesIn(outDir, contents, files);
    if (signal) throw new Interrupted(signal);
    if (differences.length === 0) return false;
    for (const d of differences) {
      if (d.kind === 'missing') continue;
      const other = contents.others.get(d.path);
      const shown = path.join(path.basename(outDir), d.path);
      if (other !== undefined) throw new ForeignFile(shown, `is ${other}, which rst-codegen never writes`);
      if (!(await isGeneratedFile(path.join(outDir, d.path)))) throw new ForeignFile(shown);
    }
    await mkdir(temp);
    const old = await stat(outDir).catch(() => null);
    for (const dir of contents.emptyDirs) await mkdir(path.join(temp, dir), { recursive: true });
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
      await pausePointForTests('writing', () => signal !== null);
    }
    if (old) await chmod(temp, old.mode & 0o7777);
    if (signal) throw new Interrupted(signal);
    // The swap: synchronous, so no signal handler can run in between.
    const hadOld = old !== null;
    if (hadOld) renameSync(outDir, aside);
    killPointForTests('swap-aside');
    renameSync(temp, outDir);
    killPointForTests('swap-done');
    if (hadOld) rmSync(aside, { recursive: true, force: true });
    return true;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(temp, { recursive: true, force: true });
    await release();
  }
}

/** A previous run killed between the two renames left the old folder aside: put it back (or drop it when the swap completed). */
function repairInterruptedSwap(outDir: string, aside: string): void {
  if (!existsSync(aside)) return;
  if (!existsSync(outDir)) renameSync(aside, outDir);
  else rmSync(aside, { recursive: true, force: true });
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
