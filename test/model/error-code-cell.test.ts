import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { buildServiceModel } from '../../src/model/index.js';
import { readErrorCodeCell } from '../../src/model/error-code-cell.js';
import { fromRst } from '../../src/parse/index.js';

describe('readErrorCodeCell', () => {
  it.each([
    // One piece: the code as written.
    ['APIG.0101', { kind: 'code', code: 'APIG.0101' }],
    ['  KMS.DisabledException ', { kind: 'code', code: 'KMS.DisabledException' }],
    ['1100', { kind: 'code', code: '1100' }],
    // Wrapped at a CamelCase hump, next to a separator, or before a word after an acronym.
    ['IncorrectNumberOf FilesInPostRequest', { kind: 'rejoined', code: 'IncorrectNumberOfFilesInPostRequest' }],
    ['IncorrectNumberOfFilesInPost Request', { kind: 'rejoined', code: 'IncorrectNumberOfFilesInPostRequest' }],
    ['MaxMessageLength\nExceeded', { kind: 'rejoined', code: 'MaxMessageLengthExceeded' }],
    ['UnresolvableGrantBy EmailAddress', { kind: 'rejoined', code: 'UnresolvableGrantByEmailAddress' }],
    ['DCS. 4855', { kind: 'rejoined', code: 'DCS.4855' }],
    ['APIG .0101', { kind: 'rejoined', code: 'APIG.0101' }],
    ['SVCSTG _AMS_4000115', { kind: 'rejoined', code: 'SVCSTG_AMS_4000115' }],
    ['Quota- Exceeded', { kind: 'rejoined', code: 'Quota-Exceeded' }],
    ['SVCSTG.SWR. 4001048', { kind: 'rejoined', code: 'SVCSTG.SWR.4001048' }],
    ['XMLParse Error', { kind: 'rejoined', code: 'XMLParseError' }],
    ['Ecs.0001 Ecs. 0002', { kind: 'code', code: 'Ecs.0001 Ecs. 0002' }],
    // Plain words: a phrase some APIs send (Swift), kept as written.
    ['Bad Request', { kind: 'code', code: 'Bad Request' }],
    ['Request Entity Too Large', { kind: 'code', code: 'Request Entity Too Large' }],
    ['Request-URI Too Large', { kind: 'code', code: 'Request-URI Too Large' }],
    ['System Capacity Not enough', { kind: 'code', code: 'System Capacity Not enough' }],
    ['ErrorCode 404', { kind: 'code', code: 'ErrorCode 404' }],
    // Several codes listed in one cell: each on its own.
    ['CBR.0001, CBR.0002', { kind: 'list', codes: ['CBR.0001', 'CBR.0002'] }],
    ['AccessDenied or NoSuchKey', { kind: 'list', codes: ['AccessDenied', 'NoSuchKey'] }],
    ['APIG.0301 / APIG.0302；APIG.0303', { kind: 'list', codes: ['APIG.0301', 'APIG.0302', 'APIG.0303'] }],
    ['Bad Request, Not Found', { kind: 'sentence', text: 'Bad Request, Not Found' }],
    // Prose.
    [
      'If other error codes cannot be rectified, contact technical support.',
      { kind: 'sentence', text: 'If other error codes cannot be rectified, contact technical support.' },
    ],
    ['See the table below.', { kind: 'sentence', text: 'See the table below.' }],
    ['Other codes: contact support', { kind: 'sentence', text: 'Other codes: contact support' }],
    ['Contact the administrator for details', { kind: 'sentence', text: 'Contact the administrator for details' }],
    ['See: Table 3', { kind: 'sentence', text: 'See: Table 3' }],
    ['Note: Retry', { kind: 'sentence', text: 'Note: Retry' }],
  ])('%j', (text, expected) => {
    expect(readErrorCodeCell(text)).toEqual(expected);
  });

  it('never rejoins words that hold a character a code cannot have, and a rejoined code has no whitespace (seeded property)', () => {
    const piece = fc.stringMatching(/^[A-Za-z0-9 ,;.!?()_-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), (pieces) => {
        const text = pieces.join(' ');
        const cell = readErrorCodeCell(text);
        if (cell.kind === 'rejoined') {
          expect(cell.code).not.toMatch(/\s/);
          expect(cell.code).toBe(text.replace(/\s+/g, ''));
          expect(text).not.toMatch(/[,;!?()]/);
        }
        if (cell.kind === 'code') expect(cell.code).toBe(text.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('stays linear on long hostile cells', () => {
    const text = `${'Aa'.repeat(50_000)} ${'.'.repeat(50_000)}a ${'a '.repeat(50_000)}`;
    expect(readErrorCodeCell(text).kind).toBe('sentence');
  });
});

describe('error-code cells read by the parser, with positions', () => {
  const fixture = (name: string) => new URL(`../fixtures/model/${name}.rst`, import.meta.url);
  const run = (name: string) => {
    const files = new Map<string, VFile>();
    const root = fromRst(readFileSync(fixture(name), 'utf8'), { path: `${name}.rst` });
    const model = buildServiceModel({ service: 'fixture', pages: [{ path: `${name}.rst`, root }] }, files);
    const messages = (files.get(`${name}.rst`)?.messages ?? []).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    return { model, messages };
  };

  it('places each note at its cell and keeps every real code of the table', () => {
    const { model, messages } = run('not-an-error-code');
    expect(model.errorCodes.map((e) => e.code)).toEqual(['APIG.0101', 'APIG.0201', 'APIG.0308', 'ModelArts.4101']);
    expect(messages.filter((m) => !m.endsWith('ignored-column') && !m.endsWith('error-body-undocumented'))).toEqual([
      '13:12 not-an-error-code',
      '20:12 not-an-error-code',
      '22:11 unreadable-row',
      '27:3 not-an-error-code',
      '31:3 not-an-error-code',
    ]);
  });

  it('places each rejoined code at its cell, and names members by the rejoined code', () => {
    const { model, messages } = run('error-code-rejoined');
    expect(messages.filter((m) => m.endsWith('error-code-rejoined'))).toEqual([10, 13, 16, 19, 22, 25, 27].map((line) => `${line}:17 error-code-rejoined`));
    expect(model.errorCodes.every((e) => !/\s/.test(e.code))).toBe(true);
  });
});
