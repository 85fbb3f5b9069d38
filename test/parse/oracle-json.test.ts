/**
 * toOracleJson's `unknown_roles` / `unknown_directives`: the names docutils
 * looked up and did not know, as ../shared/tools/rst-oracle.py lists them.
 * Expected values are the oracle's output for the same text
 * (`/usr/bin/python3 ../shared/tools/rst-oracle.py page.rst --compact`).
 */
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { oracleJsonChunks } from '../../src/parse/oracle-json.js';

const PAGE = `Codes
=====

.. toctree::
   :maxdepth: 1

   intro

+------+----------------------------------+
| Code | Meaning                          |
+======+==================================+
| 400  | See :ref:\`errors <err>\` and      |
|      | :Download:\`the list <list.csv>\`. |
+------+----------------------------------+
| 401  | .. seealso:: :doc:\`auth\`         |
|      |                                  |
|      | .. Glossary::                    |
+------+----------------------------------+

.. |logo| image:: logo.png

:ref:\`Ref <r>\` and :ref:\`again <r>\`, \`default role\`, :emphasis:\`known\`.
`;

describe('toOracleJson unknown roles and directives', () => {
  it('lists them as the oracle does: as written, once, sorted by code point', () => {
    const json = toOracleJson(fromRst(PAGE, { skeleton: false }), 'page.rst');
    // oracle: "unknown_roles": ["Download", "ref"], "unknown_directives": ["Glossary", "seealso", "toctree"]
    expect(json.unknown_roles).toEqual(['Download', 'ref']);
    expect(json.unknown_directives).toEqual(['Glossary', 'seealso', 'toctree']);
    // the roles are rendered as the oracle's generic_role does (title of `title <target>`)
    expect(json.tables[0]?.cells.map((c) => c.text)).toEqual(['Code', 'Meaning', '400', 'See errors and the list.', '401', '']);
    expect(json.messages).toEqual([]);
  });

  it('keeps them with the skeleton too', () => {
    const root = fromRst(PAGE);
    expect(root.unknownRoles).toEqual(['Download', 'ref']);
    expect(root.unknownDirectives).toEqual(['Glossary', 'seealso', 'toctree']);
  });

  it('records a directive named in a substitution definition', () => {
    // oracle on this text: "unknown_directives": ["toctree", "unknownthing"]
    const text = 'Title\n=====\n\n.. |x| toctree:: a\n\n.. |y| Image:: foo.png\n\n.. |z| unknownthing::\n';
    expect(fromRst(text, { skeleton: false }).unknownDirectives).toEqual(['toctree', 'unknownthing']);
  });

  it('gives empty lists for a page with only known constructs', () => {
    const json = toOracleJson(fromRst('A *b* :emphasis:`c`\n\n.. note:: d\n', { skeleton: false }), 'p.rst');
    expect(json.unknown_roles).toEqual([]);
    expect(json.unknown_directives).toEqual([]);
  });
});

describe('oracleJsonChunks: the same text as JSON.stringify, one table at a time', () => {
  const pages = [
    '',
    'no table\n',
    PAGE,
    '*a\n\n=== ===\n*a  b\n=== ===\n\n+---+\n| a |\n+---+\n\n.. list-table::\n\n   * - a\n     - b\n',
    '=== ===\na   b\n=== ===\n\n'.repeat(3),
  ];
  for (const [i, page] of pages.entries()) {
    it(`page ${i}, indented and on one line`, () => {
      // a path holding what the writer looks for must not confuse it
      const source = 'dir/"tables": [].rst';
      const root = fromRst(page, { skeleton: false, path: source });
      for (const indent of [0, 1] as const) {
        const chunks = [...oracleJsonChunks(root, source, indent)];
        expect(chunks.join('')).toBe(JSON.stringify(toOracleJson(root, source), null, indent));
        expect(chunks.length).toBe(root.children.length === 0 ? 1 : root.children.length + 2);
      }
    });
  }
});
