/**
 * Directive lookup (docutils' `directives.directive()` with the oracle's
 * tolerant mode): a known directive by its canonical English name, a silent
 * one for directives docutils knows and rst-codegen has no use for, else
 * the generic container (and the name is recorded as unknown).
 */
import { BODY_DIRECTIVES, GENERIC, SILENT } from './body.js';
import type { DirectiveSpec } from './common.js';
import { TABLE_DIRECTIVES } from './tables.js';

const DIRECTIVES: Readonly<Record<string, DirectiveSpec>> = { ...TABLE_DIRECTIVES, ...BODY_DIRECTIVES };

/** docutils' English directive names (languages/en.py) -> canonical names. */
const ALIASES: Readonly<Record<string, string>> = { 'code-block': 'code', sourcecode: 'code', 'section-numbering': 'sectnum' };
const KNOWN_SILENT = new Set([
  'contents',
  'sectnum',
  'header',
  'footer',
  'target-notes',
  'meta',
  'replace',
  'unicode',
  'class',
  'role',
  'default-role',
  'title',
  'date',
  'restructuredtext-test-directive',
  'line-block',
]);

/** The directive called `typeName` (case-insensitive), and whether docutils knows it. */
export function lookupDirective(typeName: string): { spec: DirectiveSpec; known: boolean } {
  const lower = typeName.toLowerCase();
  const canonical = Object.hasOwn(ALIASES, lower) ? (ALIASES[lower] ?? lower) : lower;
  const spec = Object.hasOwn(DIRECTIVES, canonical) ? DIRECTIVES[canonical] : undefined;
  if (spec) return { spec, known: true };
  return KNOWN_SILENT.has(canonical) ? { spec: SILENT, known: true } : { spec: GENERIC, known: false };
}
