import { describe, expect, it } from 'vitest';
import { keyCovers, statusOfResponse } from '../../src/merge/status.js';

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
  it('matches the status and its range, not default', () => {
    expect(keyCovers('404', 404)).toBe(true);
    expect(keyCovers('4XX', 404)).toBe(true);
    expect(keyCovers('4xx', 404)).toBe(true);
    expect(keyCovers('5XX', 404)).toBe(false);
    expect(keyCovers('default', 404)).toBe(false);
    expect(keyCovers('400', 404)).toBe(false);
  });
});
