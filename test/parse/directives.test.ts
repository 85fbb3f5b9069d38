/** Directives on small inputs; expected values from the docutils oracle. */
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import type { RstTable } from '../../src/parse/types.js';

const parse = (text: string) => fromRst(text, { skeleton: false });

describe('directives', () => {
  it('.. table:: gives title, widths and directive line', () => {
    const t = parse('.. table:: **Table 1** Codes\n   :widths: 30 70\n\n   +---+---+\n   | a | b |\n   +---+---+\n').children[0] as RstTable;
    expect([t.title, t.colwidths, t.directiveLine, t.line, t.kind]).toEqual(['Table 1 Codes', [30, 70], 1, 4, 'grid']);
  });

  it('reports unknown options and missing content as docutils does', () => {
    const root = parse('.. table:: Cap\n   :unknown: 1\n\n   +---+\n   | a |\n   +---+\n\n.. note::\n\n.. code-block::\n\n   +---+\n   | b |\n   +---+\n');
    expect(root.children).toEqual([]);
    expect(root.messages.map((m) => [m.level, m.line, m.message, m.ruleId])).toEqual([
      [3, 1, 'Error in "table" directive:\nunknown option: "unknown".', 'directive-error'],
      [3, 8, 'Content block expected for the "note" directive; none found.', 'directive-content-missing'],
    ]);
  });

  it('list-table with header rows and stub columns', () => {
    const t = parse('.. list-table::\n   :header-rows: 1\n   :stub-columns: 1\n\n   * - A\n     - B\n   * - 1\n     - 2\n').children[0] as RstTable;
    expect([t.kind, t.headerRows, t.stubColumns, t.colwidths, t.cells.map((c) => c.text)]).toEqual(['list-table', 1, 1, [50, 50], ['A', 'B', '1', '2']]);
  });

  it('csv-table with a header option', () => {
    const t = parse('.. csv-table::\n   :header: "Code", "Text"\n\n   200, "OK, fine"\n').children[0] as RstTable;
    expect([t.kind, t.headerRows, t.rows, t.cells.map((c) => c.text)]).toEqual(['csv-table', 1, 2, ['Code', 'Text', '200', 'OK, fine']]);
  });

  it('parses the content of unknown directives (tolerant mode)', () => {
    const t = parse('.. toctree::\n   :maxdepth: 1\n\n   +---+\n   | a |\n   +---+\n').children[0] as RstTable;
    expect(t.cells[0]?.text).toBe('a');
  });
});
