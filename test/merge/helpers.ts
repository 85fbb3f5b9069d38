/** Helpers shared by the merge tests: comments, kept lines, fixtures. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffLines } from 'diff';
import { CST, Lexer, parse } from 'yaml';
import type { GeneratedComponents } from '../../src/merge/index.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = path.join(repoRoot, 'test', 'fixtures', 'merge');

export function readFixture(name: string): string {
  return readFileSync(path.join(fixtures, name), 'utf8');
}

/** The generated components of the fixture `generated.openapi.json` (the emit stage's shape). */
export function generated(): GeneratedComponents {
  const doc = JSON.parse(readFixture('generated.openapi.json')) as { components: GeneratedComponents };
  return doc.components;
}

/** Every comment of a YAML text, as the YAML lexer sees them (a `#` in a block scalar is not one). */
export function comments(text: string): string[] {
  const found: string[] = [];
  for (const token of new Lexer().lex(text)) {
    if (CST.tokenType(token) === 'comment') found.push(token);
  }
  return found;
}

/**
 * The lines of `original` (1-based) that do not appear unchanged, in order,
 * in `merged`: a longest-common-subsequence match of lines, so inserted lines
 * are skipped and a changed line shows up. With `json`, a trailing comma is
 * ignored, since appending a member after `}` turns it into `},`.
 * Uses the `diff` package's line diff (Myers), independent of the merge code.
 */
export function lostLines(original: string, merged: string, json = false): number[] {
  // A last line gaining its newline is not a change of the line.
  const norm = (text: string): string => {
    const lines = text.endsWith('\n') ? text : `${text}\n`;
    return json ? lines.replace(/,(\r?\n)/g, '$1') : lines;
  };
  const lost: number[] = [];
  let line = 1;
  for (const part of diffLines(norm(original), norm(merged))) {
    const count = part.count ?? 0;
    if (part.removed) for (let i = 0; i < count; i++) lost.push(line + i);
    if (!part.added) line += count;
  }
  return lost;
}

/** Reads a spec's data (YAML or JSON) with merge keys on. */
export function data(text: string): Record<string, unknown> {
  return parse(text, { merge: true }) as Record<string, unknown>;
}
