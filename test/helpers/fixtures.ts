/**
 * The one fixture-pair helper: every input/expected fixture test reads its
 * expected file through `expectedText` (directly or through `fixturePairs`).
 *
 * - A missing expected file fails the test: never a silent pass.
 * - `UPDATE_EXPECTED=1 npx vitest run test/...` writes expected files (new or
 *   changed) from what the test hands over, for review in the diff. For
 *   fixtures whose expected output is docutils' (the oracle JSON), the test
 *   hands over docutils' output (`oracleJson`), never ours.
 * - With `CI=true` nothing is ever written, even with UPDATE_EXPECTED=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { sharedDir } from './corpus.js';

/** True when expected files may be written: UPDATE_EXPECTED=1 outside CI. */
const updating = process.env['UPDATE_EXPECTED'] === '1' && process.env['CI'] !== 'true';

/** Writes `produce()` to `file` when updating and `file` is missing or not `same` as it; then reads it, failing when missing. */
function ensure(file: string, produce: () => string, same: (old: string, text: string) => boolean): string {
  if (updating) {
    const text = produce();
    if (!existsSync(file) || !same(readFileSync(file, 'utf8'), text)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  if (!existsSync(file)) {
    throw new Error(`Missing expected file ${path.relative(process.cwd(), file)}: run the test with UPDATE_EXPECTED=1 to write it, then review it.`);
  }
  return readFileSync(file, 'utf8');
}

/**
 * The text of the expected file `file`, for a test comparing `actual` with
 * it. When updating, `actual` is written there first if it differs.
 */
export function expectedText(file: string, actual: string): string {
  return ensure(
    file,
    () => actual,
    (old, text) => old === text,
  );
}

/**
 * The JSON value of the oracle fixture `expected`: docutils' reading of
 * `input`. When updating, ../shared/tools/rst-oracle.py is run on `input`
 * (docutils' output, never ours) and written if it says something else
 * (a different value: formatting of existing files is kept).
 */
export function expectedOracle(input: string, expected: string): unknown {
  return JSON.parse(
    ensure(
      expected,
      () => oracleJson(input),
      (old, text) => isDeepStrictEqual(JSON.parse(old), JSON.parse(text)),
    ),
  );
}

export interface FixturePair {
  /** The input's name without its suffix (the test name). */
  name: string;
  /** Absolute path of the input. */
  input: string;
  /** Absolute path of its expected file (which may be missing: `expectedText` fails then). */
  expected: string;
}

export interface PairOptions {
  /** Suffix of inputs, e.g. `.rst`. */
  input: string;
  /** Suffix of expected files, e.g. `.expected.json`. */
  expected: string;
  /** Only inputs whose name starts with this. */
  prefix?: string;
  /** Input names (with suffix) that are not pairs, e.g. inputs used by a test of their own. */
  exclude?: readonly string[];
  /** Also list folders (a fixture of several inputs) as pairs, with `expected` beside the folder. */
  folders?: boolean;
}

/**
 * The fixture pairs of `dir`, sorted by name: every input with the expected
 * file beside it. Throws on an expected file that no input matches (an
 * orphan is a test that silently stopped running).
 */
export function fixturePairs(dir: string, options: PairOptions): FixturePair[] {
  const names = readdirSync(dir, { withFileTypes: true });
  const pairs: FixturePair[] = [];
  for (const entry of names) {
    const isInput = entry.isFile() && entry.name.endsWith(options.input) && !entry.name.endsWith(options.expected);
    const isFolder = options.folders === true && entry.isDirectory();
    if (!isInput && !isFolder) continue;
    if (options.prefix !== undefined && !entry.name.startsWith(options.prefix)) continue;
    if (options.exclude?.includes(entry.name)) continue;
    const name = isInput ? entry.name.slice(0, -options.input.length) : entry.name;
    pairs.push({ name, input: path.join(dir, entry.name), expected: path.join(dir, name + options.expected) });
  }
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const known = new Set(pairs.map((p) => path.basename(p.expected)));
  const orphans = names
    .map((e) => e.name)
    .filter((n) => n.endsWith(options.expected) && (options.prefix === undefined || n.startsWith(options.prefix)) && !known.has(n));
  if (orphans.length > 0) throw new Error(`Expected files without an input in ${dir}: ${orphans.join(', ')}`);
  return pairs;
}

/**
 * docutils 0.19's reading of an RST file, as ../shared/tools/rst-oracle.py
 * prints it (run beside the file, so `source` is its bare name): what oracle
 * fixtures are updated from, never our own output.
 */
function oracleJson(input: string): string {
  const tool = path.join(sharedDir, 'tools', 'rst-oracle.py');
  if (!existsSync(tool)) throw new Error(`Cannot update ${input}'s expected file: ${tool} not found (../shared is needed).`);
  return execFileSync('/usr/bin/python3', [tool, path.basename(input)], { cwd: path.dirname(input), encoding: 'utf8' });
}
