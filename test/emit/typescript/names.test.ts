import { describe, expect, it } from 'vitest';
import type { StatusCode } from '../../../src/model/types.js';
import {
  MAX_NAME_LENGTH,
  errorMemberNames,
  groupGuardNames,
  responseNames,
  serviceDirectory,
  serviceNamespaceNames,
  statusMemberNames,
  toPascalCase,
  toUpperSnake,
  uniqueNames,
} from '../../../src/emit/typescript/names.js';

const status = (code: number, phrase: string | null, standardPhrase: string | null = null): StatusCode => ({
  code,
  phrase,
  standardPhrase,
  description: '',
  group: null,
  sources: [{ file: 'a.rst', line: 1, column: 1 }],
});
const error = (code: string) => ({ code, statuses: [], message: '', description: '', solution: '', sources: [] });

describe('toUpperSnake (http-status-codes convention)', () => {
  it.each([
    ['Non-Authoritative Information', 'NON_AUTHORITATIVE_INFORMATION'],
    ["I'm a teapot", 'IM_A_TEAPOT'],
    ['I\u2019m a teapot', 'IM_A_TEAPOT'],
    ['NoContent', 'NO_CONTENT'],
    ['OK', 'OK'],
    ['BackupService.0001', 'BACKUP_SERVICE_0001'],
    ['KMS.DisabledException', 'KMS_DISABLED_EXCEPTION'],
    ['Request-URI Too Long', 'REQUEST_URI_TOO_LONG'],
    ['Café  crème', 'CAFE_CREME'],
    ['错误', ''],
    ['*/ ${x}', 'X'],
  ])('%j -> %j', (input, expected) => {
    expect(toUpperSnake(input)).toBe(expected);
  });

  it(`cuts at the last whole word within ${MAX_NAME_LENGTH} characters`, () => {
    const name = toUpperSnake('word '.repeat(100));
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(/^WORD(_WORD)*$/);
    expect(toUpperSnake('x'.repeat(200))).toBe('X'.repeat(MAX_NAME_LENGTH));
  });
});

describe('toPascalCase', () => {
  it.each([
    ['Bad Request', 'BadRequest'],
    ['OK', 'OK'],
    ["I'm a teapot", 'ImATeapot'],
    ['cloud-backup-recovery', 'CloudBackupRecovery'],
    ['Non-Authoritative Information', 'NonAuthoritativeInformation'],
    ['ошибка', ''],
  ])('%j -> %j', (input, expected) => {
    expect(toPascalCase(input)).toBe(expected);
  });
});

describe('uniqueNames (the collision rule)', () => {
  it('keeps the first holder, suffixes later ones with _<suffix>, then counts', () => {
    expect(
      uniqueNames([
        { base: 'A', suffix: '1' },
        { base: 'A', suffix: '2' },
        { base: 'A_2', suffix: '3' },
        { base: 'A', suffix: '2' },
        { base: 'B' },
        { base: 'B' },
        { base: 'B' },
      ]),
    ).toEqual(['A', 'A_2', 'A_2_3', 'A_2_2', 'B', 'B_2', 'B_3']);
  });

  it('never hands out a reserved name', () => {
    expect(uniqueNames([{ base: 'isStatusCode' }], new Set(['isStatusCode']))).toEqual(['isStatusCode_2']);
  });
});

describe('statusMemberNames', () => {
  it('uses the phrase, then the standard phrase, then STATUS_<code>, and suffixes collisions with the code', () => {
    expect(
      statusMemberNames([
        status(200, 'OK'),
        status(205, 'Bad Request'),
        status(207, '错误', 'Multi-Status'),
        status(400, 'bad request'),
        status(441, null),
        status(442, '3rd party'),
        status(443, 'class'),
      ]),
    ).toEqual(['OK', 'BAD_REQUEST', 'MULTI_STATUS', 'BAD_REQUEST_400', 'STATUS_441', 'STATUS_3RD_PARTY', 'CLASS']);
  });

  it('gives valid identifiers that never start with a digit', () => {
    const names = statusMemberNames([status(100, '100 Continue'), status(101, '\u0000'), status(102, '__proto__')]);
    expect(names).toEqual(['STATUS_100_CONTINUE', 'STATUS_101', 'PROTO']);
    for (const name of names) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});

describe('errorMemberNames', () => {
  it('derives names from the code, prefixes digits with ERROR_, resolves collisions by counting', () => {
    expect(errorMemberNames([error('1100'), error('A.b'), error('A_b'), error('A-B'), error('错误'), error('错')])).toEqual([
      'ERROR_1100',
      'A_B',
      'A_B_2',
      'A_B_3',
      'ERROR',
      'ERROR_2',
    ]);
  });
});

describe('responseNames', () => {
  it('PascalCases the phrase and suffixes collisions with _<code>', () => {
    expect(responseNames([status(200, 'OK'), status(205, 'Bad Request'), status(400, 'Bad Request'), status(441, null), status(442, '3rd')])).toEqual([
      'OK',
      'BadRequest',
      'BadRequest_400',
      'Status441',
      'Status3rd',
    ]);
  });
});

describe('groupGuardNames', () => {
  it('names guards from the group and falls back to the group position', () => {
    expect(groupGuardNames(['Normal', 'Abnormal', 'normal', '错误', 'Success'])).toEqual([
      'isNormalStatus',
      'isAbnormalStatus',
      'isNormalStatus_2',
      'isGroup4Status',
      'isSuccessStatus',
    ]);
  });

  it('drops trailing "status", "codes", "values" words unless nothing else is left', () => {
    expect(groupGuardNames(['Abnormal Status Codes', 'Normal Values', 'Error Codes', 'Status Codes', 'Status Code'])).toEqual([
      'isAbnormalStatus',
      'isNormalStatus',
      'isErrorStatus',
      'isStatusCodesStatus',
      'isStatusCodeStatus',
    ]);
  });
});

describe('serviceDirectory and serviceNamespaceNames', () => {
  it('keeps kebab ids and makes anything else a safe directory', () => {
    expect(serviceDirectory('cloud-backup-recovery')).toBe('cloud-backup-recovery');
    expect(serviceDirectory('../Evil/..')).toBe('evil');
    expect(serviceDirectory('错误')).toBe('service');
  });

  it('names namespaces from the id and resolves collisions in order', () => {
    expect(
      serviceNamespaceNames([
        { service: 'foo', hasErrorCodes: true },
        { service: 'foo-errors', hasErrorCodes: false },
        { service: '3d-api', hasErrorCodes: false },
      ]),
    ).toEqual([
      { service: 'foo', status: 'Foo', errors: 'FooErrors' },
      { service: 'foo-errors', status: 'FooErrors_2', errors: null },
      { service: '3d-api', status: 'Service3dApi', errors: null },
    ]);
  });
});
