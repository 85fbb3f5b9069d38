/**
 * The one string order used for generated output: Unicode code points,
 * independent of locale. (Plain `<` compares UTF-16 code units, which puts
 * U+1F600 before U+FFFF; `localeCompare` depends on the machine.)
 */
export function compareCodePoints(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(j)!;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length - i - (b.length - j);
}
