import { describe, expect, it } from 'vitest';
import { isErrorCodeShaped, readStatusCell } from '../../src/model/cells.js';

describe('readStatusCell', () => {
  it.each([
    ['200 OK', { kind: 'codes', codes: [{ code: 200, phrase: 'OK' }] }],
    ['401Unauthorized', { kind: 'codes', codes: [{ code: 401, phrase: 'Unauthorized' }] }],
    ['404 Not Found', { kind: 'codes', codes: [{ code: 404, phrase: 'Not Found' }] }],
    ['200', { kind: 'codes', codes: [{ code: 200, phrase: null }] }],
    [
      '400/404/500',
      {
        kind: 'codes',
        codes: [
          { code: 400, phrase: null },
          { code: 404, phrase: null },
          { code: 500, phrase: null },
        ],
      },
    ],
    [
      '400, 409',
      {
        kind: 'codes',
        codes: [
          { code: 400, phrase: null },
          { code: 409, phrase: null },
        ],
      },
    ],
    ['4XX', { kind: 'class', class: '4xx', phrase: null }],
    ['2xx Success', { kind: 'class', class: '2xx', phrase: 'Success' }],
    ['N/A', { kind: 'none', text: 'N/A' }],
    ['-', { kind: 'none', text: '-' }],
    ['  ', { kind: 'blank' }],
    ['See below', { kind: 'unreadable', text: 'See below' }],
    ['2000', { kind: 'unreadable', text: '2000' }],
    ['099', { kind: 'unreadable', text: '099' }],
  ])('%j', (text, expected) => {
    expect(readStatusCell(text)).toEqual(expected);
  });
});

describe('isErrorCodeShaped', () => {
  it.each(['BackupService.0001', 'DBS.108000', 'SVCSTG.SWR.4001048', 'CCI.01.400101', 'KMS.DisabledException', 'SVCSTG_AMS_4000115', '1100'])(
    'accepts %s',
    (code) => expect(isErrorCodeShaped(code)).toBe(true),
  );
  it.each(['error_code', 'Cloud Eye', 'The request is invalid.', '400', 'errCode'])('rejects %s', (text) => expect(isErrorCodeShaped(text)).toBe(false));
});
