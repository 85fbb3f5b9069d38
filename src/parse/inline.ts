/**
 * Inline markup reduced to text, exactly as docutils 0.19 does it: a port of
 * the recognition logic of `docutils.parsers.rst.states.Inliner` (plus the
 * standard roles of `docutils.parsers.rst.roles`, as the oracle
 * `../shared/tools/rst-oracle.py` runs them in its tolerant mode).
 *
 * What is computed is `paragraph.astext()` of the paragraph docutils builds
 * from a text block, and the system messages the Inliner emits:
 *
 *     raw:   "Use **bold**, ``x\*y``, :ref:`Codes <codes>` and *open"
 *     text:  "Use bold, x\*y, Codes and *open"
 *     messages: [WARNING "Inline emphasis start-string without end-string."]
 *
 * The modules of `inline/`, split as docutils splits it:
 *
 *     types.ts    InlineOptions, InlineResult
 *     text.ts     the code-point text view (Python indexes) and docutils' escapes
 *     chars.ts    character classes (punctuation_chars), URI and e-mail patterns
 *     scanner.ts  the start-string and end-string scanners (linear, unlike docutils' regexes)
 *     inliner.ts  states.Inliner: parse, messages and their positions, phrase references
 *     roles.ts    roles.py: the standard roles and unknown (Sphinx) roles
 *     nodes.ts    the inline nodes of the document tree (`inlineNodes`)
 *
 * Text without markup characters is returned as it is (MAY_HOLD_MARKUP).
 */
import type { RstInline } from './types.js';
import { Inliner } from './inline/inliner.js';
import { plainTextNodes } from './inline/nodes.js';
import type { InlineOptions, InlineResult } from './inline/types.js';

export type { InlineOptions, InlineResult } from './inline/types.js';

/**
 * Fast path: text without any of these characters comes out unchanged and
 * without messages. Every alternative of docutils' initial pattern needs one
 * of `*`, `` ` ``, `_`, `|` or `[` (a role `:name:` must be followed by a
 * backquote; a reference `name_` or `name__` needs its underscore), and
 * `escape2null` / `unescape` only change text holding a backslash or a NUL.
 */
const MAY_HOLD_MARKUP = /[*`_|[\\\0]/;

/** Whether `raw` may hold inline markup or escapes: false means `inlineText` gives it back as it is, without messages. */
export function mayHoldMarkup(raw: string): boolean {
  return MAY_HOLD_MARKUP.test(raw);
}

/**
 * Reduces a text block's inline markup to text, as docutils'
 * `Inliner.parse` + `paragraph.astext()` do, with docutils' messages.
 *
 *     inlineText('See `Errors <errors_>`_ and [1]_', { line: 3 })
 *       -> { text: 'See Errors and 1', messages: [] }
 */
export function inlineText(raw: string, options: InlineOptions): InlineResult {
  if (!mayHoldMarkup(raw)) return { text: raw, messages: [], unknownRoles: [] };
  return new Inliner(raw, options).parse();
}

/**
 * `inlineText` that also returns the inline nodes docutils builds (text,
 * strong, emphasis, literal, references with their role and target...),
 * each with its source position. `nodes` values joined give `text`.
 *
 *     inlineNodes('Array of :ref:`Tag <tag_1>` objects', { line: 4, column: 7 }).nodes
 *       -> [text "Array of ", reference {role "ref", value "Tag", target "tag_1"}, text " objects"]
 */
export function inlineNodes(raw: string, options: InlineOptions): InlineResult & { nodes: RstInline[] } {
  if (!mayHoldMarkup(raw)) {
    // no markup: one text node (most table cells: "String", "Yes", ...)
    return { text: raw, messages: [], unknownRoles: [], nodes: plainTextNodes(raw, options) };
  }
  const r = new Inliner(raw, options, true).parse();
  return { ...r, nodes: r.nodes ?? [] };
}
