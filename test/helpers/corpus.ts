/**
 * The one corpus helper: where ../shared is, which RST pages it holds, their
 * oracle JSON (docutils' reading), and the visible skip message when it is
 * absent. Tests, scripts/bench.ts and scripts/fuzz.ts read the corpus through
 * it; nothing is ever copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const corpusDir = path.join(sharedDir, 'corpus');
/** The status-code and error-code pages (41 services). */
const codesDir = path.join(corpusDir, 'status-and-error-codes');
/** The services' docs folders inside `codesDir`. */
export const codesDocsDir = path.join(codesDir, 'opentelekomcloud-docs');
/** docutils' reading of every corpus page: `oracle/<path relative to corpus>.json`. */
const oracleDir = path.join(corpusDir, 'oracle');

/**
 * Whether `dir` (default: the corpus and its oracle) is there. When it is
 * not, prints `<what> skipped: ../shared not found` so the skip is visible;
 * use as `describe.skipIf(!sharedPresent('...'))`.
 */
export function sharedPresent(what: string, dirs: readonly string[] = [corpusDir, oracleDir]): boolean {
  const present = dirs.every((d) => existsSync(d));
  if (!present) console.log(`${what} skipped: ../shared not found`);
  return present;
}

/**
 * Every `.rst` file under `dir` (absolute paths), depth first with the names
 * of each folder in code-unit order; `oracle` folders are not entered.
 * An absent `dir` gives none.
 */
export function rstFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'oracle') walk(full);
      } else if (entry.name.endsWith('.rst')) out.push(full);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export interface CorpusPage {
  /** Absolute path of the page. */
  file: string;
  /** Path relative to `base` (POSIX separators). */
  rel: string;
  /** Absolute path of docutils' reading of it (the oracle JSON). */
  oracle: string;
}

/** The pages under `base` (default: the status-code pages), with their oracle files. */
export function corpusPages(base: string = codesDir): CorpusPage[] {
  return rstFiles(base).map((file) => ({
    file,
    rel: path.relative(base, file).split(path.sep).join('/'),
    oracle: path.join(oracleDir, `${path.relative(corpusDir, file)}.json`),
  }));
}

/** The service of a status-code page: the folder after `opentelekomcloud-docs/`. */
export function serviceOf(page: CorpusPage): string {
  const parts = path.relative(codesDir, page.file).split(path.sep);
  return parts[1] ?? parts[0]!;
}

export function readPage(page: CorpusPage): string {
  return readFileSync(page.file, 'utf8');
}

export function readOracle<T = unknown>(page: CorpusPage): T {
  return JSON.parse(readFileSync(page.oracle, 'utf8')) as T;
}
