import { describe, expect, it } from 'vitest';
import { checkPhrase, httpStatus, isKnownPhrase, unusedStatus } from '../../src/model/http-status.js';

describe('httpStatus', () => {
  it('has the RFC 9110 phrases, including the renamed ones', () => {
    expect(httpStatus.get(413)).toBe('Content Too Large');
    expect(httpStatus.get(422)).toBe('Unprocessable Content');
    expect(httpStatus.get(416)).toBe('Range Not Satisfiable');
    expect(httpStatus.get(429)).toBe('Too Many Requests');
  });
  it('leaves out the unused and unregistered codes', () => {
    expect(httpStatus.has(306)).toBe(false);
    expect(httpStatus.has(418)).toBe(false);
    expect(unusedStatus.has(306)).toBe(true);
    expect(httpStatus.has(441)).toBe(false);
  });
  it('is sorted and within 100..599', () => {
    const codes = [...httpStatus.keys()];
    expect(codes).toEqual([...codes].sort((a, b) => a - b));
    expect(codes.every((c) => c >= 100 && c <= 599)).toBe(true);
  });
});

describe('checkPhrase', () => {
  it('ignores case and spacing', () => {
    expect(checkPhrase(204, 'NoContent')).toEqual({ kind: 'standard' });
    expect(checkPhrase(500, 'internal Server Error')).toEqual({ kind: 'standard' });
  });
  it('knows obsolete names', () => {
    expect(checkPhrase(413, 'Request Entity Too Large')).toEqual({ kind: 'obsolete', standard: 'Content Too Large' });
    expect(checkPhrase(414, 'Request-URI Too Large')).toEqual({ kind: 'obsolete', standard: 'URI Too Long' });
  });
  it('flags other phrases and unregistered codes', () => {
    expect(checkPhrase(201, 'OK')).toEqual({ kind: 'different', standard: 'Created' });
    expect(checkPhrase(441, 'Whatever')).toEqual({ kind: 'unregistered' });
  });
  it('recognises phrases of any code', () => {
    expect(isKnownPhrase('Bad request')).toBe(true);
    expect(isKnownPhrase('The request failed.')).toBe(false);
  });
});
