/**
 * Differential check against docutils: our parser's reading of a document
 * (`toOracleJson(fromRst(text))`) and docutils' (the oracle JSON from a
 * DocutilsWorker) compared in two parts — the tables and their cells, and the
 * messages (the document's and those inside tables, and the unknown roles
 * and directives) — and a minimiser (delta debugging over lines, then over
 * columns, then over characters) that shrinks a differing document while it keeps differing in
 * the same place.
 */
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import type { OracleJson } from '../../src/parse/oracle-json.js';
import type { OracleAnswer } from './docutils-worker.js';

/** A lone UTF-16 surrogate, which no file can hold: replaced before comparing. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `text` as a file can hold it (lone surrogates become U+FFFD). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export interface Difference {
  /** 'tables': tables or cells differ; 'messages': only messages (or unknown roles/directives) differ. */
  part: 'tables' | 'messages';
  /** Where they first differ, e.g. `tables[0].line` or `messages[1].message`, without the indexes: groups similar causes. */
  where: string;
  expected: unknown;
  got: unknown;
}

function firstDifference(a: unknown, b: unknown, at: string): { at: string; expected: unknown; got: unknown } | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${at}[]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
      const d = firstDifference(ao[key], bo[key], `${at}.${key}`);
      if (d) return d;
    }
  }
  return { at, expected: a, got: b };
}

/** The tables without their messages (those count as messages). */
function tablesOnly(j: OracleJson): unknown {
  return j.tables.map((t) => ({ ...t, messages: undefined }));
}
function messagesOnly(j: OracleJson): unknown {
  return {
    messages: j.messages,
    tableMessages: j.tables.map((t) => t.messages),
    unknown_roles: j.unknown_roles,
    unknown_directives: j.unknown_directives,
  };
}

/** Our reading of `text` in the oracle's shape. */
export function ours(text: string): OracleJson {
  return toOracleJson(fromRst(text, { skeleton: false }), 'case.rst');
}

/** How our reading differs from docutils' (null: the same; a docutils error counts as no comparison). */
export function compare(mine: OracleJson, oracle: OracleJson): Difference | null {
  const t = firstDifference(tablesOnly(oracle), tablesOnly(mine), 'tables');
  if (t) return { part: 'tables', where: t.at, expected: t.expected, got: t.got };
  const m = firstDifference(messagesOnly(oracle), messagesOnly(mine), '');
  if (m) return { part: 'messages', where: m.at.slice(1), expected: m.expected, got: m.got };
  return null;
}

/** Compares one document; null when docutils raised (there is nothing to compare with). */
async function differenceOf(text: string, ask: (t: string) => Promise<OracleAnswer>): Promise<Difference | null | 'oracle-error'> {
  const answer = await ask(text);
  if ('error' in answer) return 'oracle-error';
  return compare(ours(text), answer.out);
}

/**
 * ddmin over `units`: the smallest subsequence (1-minimal) for which
 * `fails(join(subsequence))` holds, at most `budget` tests.
 */
async function ddmin(units: string[], join: (u: string[]) => string, fails: (t: string) => Promise<boolean>, budget: { left: number }): Promise<string[]> {
  let n = 2;
  while (units.length >= 2 && budget.left > 0) {
    const size = Math.ceil(units.length / n);
    let reduced = false;
    for (let i = 0; i < units.length && budget.left > 0; i += size) {
      const complement = [...units.slice(0, i), ...units.slice(i + size)];
      budget.left--;
      if (complement.length && (await fails(join(complement)))) {
        units = complement;
        n = Math.max(n - 1, 2);
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      if (n >= units.length) break;
      n = Math.min(units.length, n * 2);
    }
  }
  return units;
}

/**
 * The smallest document found (lines, then characters) that still differs
 * from docutils in the same part and place as `text` does.
 */
export async function minimise(text: string, first: Difference, ask: (t: string) => Promise<OracleAnswer>, tests = 2000): Promise<string> {
  const same = async (t: string): Promise<boolean> => {
    const d = await differenceOf(t, ask);
    return d !== null && d !== 'oracle-error' && d.part === first.part && d.where === first.where;
  };
  const budget = { left: tests };
  const lines = (await ddmin(text.split(/(?<=\n)/), (u) => u.join(''), same, budget)).join('');
  // columns: the same character positions out of every line at once (keeps a table's borders aligned)
  const rows = lines.split('\n');
  const width = Math.max(...rows.map((r) => [...r].length));
  const keep = (cols: string[]) => {
    const kept = new Set(cols.map(Number));
    return rows.map((r) => [...r].filter((_, i) => kept.has(i)).join('')).join('\n');
  };
  const columns = keep(
    await ddmin(
      Array.from({ length: width }, (_, i) => String(i)),
      keep,
      same,
      budget,
    ),
  );
  const chars = await ddmin([...columns], (u) => u.join(''), same, budget);
  return chars.join('');
}
