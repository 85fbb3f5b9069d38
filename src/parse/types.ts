/**
 * The RST tree produced by the parse stage.
 *
 * It is deliberately small: it keeps what the later stages need (the document
 * skeleton — sections, list items, directives — and every table with its
 * cells), each node with an exact source position. Lines and columns are
 * 1-based, as in unist/vfile; `offset` is 0-based into the decoded text.
 */

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units of the source line (as vfile does). */
  column: number;
  /** 0-based offset into the decoded source text, when known. */
  offset?: number;
}

export interface Position {
  start: Point;
  /** Exclusive end. */
  end: Point;
}

/** docutils' system-message levels: 1 INFO, 2 WARNING, 3 ERROR, 4 SEVERE. */
export type SystemMessageLevel = 1 | 2 | 3 | 4;
export type SystemMessageType = 'INFO' | 'WARNING' | 'ERROR' | 'SEVERE';

/**
 * A message as docutils reports it (same level, line and text), with the
 * rule id and column rst-codegen adds so it can be shown as `file:line:col`.
 */
export interface SystemMessage {
  level: SystemMessageLevel;
  type: SystemMessageType;
  /** 1-based line docutils reports (for a malformed table: the table's first line). */
  line: number;
  /** 1-based column of the construct, when known. */
  column: number;
  /** docutils' text, e.g. "Malformed table.\nText in column margin in table line 3." */
  message: string;
  /** Stable rule id, e.g. `malformed-table`, `blank-line-after-table`. */
  ruleId: string;
}

/**
 * How the table was written: a grid or simple table (maybe inside `.. table::`), a csv-table or a list-table
 * directive, or `table` for a csv-table or list-table given as the content of `.. table::` (docutils' reading
 * names the outer directive then; `line` is its line).
 */
export type TableKind = 'grid' | 'simple' | 'csv-table' | 'list-table' | 'table';

/** One table cell, rows and columns 0-based counting header rows first. */
export interface RstCell {
  type: 'cell';
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** Plain text, reduced exactly as the oracle does (see ../shared/README.md). */
  text: string;
  /** Tag names of the cell's top-level block elements (docutils' names: paragraph, bullet_list, note...). */
  blocks: string[];
  /** From the cell's first content character to the end of its last content line; for an empty cell, its interior. */
  position: Position;
}

export interface RstTable {
  type: 'table';
  kind: TableKind;
  /** Index in document order, 0-based. */
  index: number;
  /** First border line (grid/simple) or the directive's line (csv-table/list-table). 1-based. */
  line: number;
  /** Line of the enclosing `.. table::` (or the csv/list-table directive), else null. */
  directiveLine: number | null;
  /** The caption (`.. table:: **Table 1** Status codes` -> "Table 1 Status codes"), else null. */
  title: string | null;
  headerRows: number;
  columns: number;
  rows: number;
  colwidths: number[];
  stubColumns: number;
  /** Row-major, header rows first; each cell appears once, at its top-left slot. */
  cells: RstCell[];
  /** System messages produced while parsing the table's cells. */
  messages: SystemMessage[];
  /** From the first border (or directive) to the end of the last border line. */
  position: Position;
}

/** A section: its title and everything up to the next section of the same or higher level. */
export interface RstSection {
  type: 'section';
  title: string;
  /** 1 for the document title level, 2 below it, ... (order of first appearance of each adornment style). */
  depth: number;
  children: RstNode[];
  position: Position;
}

/** A bullet or enumerated list item; `label` is the text of its first paragraph ("Normal"). */
export interface RstListItem {
  type: 'listItem';
  label: string;
  children: RstNode[];
  position: Position;
}

/** A directive (`.. name:: argument`), e.g. `table`, `note`, `code-block`. */
export interface RstDirective {
  type: 'directive';
  name: string;
  argument: string;
  children: RstNode[];
  position: Position;
}

/** A paragraph outside tables (kept so the model can read captions like "Table 2 Error codes"). */
export interface RstParagraph {
  type: 'paragraph';
  /** Plain text, inline markup reduced, whitespace collapsed. */
  text: string;
  position: Position;
}

export type RstParent = RstRoot | RstSection | RstListItem | RstDirective;
export type RstNode = RstSection | RstListItem | RstDirective | RstParagraph | RstTable;

