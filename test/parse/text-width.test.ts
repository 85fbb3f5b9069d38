import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnWidth, originalSlice, padLine, stripLine, utf16Offset } from '../../src/parse/text-width.js';
import { fixturesDir } from './fixture-runner.js';

/** Strings with docutils.utils.column_width's answer for each. */
const widths = JSON.parse(readFileSync(path.join(fixturesDir, 'column-width.expected.json'), 'utf8')) as { text: string; width: number }[];

describe('columnWidth', () => {
  for (const { text, width } of widths) {
    it(`is ${width} for ${JSON.stringify(text)}, as docutils says`, () => {
      expect(columnWidth(text)).toBe(width);
    });
  }
});

describe('padLine', () => {
  it('pads wide characters and maps padded indices back to UTF-16 offsets', () => {
    const line = padLine('| 漢字 |');
    expect(line.text).toBe('| 漢\0字\0 |');
    expect([0, 2, 3, 4, 5, 6, 8].map((i) => utf16Offset(line, i))).toEqual([0, 2, 3, 3, 4, 4, 6]);
    expect(originalSlice(line, 2, 6)).toBe('漢字');
    expect(originalSlice(line, 3, 6)).toBe('字');
  });

  it('gives an astral character one padded index (two when wide), as Python does', () => {
    const line = padLine('𠀀x𝐀');
    expect(line.text.length).toBe(4);
    expect(originalSlice(line, 0, 3)).toBe('𠀀x');
    expect(originalSlice(line, 3, 4)).toBe('𝐀');
  });

  it('keeps the map through a strip', () => {
    const line = stripLine(padLine('\u00a0 漢 '));
    expect(line.text).toBe('漢\0');
    expect(utf16Offset(line, 0)).toBe(2);
  });
});
