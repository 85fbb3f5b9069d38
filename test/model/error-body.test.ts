/**
 * The documented error body (src/model/error-body.ts) read from a page's
 * example blocks: an XML element named like an Object prototype member is a
 * field like any other.
 */
import { describe, expect, it } from 'vitest';
import { readErrorBody } from '../../src/model/error-body.js';
import { fromRst } from '../../src/parse/index.js';

describe('readErrorBody', () => {
  it('keeps an XML child element named __proto__ as a field (not the prototype)', () => {
    const text = [
      'Error Codes',
      '===========',
      '',
      'Example::',
      '',
      '   <Error><Code>NoSuchKey</Code><__proto__>x</__proto__><Message>gone</Message></Error>',
      '',
    ].join('\n');
    const body = readErrorBody([{ path: 'error_codes.rst', root: fromRst(text, { path: 'error_codes.rst', literalBlocks: true }) }]);
    expect(body?.mediaType).toBe('application/xml');
    expect(body?.codeField).toBe('Code');
    const example = body?.examples[0] as Record<string, unknown>;
    expect(Object.keys(example)).toEqual(['Code', '__proto__', 'Message']);
    expect(Object.getPrototypeOf(example)).toBe(Object.prototype);
  });
});