export interface RstRoot {
  type: 'root';
  children: RstNode[];
  /** Every system message of the document, tables' included, in document order. */
  messages: SystemMessage[];
  /** Interpreted-text roles docutils did not know (names as written, sorted by code point), e.g. `['ref']`. */
  unknownRoles?: string[];
  /** Directives docutils did not know (names as written, sorted by code point), e.g. `['toctree']`. */
  unknownDirectives?: string[];
  position: Position;
  /** The whole block and inline tree, labels attached (only with `ParseOptions.document`); see `RstDocument`. */
  document?: RstDocument;
  /** The literal blocks outside tables, in document order (only with `ParseOptions.literalBlocks` and no `document`). */
  literalBlocks?: RstLiteralText[];
}

/** A literal block's text and where it starts (as the document tree's `literalBlock` gives them). */
export interface RstLiteralText {
  text: string;
  line: number;
  column: number;
}

export interface ParseOptions {
  /** Shown in messages; not read from disk. */
  path?: string;
  /**
   * Build the section / list-item / directive skeleton (default true). The
   * `tables` command and the benchmark turn it off: tables are then children of
   * the root, in document order.
   */
  skeleton?: boolean;
  /**
   * Also build `RstRoot.document`: every block (sections, paragraphs, lists,
   * literal blocks, tables with their cells' blocks, admonitions...) with its
   * position, labels and inline nodes (default false; the plain path does no
   * extra work). Combine with `skeleton: false` to skip the slow skeleton.
   */
  document?: boolean;
  /**
   * With `document`: give each table cell its block tree (default true). False leaves every cell's
   * `children` empty (its `text` and position stay), which skips most of the tree's cost on a page of
   * tables, for readers that take cells from `RstRoot.children` (the operation model): the parser keeps no
   * spans inside grid and simple table cells. `document.labels` then leaves out the labels written inside
   * such cells (their names still go to the node after them), labels given to a block inside a cell have
   * `nodeType: null`, and the inline parse skips the cells' problems when it counts them against the
   * per-rule message limit.
   */
  cellBlocks?: boolean;
  /**
   * Without `document`: give `RstRoot.literalBlocks` (the literal blocks outside tables), which is all the
   * model reads of the document tree, without building it (default false).
   */
  literalBlocks?: boolean;
  /**
   * With `skeleton: false` and no `document`: each table is given here, in document order, as soon as the
   * parse is past it, instead of to `RstRoot.children` (a reader that writes tables out holds none of them).
   */
  onTable?: (table: RstTable) => void;
  /**
   * Without `document` and without `onTable` (which is given the tables as they are): each table, as it is
   * made, is replaced with what this gives (the model keeps only the
   * header and place of a table that is not a code table: `keepForModel`), so a large page's tables are not
   * held whole until the model reads them.
   */
  mapTable?: (table: RstTable) => RstTable;
}

// ===================================================================== document

/*
 * The public document tree: the block and inline structure of a page as
 * docutils 0.19 parses it (plus the one docutils transform that matters to
 * readers of API pages, `PropagateTargets`: a `.. _label:` target gives its
 * name to the element after it). Produced by `fromRst(text, { document: true })`
 * as `RstRoot.document`.
 *
 *   .. _tab_1:                        table  labels ["tab_1"], title "Table 1 x"
 *                                       └ cell (1,1) children:
 *   .. table:: **Table 1** x                paragraph inline: [text "Array of ",
 *                                              reference {role "ref", value "y",
 *      +------+------------------------+                  target "lbl"}, text " objects"]
 *      | a    | Array of :ref:`y <lbl>` |
 *      |      | objects                 |
 *
 * Plain JSON (no classes, no cycles, no undefined values). Every node has a
 * `position` (1-based line and column, UTF-16 columns as vfile counts them;
 * `end` is exclusive). Labels are normalised as docutils normalises
 * reference names (`fully_normalize_name`: lower case, whitespace runs
 * collapsed to one space), so `:ref:` targets compare with `===`.
 */

// ------------------------------------------------------------------ inline

/** Plain text (markup reduced, backslash escapes removed; whitespace as written). */
export interface RstText {
  type: 'text';
  value: string;
  position: Position;
}

/** `**x**` (`strong`), `*x*` (`emphasis`), ` ``x`` ` / `:code:` / `:literal:` (`literal`), and the other simple roles. */
export interface RstMarked {
  type: 'strong' | 'emphasis' | 'literal' | 'subscript' | 'superscript' | 'math' | 'titleReference' | 'abbreviation' | 'acronym';
  value: string;
  position: Position;
}

