import { describe, expect, it } from 'vitest';
import type { StatusCode } from '../../../src/model/types.js';
import fc from 'fast-check';
import {
  MAX_NAME_LENGTH,
  errorMemberName,
  errorMemberNames,
  groupGuardName,
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
const error = (code: string) => ({ code, statuses: [], messages: [], description: '', solution: '', sources: [] });

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

describe('statusMemberName (a function of the code alone)', () => {
  it('names a registered code as http-status-codes does, whatever the phrase', () => {
    expect(
      statusMemberNames([
        status(200, 'Success'),
        status(202, 'OK'),
        status(302, 'Found'),
        status(408, 'Request Time-out'),
        status(413, 'Request Entity Too Large'),
        status(500, 'Internal IaaS OpenStack network error'),
        status(504, null),
      ]),
    ).toEqual(['OK', 'ACCEPTED', 'MOVED_TEMPORARILY', 'REQUEST_TIMEOUT', 'REQUEST_TOO_LONG', 'INTERNAL_SERVER_ERROR', 'GATEWAY_TIMEOUT']);
  });

  it('names an unregistered code by its phrase and its code', () => {
    expect(
      statusMemberNames([
        status(441, null),
        status(442, '3rd party'),
        status(443, 'class'),
        status(499, 'Bad Request'),
        status(418, "I'm a teapot"),
        status(-7, null),
      ]),
    ).toEqual(['STATUS_441', 'STATUS_3RD_PARTY_442', 'CLASS_443', 'BAD_REQUEST_499', 'IM_A_TEAPOT_418', 'STATUS_M7']);
  });

  it('gives valid identifiers that never start with a digit', () => {
    const names = statusMemberNames([status(100, '100 Continue'), status(101, '\u0000'), status(102, '__proto__'), status(441, '__proto__')]);
    expect(names).toEqual(['CONTINUE', 'SWITCHING_PROTOCOLS', 'PROCESSING', 'PROTO_441']);
    for (const name of names) expect(name).toMatch(/^[A-Z_][A-Z0-9_]*$/);
  });
});

describe('errorMemberName (a function of the code alone, injective)', () => {
  it.each([
    ['BackupService.0001', 'BackupService_0001'],
    ['SVCSTG.SWR.4001048', 'SVCSTG_SWR_4001048'],
    ['KMS.DisabledException', 'KMS_DisabledException'],
    ['AccessDenied', 'AccessDenied'],
    ['ces.0001', 'ces_0001'],
    ['1100', '_1100'],
    ['11.02', '_11_02'],
    ['SVCSTG_AMS_4000115', 'SVCSTG_AMS_4000115$'],
    ['Bad Request', 'Bad_Request$_20_'],
    ['BadRequest', 'BadRequest'],
    ['A-B', 'A_B$_2d_'],
    ['A.b', 'A_b'],
    ['A_b', 'A_b$'],
    ['错误', '_$9519x8bef'],
    ['', '_$'],
    ['__proto__', 'proto$5fx5f_5fx5f'],
    ['constructor', 'constructor'],
  ])('%j -> %j', (code, name) => {
    expect(errorMemberName(code)).toBe(name);
  });

  it('never gives two codes one name, and every name is an identifier (seeded property)', () => {
    const part = fc.string({ unit: fc.constantFrom('a', 'B', '0', '9', '.', '_', '-', ' ', '$', 'é', '错'), maxLength: 8 });
    fc.assert(
      fc.property(part, part, (a, b) => {
        expect(errorMemberName(a)).toMatch(/^[A-Za-z_$][A-Za-z0-9_$]*$/);
        if (a !== b) expect(errorMemberName(a)).not.toBe(errorMemberName(b));
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('adding and removing codes renames nothing else (seeded property)', () => {
  const statusArb = fc.record({
    code: fc.integer({ min: 100, max: 599 }),
    phrase: fc.option(fc.constantFrom('OK', 'Bad Request', 'Request Time-out', 'Success', 'Custom', 'Request Entity Too Large', '错误'), { nil: null }),
  });
  const errorArb = fc.string({ unit: fc.constantFrom('A', 'b', '1', '.', '_', ' ', '-'), minLength: 1, maxLength: 6 });

  it('for status members and responses', () => {
    fc.assert(
      fc.property(fc.uniqueArray(statusArb, { selector: (s) => s.code, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (list, drops) => {
        const all = list.map((s) => status(s.code, s.phrase));
        const kept = all.filter((_, i) => !drops.includes(i));
        const name = new Map(all.map((s, i) => [s.code, [statusMemberNames(all)[i], responseNames(all)[i]]]));
        const keptMembers = statusMemberNames(kept);
        const keptResponses = responseNames(kept);
        kept.forEach((s, i) => expect([keptMembers[i], keptResponses[i]]).toEqual(name.get(s.code)));
        expect(new Set(statusMemberNames(all)).size).toBe(all.length);
        expect(new Set(responseNames(all)).size).toBe(all.length);
      }),
      { numRuns: 500 },
    );
  });

  it('for error members', () => {
    fc.assert(
      fc.property(fc.uniqueArray(errorArb, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 10 }), (codes, drops) => {
        const all = codes.map(error);
        const kept = all.filter((_, i) => !drops.includes(i));
        const before = new Map(all.map((e, i) => [e.code, errorMemberNames(all)[i]]));
        errorMemberNames(kept).forEach((name, i) => expect(name).toBe(before.get(kept[i]!.code)));
        expect(new Set(errorMemberNames(all)).size).toBe(all.length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('responseName', () => {
  it('PascalCases the stable member name of a registered code, phrase and code otherwise', () => {
    expect(
      responseNames([
        status(200, 'Success'),
        status(413, 'Payload Too Large'),
        status(226, null),
        status(505, null),
        status(441, null),
        status(442, '3rd'),
        status(499, 'Bad Request'),
      ]),
    ).toEqual(['OK', 'RequestTooLong', 'IMUsed', 'HTTPVersionNotSupported', 'Status_441', 'Status3rd_442', 'BadRequest_499']);
  });
});

describe('groupGuardName', () => {
  it('drops noise words wherever they stand, so one group name gives one guard', () => {
    expect(
      ['Normal', 'normal', 'Normal codes', 'Normal status codes', 'Normal values', 'Abnormal Status Codes', 'Error codes', 'Normal!'].map(groupGuardName),
    ).toEqual([
      'isNormalStatus',
      'isNormalStatus',
      'isNormalStatus',
      'isNormalStatus',
      'isNormalStatus',
      'isAbnormalStatus',
      'isErrorStatus',
      'isNormalStatus',
    ]);
  });

  it('gives no guard to a title of noise words only, and names other scripts by code point', () => {
    expect(['Status codes', 'Status Code', 'HTTP status codes', '', '错误', '2xx'].map(groupGuardName)).toEqual([
      null,
      null,
      null,
      null,
      'isGroup_9519x8bef_Status',
      'isGroup2xxStatus',
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
