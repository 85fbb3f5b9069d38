import { describe, expect, it } from 'vitest';
import { applyEdits, detectEol, firstOnLine, indentLines, lineIndent, nextLineStart } from '../../src/merge/text.js';

describe('applyEdits', () => {
  it('applies edits by offset, ties by order, leaving the rest as it was', () => {
    const text = 'abcdef';
    expect(
      applyEdits(text, [
        { start: 3, end: 3, text: '2', order: 1 },
        { start: 3, end: 3, text: '1', order: 0 },
        { start: 0, end: 1, text: 'A', order: 0 },
      ]),
    ).toBe('Abc12def');
  });
  it('refuses overlapping edits', () => {
    expect(() =>
      applyEdits('abc', [
        { start: 0, end: 2, text: '', order: 0 },
        { start: 1, end: 1, text: 'x', order: 0 },
      ]),
    ).toThrow(/Overlapping/);
  });
});

describe('line helpers', () => {
  it('nextLineStart stays at a line start, moves past the line end otherwise, flags a missing final newline', () => {
    expect(nextLineStart('a\nb\n', 2)).toEqual({ offset: 2, needsEol: false });
    expect(nextLineStart('a: 1 # c\nb\n', 4)).toEqual({ offset: 9, needsEol: false });
    expect(nextLineStart('a\nb', 3)).toEqual({ offset: 3, needsEol: true });
  });
  it('detectEol, lineIndent, firstOnLine, indentLines', () => {
    expect(detectEol('a\r\nb')).toBe('\r\n');
    expect(detectEol('a\nb\r\n')).toBe('\n');
    expect(lineIndent('x\n\t\t"a": 1', 6)).toBe('\t\t');
    expect(firstOnLine('  a: b', 2)).toBe(true);
    expect(firstOnLine('  a: b', 5)).toBe(false);
    expect(indentLines('a:\n  b\n\nc', '  ', '\r\n')).toBe('  a:\r\n    b\r\n\r\n  c');
  });
});
