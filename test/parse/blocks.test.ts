/** The block parser on small inputs; expected values from the docutils oracle. */
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import { splitSourceLines } from '../../src/parse/block-text.js';
import type { RstTable } from '../../src/parse/types.js';

const tables = (text: string) => fromRst(text, { skeleton: false }).children as RstTable[];
const messages = (text: string) => fromRst(text, { skeleton: false }).messages.map((m) => [m.level, m.line, m.message]);

describe('blocks', () => {
  it('reads input as docutils string2lines does (CRLF, CR, tabs, \\v \\f, BOM)', () => {
    expect(splitSourceLines('a\r\nb\rc\td\ve  \n').map((l) => l.text)).toEqual(['a', 'b', 'c       d e']);
    expect(tables('\ufeff+---+\n| y |\n+---+\n')[0]?.line).toBe(1);
  });

  it('finds a table in a list item and reads its cells', () => {
    const [t] = tables('-  Normal\n\n   +------+----+\n   | Code | OK |\n   +------+----+\n');
    expect(t?.line).toBe(3);
    expect(t?.cells.map((c) => c.text)).toEqual(['Code', 'OK']);
    expect(t?.cells[0]?.position.start).toEqual({ line: 4, column: 6 });
  });

  it('does not find tables in literal blocks or comments', () => {
    expect(tables('Example::\n\n   +---+\n   | a |\n   +---+\n\n..\n   +---+\n   | a |\n   +---+\n')).toEqual([]);
  });

  it('reports messages with docutils lines (root line for the enumerated-list INFO)', () => {
    expect(messages('Para\n\n- a\n\n  3. x\n\n+---+\n| 2. |\n| 3. |\n+---+\n')).toEqual([
      [1, 6, 'Enumerated list start value not ordinal-1: "3" (ordinal 3)'],
      [3, 7, 'Malformed table.'],
    ]);
  });

  it('reduces cell blocks as the oracle does', () => {
    const [t] = tables('+----------+\n| - one    |\n| - **two**|\n+----------+\n| Code::   |\n|          |\n|   x  y   |\n+----------+\n');
    expect(t?.cells.map((c) => [c.text, c.blocks])).toEqual([
      ['one\n\ntwo', ['bullet_list']],
      ['Code:\n\nx  y', ['paragraph', 'literal_block']],
    ]);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '\n\n', '+', '====', '.. ', '::', '+-+\n|', '- \n  +--+\n  |', '1.\n2.']) {
      expect(() => fromRst(text)).not.toThrow();
    }
  });
});
