import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../src/order.js';

describe('compareCodePoints', () => {
  it('orders by Unicode code point, not UTF-16 unit or locale', () => {
    expect(['\u{1F600}', '\uFFFF', 'b', 'B', 'a', 'ab', '', 'é'].sort(compareCodePoints)).toEqual(['', 'B', 'a', 'ab', 'b', 'é', '\uFFFF', '\u{1F600}']);
    // Plain `<` puts the astral character first, the difference this function exists for.
    expect('\u{1F600}' < '\uFFFF').toBe(true);
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
    expect(compareCodePoints('x\u{1F600}y', 'x\u{1F600}y')).toBe(0);
    expect(compareCodePoints('x\u{1F600}', 'x\u{1F600}y')).toBeLessThan(0);
  });
});
