import { describe, expect, it } from 'vitest';
import { emitService } from '../../src/emit/index.js';
import { compareCodePoints, documentedErrors, documentedStatuses, statusGroups, statusTitle } from '../../src/emit/view.js';
import type { ServiceModel, StatusCode } from '../../src/model/types.js';
import { typeCheck, validateJsonSchema } from '../helpers/validators.js';

const status = (code: number, description: string, group: string | null = null): StatusCode => ({
  code,
  phrase: null,
  standardPhrase: code === 404 ? 'Not Found' : null,
  description,
  group,
  sources: [{ file: 'a.rst', line: code, column: 1 }],
});
const error = (code: string, message: string) => ({
  code,
  statuses: [404],
  messages: [{ text: message, statuses: [404] }],
  description: '',
  solution: '',
  sources: [],
});

/** Unsorted, with duplicate codes: the model stage should not produce this, the emitters still must not break on it. */
const messy: ServiceModel = {
  service: 'messy',
  title: 'Messy',
  statusCodes: [status(404, 'first 404', 'B'), status(200, 'ok', 'A'), status(404, 'second 404', 'C'), status(441, '')],
  statusClasses: [],
  errorCodes: [error('b', 'first b'), error('\u{1F600}', 'astral'), error('\uFFFF', 'bmp'), error('b', 'second b'), error('a', 'a')],
  sources: ['a.rst'],
};

describe('the emitters’ view of a model', () => {
  it('sorts status codes and keeps the first entry of a duplicated code', () => {
    expect(documentedStatuses(messy).map((s) => [s.code, s.description])).toEqual([
      [200, 'ok'],
      [404, 'first 404'],
      [441, ''],
    ]);
    expect(statusGroups(documentedStatuses(messy))).toEqual(['A', 'B']);
  });

  it('sorts error codes by code point (astral after U+FFFF) and keeps the first duplicate', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFFFF').toBe(true); // UTF-16 order would differ
    expect(documentedErrors(messy).map((e) => [e.code, e.messages[0]?.text])).toEqual([
      ['a', 'a'],
      ['b', 'first b'],
      ['\uFFFF', 'bmp'],
      ['\u{1F600}', 'astral'],
    ]);
  });

  it('titles a status by code and phrase', () => {
    expect(statusTitle(status(404, ''))).toBe('404 Not Found');
    expect(statusTitle(status(441, ''))).toBe('441');
  });

  it('emits valid output from a messy model', () => {
    const files = Object.fromEntries(emitService(messy, { style: 'enum' }).map((file) => [file.path, file.contents]));
    expect(typeCheck({ 'messy/status-codes.ts': files['messy/status-codes.ts'] ?? '', 'messy/error-codes.ts': files['messy/error-codes.ts'] ?? '' })).toEqual(
      [],
    );
    expect(validateJsonSchema(JSON.parse(files['messy/status-code.schema.json'] ?? 'null')).errors).toEqual([]);
    expect(validateJsonSchema(JSON.parse(files['messy/error-response.schema.json'] ?? 'null')).errors).toEqual([]);
  });
});
