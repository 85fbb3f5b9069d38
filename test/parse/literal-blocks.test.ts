/**
 * `ParseOptions.literalBlocks`: the literal blocks the model reads (error body
 * examples) without the document tree. They must be exactly the document
 * tree's `literalBlock`s outside tables (text, line, column), in the same
 * order: on hand-made pages with every kind of container, on the document
 * fixtures, and on every 8th page of ../shared/corpus (skipped, saying so,
 * when absent).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRst } from '../../src/parse/index.js';
import type { RstBlock, RstLiteralText } from '../../src/parse/index.js';
import { corpusDir, repoRoot, rstFiles, sharedPresent } from '../helpers/corpus.js';
import { fixturePairs } from '../helpers/fixtures.js';

/** What the model read before: the document tree's literal blocks, as src/model/error-body.ts walks it. */
function fromDocument(blocks: readonly RstBlock[], depth = 0, out: RstLiteralText[] = []): RstLiteralText[] {
  if (depth > 50) return out;
  for (const b of blocks) {
    if (b.type === 'literalBlock') out.push({ text: b.text, line: b.position.start.line, column: b.position.start.column });
    if ('children' in b && Array.isArray(b.children)) fromDocument(b.children as RstBlock[], depth + 1, out);
  }
  return out;
}

function compare(text: string): RstLiteralText[] {
  const document = fromRst(text, { skeleton: false, document: true }).document;
  const root = fromRst(text, { skeleton: false, literalBlocks: true });
  expect(root.document).toBeUndefined();
  expect(root.literalBlocks).toEqual(fromDocument(document?.children ?? []));
  return root.literalBlocks ?? [];
}

const PAGE = `Title
=====

Intro::

   {"error_code": "X.1"}

- item::

     <Error><Code>A</Code></Error>

  .. code-block:: json

     {"code": 1}

term
   definition::

      literal in a definition

:field:
   body::

      literal in a field

.. note::

   a note::

      literal in a note

   >>> doctest in a note

.. unknown:: arg

   ::

      literal in an unknown directive

   Quoted::

   > quoted literal

+-------+
| cell::|
|       |
|  in a |
+-------+

    block quote::

        literal in a block quote

End.
`;

describe('literal blocks without the document tree', () => {
  it('gives the document tree’s literal blocks outside tables, in order, in every kind of container', () => {
    const blocks = compare(PAGE);
    expect(blocks.map((b) => b.text)).toEqual([
      '{"error_code": "X.1"}',
      '<Error><Code>A</Code></Error>',
      '{"code": 1}',
      'literal in a definition',
      'literal in a field',
      'literal in a note',
      '>>> doctest in a note',
      'literal in an unknown directive',
      '> quoted literal',
      'literal in a block quote',
    ]);
    expect(blocks[0]).toEqual({ text: '{"error_code": "X.1"}', line: 6, column: 4 });
  });

  it('agrees with the document tree on the document fixtures', () => {
    const pairs = fixturePairs(path.join(repoRoot, 'test', 'fixtures', 'parse', 'document'), { input: '.rst', expected: '.expected.json' });
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) compare(readFileSync(pair.input, 'utf8'));
  });

  describe.skipIf(!sharedPresent('literal blocks on the corpus'))('on ../shared/corpus', () => {
    it('agrees with the document tree on every 8th page', () => {
      const files = rstFiles(corpusDir).filter((_, i) => i % 8 === 0);
      expect(files.length).toBeGreaterThan(100);
      let blocks = 0;
      for (const file of files) blocks += compare(readFileSync(file, 'utf8')).length;
      expect(blocks).toBeGreaterThan(100);
    });
  });
});
