import { describe, expect, it } from 'vitest';
import { keyCovers, statusOfResponse, statusesByDescription } from '../../src/merge/status.js';

describe('statusOfResponse', () => {
  it('reads x-status-code first, then x-http-status', () => {
    expect(statusOfResponse('BadRequest', { 'x-status-code': 441 })).toBe(441);
    expect(statusOfResponse('Whatever', { 'x-http-status': '418' })).toBe(418);
  });
  it('reads an RFC 9110 reason phrase in PascalCase', () => {
    expect(statusOfResponse('BadRequest', {})).toBe(400);
    expect(statusOfResponse('TooManyRequests', {})).toBe(429);
    expect(statusOfResponse('InternalServerError', {})).toBe(500);
  });
  it('reads three trailing digits', () => {
    expect(statusOfResponse('Status441', {})).toBe(441);
  });
  it('gives undefined when nothing tells', () => {
    expect(statusOfResponse('QuotaExceeded', {})).toBeUndefined();
    expect(statusOfResponse('Error999', {})).toBeUndefined();
    expect(statusOfResponse('X', { 'x-status-code': 'abc' })).toBeUndefined();
  });
});

describe('keyCovers', () => {
  it('matches the status, its range and default', () => {
    expect(keyCovers('404', 404)).toBe(true);
    expect(keyCovers('4XX', 404)).toBe(true);
    expect(keyCovers('4xx', 404)).toBe(true);
    expect(keyCovers('5XX', 404)).toBe(false);
    expect(keyCovers('default', 404)).toBe(true);
    expect(keyCovers('400', 404)).toBe(false);
  });
});

describe('statusesByDescription', () => {
  const schema = {
    type: 'integer',
    oneOf: [
      { const: 206, title: '206 Bad Request', description: 'Odd, but documented so.' },
      { const: 400, title: '400 Bad Request' },
      { const: 441, title: '441 Quota Exceeded', description: 'Same text.' },
      { const: 442, title: '442 Other', description: 'Same text.' },
    ],
  };
  const byDescription = statusesByDescription(schema);

  it("maps a branch's description, or its title without one, to its const", () => {
    expect(byDescription.get('Odd, but documented so.')).toBe(206);
    expect(byDescription.get('400 Bad Request')).toBe(400);
  });
  it('maps a description two branches share to nothing', () => {
    expect(byDescription.has('Same text.')).toBe(true);
    expect(byDescription.get('Same text.')).toBeUndefined();
  });
  it('lets the StatusCode schema win over the name (emit names a 206 "Bad Request" BadRequest)', () => {
    expect(statusOfResponse('BadRequest', { description: 'Odd, but documented so.' }, byDescription)).toBe(206);
    expect(statusOfResponse('BadRequest_400', { description: '400 Bad Request' }, byDescription)).toBe(400);
    expect(statusOfResponse('NotFound', { description: 'Same text.' }, byDescription)).toBe(404);
  });
  it('is empty for a schema without oneOf', () => {
    expect(statusesByDescription({ type: 'integer', enum: [400] }).size).toBe(0);
    expect(statusesByDescription(undefined).size).toBe(0);
  });
});
