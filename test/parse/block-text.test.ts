/**
 * block-text.ts: Python's `' '.join(s.split())`, whose fast path (a text
 * already collapsed comes back as it is) must agree with the split on
 * characters JS and Python class differently as whitespace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPyWs, pyCollapse } from '../../src/parse/block-text.js';

/** `' '.join(s.split())` by Python's whitespace, one UTF-16 unit at a time. */
function splitJoin(s: string): string {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < s.length; i++) {
    if (isPyWs(s.charCodeAt(i))) {
      if (word) words.push(word);
      word = '';
    } else word += s[i];
  }
  if (word) words.push(word);
  return words.join(' ');
}

describe('pyCollapse', () => {
  it("equals Python's split and join: U+FEFF and U+200B are words, U+001C-U+001F, U+0085 and U+3000 whitespace", () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\x1c', '\x1f', '\x85', '\xa0', '\uFEFF', '\u200b', '\u2003', '\u3000', '\u2028', 'a', 'é', '字');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (pieces) => {
        const s = pieces.join('');
        expect(pyCollapse(s)).toBe(splitJoin(s));
      }),
      { numRuns: 1000 },
    );
    expect(pyCollapse('a\uFEFF b')).toBe('a\uFEFF b');
    expect(pyCollapse('a\x85b')).toBe('a b');
  });
});
