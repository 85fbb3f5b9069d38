/**
 * The inline nodes docutils builds for the document tree (`inlineNodes`),
 * before the Inliner gives them their value and source position: the nodes
 * of the simple start-strings and of phrase references, and the one text
 * node of a text block without markup.
 */
import { normalizeName } from '../block-text.js';
import type { RstInline } from '../types.js';
import type { InlineOptions } from './types.js';

/** An inline node before `emit` gives it its value and position. */
export type InlineSpec =
  | { type: 'text' | 'strong' | 'emphasis' | 'literal' | 'subscript' | 'superscript' | 'math' | 'titleReference' | 'abbreviation' | 'acronym' | 'problematic' }
  | { type: 'reference'; role: string | null; target: string | null; explicit: boolean; refname: string | null; refuri: string | null; anonymous: boolean }
  | { type: 'footnoteReference' | 'citationReference'; refname: string | null }
  | { type: 'substitutionReference'; refname: string }
  | { type: 'inlineTarget'; name: string };

/** What `phraseText` found: the shown text and where the reference leads. */
export interface PhraseRef {
  text: string;
  refname: string | null;
  refuri: string | null;
  /** `text <target>` form. */
  embedded: boolean;
}

/** The node of a simple start-string (`**`, `*`, ` `` `, `` _` ``, `|`) whose end-string was found. */
export function simpleSpec(token: string, text: string, endString: string): InlineSpec {
  switch (token) {
    case '**':
      return { type: 'strong' };
    case '*':
      return { type: 'emphasis' };
    case '``':
      return { type: 'literal' };
    case '_`':
      return { type: 'inlineTarget', name: normalizeName(text) };
    default:
      // `|name|`, `|name|_`, `|name|__`: the substitution reference (the reference around it is not kept)
      void endString;
      return { type: 'substitutionReference', refname: normalizeName(text) };
  }
}

export function phraseSpec(phrase: PhraseRef, anonymous: boolean): InlineSpec {
  const bare = anonymous && !phrase.embedded;
  return {
    type: 'reference',
    role: null,
    target: null,
    explicit: false,
    refname: bare ? null : phrase.refname,
    refuri: bare ? null : phrase.refuri,
    anonymous: bare,
  };
}

/** The nodes of a text block without markup: one text node spanning it (none for an empty block). */
export function plainTextNodes(raw: string, options: InlineOptions): RstInline[] {
  if (raw === '') return [];
  // the index and length of the last line, without splitting (this runs for every plain cell of every table)
  let last = 0;
  for (let at = raw.indexOf('\n'); at !== -1; at = raw.indexOf('\n', at + 1)) last++;
  const lastLength = raw.length - (raw.lastIndexOf('\n') + 1);
  const lastColumn = options.lineColumns?.[last] ?? (last === 0 ? (options.column ?? 1) : 1);
  const start = { line: options.lineNumbers?.[0] ?? options.line, column: options.lineColumns?.[0] ?? options.column ?? 1 };
  const end = { line: options.lineNumbers?.[last] ?? options.line + last, column: lastColumn + lastLength };
  const span = options.span;
  const same =
    span !== undefined && span.start.line === start.line && span.start.column === start.column && span.end.line === end.line && span.end.column === end.column;
  return [{ type: 'text', value: raw, position: same ? span : { start, end } }];
}
