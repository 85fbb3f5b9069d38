import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/merge/diff.js';

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', { name: 'x.yaml' })).toBe('');
  });
  it('writes a unified diff with a/ and b/ names and 3 lines of context', () => {
    const before = ['1', '2', '3', '4', '5', '6', ''].join('\n');
    const after = ['1', '2', '3', '4', 'new', '5', '6', ''].join('\n');
    expect(unifiedDiff(before, after, { name: 'spec.yaml' })).toBe(
      ['--- a/spec.yaml', '+++ b/spec.yaml', '@@ -2,5 +2,6 @@', ' 2', ' 3', ' 4', '+new', ' 5', ' 6', ''].join('\n'),
    );
  });
});