/**
 * A reference:
 * - `` `Title <https://x>`_ ``  -> value "Title", refuri "https://x"
 * - `` `Title <name_>`_ `` / `` `name`_ `` / `name_` -> refname "name" (normalised)
 * - ``:ref:`Title <label>` `` -> role "ref", value "Title", target "label", explicit true
 * - ``:ref:`label` ``        -> role "ref", value "label", target "label", explicit false
 * - any other role docutils does not know (Sphinx roles: `doc`, `term`, ...) the same way.
 *
 * For roles, `target` is what Sphinx resolves: the `<...>` part (or the whole
 * text), backslash escapes removed, whitespace runs turned into one space,
 * lower-cased for `ref` (as Sphinx's `std:ref` does), so it equals a label's
 * normalised name. `value` is the text docutils' tolerant oracle shows.
 */
export interface RstReference {
  type: 'reference';
  value: string;
  /** Role name as written (`ref`, `doc`, `std:ref`...), or null for a hyperlink reference (`` `x`_ ``, `x_`). */
  role: string | null;
  /** Role target (see above); null for hyperlink references and for role text starting with `!` (Sphinx: no cross-reference). */
  target: string | null;
  /** The role text had an explicit `Title <target>` form. */
  explicit: boolean;
  /** Hyperlink reference to a name (`` `x`_ ``, `x_`, `` `t <x_>`_ ``), normalised; else null. */
  refname: string | null;
  /** Hyperlink reference with an embedded URI (`` `t <https://x>`_ ``, `` `https://x`_ ``... ); else null. */
  refuri: string | null;
  /** Anonymous reference (`` `x`__ ``). */
  anonymous: boolean;
  position: Position;
}

/** `[1]_`, `[#x]_`, `[*]_` (footnote) and `[CIT]_` (citation) references. */
export interface RstFootnoteReference {
  type: 'footnoteReference' | 'citationReference';
  value: string;
  /** Normalised label, null for auto-numbered (`[#]_`) and auto-symbol (`[*]_`) footnotes. */
  refname: string | null;
  position: Position;
}

/** `|name|` (also `|name|_`): the substitution is not applied; `value` is the name. */
export interface RstSubstitutionReference {
  type: 'substitutionReference';
  value: string;
  /** Normalised substitution name. */
  refname: string;
  position: Position;
}

/** An inline target `` _`name` ``: `value` is the text, `name` the normalised name it defines. */
export interface RstInlineTarget {
  type: 'inlineTarget';
  value: string;
  name: string;
  position: Position;
}

/**
 * Text docutils could not read as markup (an unmatched start-string, a
 * disabled or unimplemented role): `value` is the raw text, as docutils'
 * `problematic` node holds it; the message is in `RstRoot.messages`.
 */
export interface RstProblematic {
  type: 'problematic';
  value: string;
  position: Position;
}

export type RstInline = RstText | RstMarked | RstReference | RstFootnoteReference | RstSubstitutionReference | RstInlineTarget | RstProblematic;

// ------------------------------------------------------------------- blocks

/** Fields every block node has. */
export interface RstBlockBase {
  /**
   * Names of the `.. _label:` targets that docutils' PropagateTargets gives
   * this element (the targets right before it, chained targets included) and
   * the element's own explicit names (a directive's `:name:` option),
   * normalised; absent when none.
   */
  labels?: string[];
  position: Position;
}

/** A section: `title` reduced as docutils' `astext()`, `depth` 1 for the first title style. */
export interface RstSectionNode extends RstBlockBase {
  type: 'section';
  title: string;
  titleInline: RstInline[];
  depth: number;
  children: RstBlock[];
}

/** A paragraph: `text` is `astext()` (whitespace as written, not collapsed). */
export interface RstParagraphNode extends RstBlockBase {
  type: 'paragraph';
  text: string;
  inline: RstInline[];
}

/** A bullet list (`ordered: false`, `bullet` "-", "*", "+", ...) or an enumerated list. */
export interface RstListNode extends RstBlockBase {
  type: 'list';
  ordered: boolean;
  /** The bullet character of a bullet list, else null. */
  bullet: string | null;
  /** docutils' enumtype of an enumerated list (`arabic`, `loweralpha`, ...), else null. */
  enumtype: string | null;
  /** The first ordinal of an enumerated list, else null. */
  start: number | null;
  children: RstListItemNode[];
}

export interface RstListItemNode extends RstBlockBase {
  type: 'listItem';
  children: RstBlock[];
}

/**
 * A literal block: `::` (directive null), `.. code-block:: json` /
 * `.. code::` / `.. sourcecode::` (directive as written, language its
 * argument or null), `.. parsed-literal::`, or a doctest block (`>>>`,
 * directive null, language "pycon"). `text` is verbatim.
 */
export interface RstLiteralBlockNode extends RstBlockBase {
  type: 'literalBlock';
  text: string;
  language: string | null;
  directive: string | null;
}

