/**
 * parser.ts: a table cell of one line of text (then only empty lines) is made
 * a paragraph without running the state machine (`nestedParseCell`). It must
 * give what the machine gives (`nestedParse`): the same nodes, the same
 * messages, in document mode too, and leave every other cell to the machine.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { el, type DNode } from '../../src/parse/block-machine.js';
import { fileLines } from '../../src/parse/lines.js';
import { BlockParser } from '../../src/parse/parser.js';

/** The nodes and messages one parse of `lines` (as a cell's content, at line 3 of a page) gives. */
function parse(lines: string[], cell: boolean, doc: boolean): { nodes: DNode[]; messages: unknown[] } {
  const page = ['Title', '=====', ...lines];
  const parser = new BlockParser(fileLines(page), 'cell.rst');
  parser.doc = doc;
  parser.parseDocument(el('document'));
  const block = fileLines(lines);
  const node = el('entry');
  if (cell) parser.nestedParseCell(block, 2, node);
  else parser.nestedParse(block, 2, node);
  return { nodes: node.children, messages: parser.messages };
}

describe('a table cell of one line', () => {
  // characters that start RST constructs or inline markup, and plain ones
  const char = fc.constantFrom('a', 'B', 'I', 'v', '1', '9', ' ', '*', '`', '_', '|', ':', '-', '+', '#', '.', '(', ')', '>', '=', '\\', '[', ']', '<', '/');
  const line = fc.array(char, { minLength: 1, maxLength: 14 }).map((cs) => cs.join(''));
  const cell = fc.tuple(line, fc.array(fc.constantFrom('', '', 'x', ' y'), { maxLength: 2 })).map(([first, rest]) => [first, ...rest]);

  it('gives what the state machine gives (nodes and messages, with and without document spans)', () => {
    fc.assert(
      fc.property(cell, fc.boolean(), (lines, doc) => {
        expect(parse(lines, true, doc)).toEqual(parse(lines, false, doc));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the usual cells: a word, a sentence with markup, a list, a literal block announcement', () => {
    for (const lines of [['String'], ['Yes', ''], ['See :ref:`Tag <tag>` and **bold**.'], ['- item'], ['1. first'], ['Example::'], ['*open']]) {
      expect(parse(lines, true, true)).toEqual(parse(lines, false, true));
    }
  });
});
