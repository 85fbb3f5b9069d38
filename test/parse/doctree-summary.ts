/**
 * The document tree (`RstDocument`) printed in the JSON shape of
 * `scripts/docutils-doctree.py`, so that both compare with `JSON.stringify`.
 * See the script's docstring for the fields.
 */
import { pyCollapse } from '../../src/parse/block-text.js';
import type { RstBlock, RstDocument, RstInline, RstParagraphNode } from '../../src/parse/index.js';

interface DoctreeRef {
  role?: string;
  title: string;
  target?: string | null;
  explicit?: boolean;
  refuri?: string;
  refname?: string;
  anonymous?: boolean;
}

export interface DoctreeSummary {
  source: string;
  labels: { name: string; line: number | null; element: string }[];
  sections: { title: string; depth: number; line: number | null; labels: string[] }[];
  tables: { title: string | null; labels: string[] }[];
  literal_blocks: { text: string; language: string | null; directive: string | null; line: number | null; labels: string[] }[];
  list_items: { line: number | null; text: string | null; inline: [string, string][] | null; labels: string[] }[];
  paragraphs: { line: number | null; text: string; inline: [string, string][]; refs: DoctreeRef[] }[];
  admonitions: { name: string; title: string | null; blocks: string[]; labels: string[] }[];
  definitions: { term: string; classifiers: string[]; labels: string[] }[];
  error?: string;
}

/** PEP and RFC roles: docutils builds a plain URI reference for them (the script counts it as text). */
const URI_ROLES = new Set(['pep', 'pep-reference', 'rfc', 'rfc-reference']);

function isUriRole(n: RstInline): boolean {
  return n.type === 'reference' && n.role !== null && URI_ROLES.has(n.role.toLowerCase());
}

/** Pre-order walk of every block, cells' blocks included; the flag: inside a csv-table. */
function* walkIn(nodes: readonly RstBlock[], csv: boolean): Generator<[RstBlock, boolean]> {
  for (const n of nodes) {
    yield [n, csv];
    if (n.type === 'table') for (const c of n.cells) yield* walkIn(c.children, csv || n.kind === 'csv-table');
    else if ('children' in n) yield* walkIn(n.children as readonly RstBlock[], csv);
  }
}

function signature(nodes: readonly RstInline[]): [string, string][] {
  const out: [string, string][] = [];
  for (const n of nodes) {
    const kind = n.type === 'text' || isUriRole(n) ? 'text' : n.type;
    if (kind === 'text') {
      if (n.value === '') continue;
      const last = out[out.length - 1];
      if (last && last[0] === 'text') last[1] += n.value;
      else out.push(['text', n.value]);
    } else out.push([kind, n.value]);
  }
  return out;
}

function refs(p: RstParagraphNode): DoctreeRef[] {
  const out: DoctreeRef[] = [];
  for (const n of p.inline) {
    if (n.type !== 'reference' || isUriRole(n)) continue;
    if (n.role !== null) out.push({ role: n.role, title: n.value, target: n.target, explicit: n.explicit });
    else if (n.refuri !== null) out.push({ title: n.value, refuri: n.refuri });
    else if (n.refname !== null) out.push({ title: n.value, refname: n.refname });
    else out.push({ title: n.value, anonymous: true });
  }
  return out;
}

/** Line of the first paragraph, literal block or target (not in a csv-table: docutils numbers those from 1). */
function firstLine(nodes: readonly RstBlock[], csv: boolean): number | null {
  for (const [n, inCsv] of walkIn(nodes, csv)) {
    if (inCsv && n.type === 'paragraph') continue;
    if (n.type === 'paragraph' || n.type === 'literalBlock' || n.type === 'target') return n.position.start.line;
  }
  return null;
}

/** docutils' node name of a block. */
function tagOf(n: RstBlock): string {
  switch (n.type) {
    case 'list':
      return n.ordered ? 'enumerated_list' : 'bullet_list';
    case 'literalBlock':
      return n.language === 'pycon' && n.directive === null ? 'doctest_block' : 'literal_block';
    case 'admonition':
    case 'container':
    case 'other':
      return n.name === 'admonition' || n.type !== 'container' || !n.unknownDirective ? n.name : 'container';
    case 'blockQuote':
      return 'block_quote';
    case 'definitionList':
      return 'definition_list';
    case 'fieldList':
      return 'field_list';
    case 'listItem':
      return 'list_item';
    case 'definitionItem':
      return 'definition_list_item';
    default:
      return n.type;
  }
}

export function doctreeSummary(doc: RstDocument, source: string): DoctreeSummary {
  const out: DoctreeSummary = {
    source,
    labels: doc.labels.map((l) => ({ name: l.name, line: l.position.start.line, element: l.element })),
    sections: [],
    tables: [],
    literal_blocks: [],
    list_items: [],
    paragraphs: [],
    admonitions: [],
    definitions: [],
  };
  for (const [n, inCsv] of walkIn(doc.children, false)) {
    const labels = n.labels ?? [];
    switch (n.type) {
      case 'section':
        out.sections.push({
          title: n.title,
          depth: n.depth,
          line: n.titleInline[0]?.position.start.line ?? n.position.start.line,
          labels,
        });
        break;
      case 'table':
        out.tables.push({ title: n.title, labels });
        break;
      case 'literalBlock':
        if (n.language === 'pycon' && n.directive === null) break; // a doctest block
        out.literal_blocks.push({ text: n.text, language: n.language, directive: n.directive, line: n.position.start.line, labels });
        break;
      case 'listItem': {
        const first = n.children[0];
        const par = first?.type === 'paragraph' ? first : null;
        out.list_items.push({
          line: firstLine(n.children, inCsv),
          text: par ? pyCollapse(par.text) : null,
          inline: par ? signature(par.inline) : null,
          labels,
        });
        break;
      }
      case 'paragraph':
        out.paragraphs.push({ line: inCsv ? null : n.position.start.line, text: pyCollapse(n.text), inline: signature(n.inline), refs: refs(n) });
        break;
      case 'admonition':
        out.admonitions.push({ name: n.name, title: n.title, blocks: n.children.map(tagOf), labels });
        break;
      case 'definitionItem':
        out.definitions.push({ term: n.term, classifiers: n.classifiers, labels });
        break;
      default:
        break;
    }
  }
  return out;
}