export interface RstTableCellNode {
  type: 'cell';
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** The cell's text reduced as `RstCell.text` (the oracle's reduction). */
  text: string;
  children: RstBlock[];
  position: Position;
}

/** A table, with the same fields as `RstTable` (index = its index in `RstRoot` order) and each cell's block tree. */
export interface RstTableNode extends RstBlockBase {
  type: 'table';
  kind: TableKind;
  index: number;
  /** Caption, reduced as `RstTable.title`. */
  title: string | null;
  titleInline: RstInline[] | null;
  headerRows: number;
  columns: number;
  rows: number;
  stubColumns: number;
  cells: RstTableCellNode[];
}

/** `.. note::`, `.. warning::` ... (`name` the docutils node name) and `.. admonition:: Title`. */
export interface RstAdmonitionNode extends RstBlockBase {
  type: 'admonition';
  name: string;
  /** The title of `.. admonition::`, else null. */
  title: string | null;
  children: RstBlock[];
}

export interface RstDefinitionListNode extends RstBlockBase {
  type: 'definitionList';
  children: RstDefinitionItemNode[];
}

export interface RstDefinitionItemNode extends RstBlockBase {
  type: 'definitionItem';
  term: string;
  termInline: RstInline[];
  classifiers: string[];
  children: RstBlock[];
}

export interface RstFieldListNode extends RstBlockBase {
  type: 'fieldList';
  children: RstFieldNode[];
}

export interface RstFieldNode extends RstBlockBase {
  type: 'field';
  name: string;
  children: RstBlock[];
}

export interface RstBlockQuoteNode extends RstBlockBase {
  type: 'blockQuote';
  attribution: string | null;
  children: RstBlock[];
}

/**
 * Any other element with block children: an unknown directive (`name` as
 * written, e.g. "toctree", content parsed), `container`, `compound`, `topic`,
 * `sidebar`, `footnote`, `citation`, `figure`/legend, `line_block`,
 * `option_list`... (`name` the docutils node name).
 */
export interface RstContainerNode extends RstBlockBase {
  type: 'container';
  name: string;
  /** True for a directive docutils does not know (its content was parsed as body elements). */
  unknownDirective: boolean;
  /** Its title (topic, sidebar), argument text of an unknown directive, else null. */
  title: string | null;
  children: RstBlock[];
}

/** A leaf element kept for completeness: `comment`, `transition`, `rubric`, `line`, `image`, `math_block`, `substitution_definition`... */
export interface RstOtherNode extends RstBlockBase {
  type: 'other';
  /** docutils' node name. */
  name: string;
  text: string;
}

/**
 * A hyperlink target that does not name the next element: an external
 * target (`.. _name: https://x` -> refuri; `.. _a: b_` -> refname "b"), or a
 * `.. _label:` with nothing after it that can take the name (labels then
 * stay here).
 */
export interface RstTargetNode extends RstBlockBase {
  type: 'target';
  /** The names this target defines itself (external targets), normalised. */
  names: string[];
  refuri: string | null;
  refname: string | null;
}

export type RstBlock =
  | RstSectionNode
  | RstParagraphNode
  | RstListNode
  | RstListItemNode
  | RstLiteralBlockNode
  | RstTableNode
  | RstAdmonitionNode
  | RstDefinitionListNode
  | RstDefinitionItemNode
  | RstFieldListNode
  | RstFieldNode
  | RstBlockQuoteNode
  | RstContainerNode
  | RstOtherNode
  | RstTargetNode;

/** Where a label leads: the labelled node's type, line and column (for `:ref:` resolution and diagnostics). */
export interface RstLabelTarget {
  /** Normalised label name. */
  name: string;
  /**
   * Type of the node that carries it (`section`, `table`, `paragraph`, `list`, ..., `target` when
   * nothing after it can take it), or null when docutils gives it to a node this tree does not
   * keep as a block (`.. _x:` as the very last thing in a table cell names the next cell).
   */
  nodeType: RstBlock['type'] | null;
  /** docutils' name of that node (`section`, `table`, `paragraph`, `bullet_list`, `literal_block`, ...). */
  element: string;
  /** Line and column of the `.. _label:` target (or of the directive whose `:name:` it is). */
  position: Position;
  /** Position of the labelled node. */
  nodePosition: Position;
}

export interface RstDocument {
  type: 'document';
  children: RstBlock[];
  /** Every label of the page in document order of its target (a name defined twice is listed twice). */
  labels: RstLabelTarget[];
  position: Position;
}
