import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorResponseSchema } from '../../../src/emit/json-schema/error-response.js';
import { toJson } from '../../../src/emit/text.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { validateJsonSchema } from '../../helpers/validators.js';
import { hostileModel } from '../hostile-model.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

describe('error-response.schema.json', () => {
  const check = validateJsonSchema(errorResponseSchema(cbr, 'comment'));

  it('is a strict-valid 2020-12 schema', () => {
    expect(check.errors).toEqual([]);
  });

  it('requires error_code and error_msg, allows request_id and other properties', () => {
    expect(check.accepts({ error_code: 'BackupService.0001', error_msg: 'Invalid parameter.' })).toBe(true);
    expect(check.accepts({ error_code: 'BackupService.0001', error_msg: 'x', request_id: 'abc', extra: 1 })).toBe(true);
    expect(check.accepts({ error_code: 'BackupService.0001' })).toBe(false);
    expect(check.accepts({ error_msg: 'x' })).toBe(false);
    expect(check.accepts({ error_code: 'BackupService.0001', error_msg: 'x', request_id: 5 })).toBe(false);
  });

  it('lists the documented codes, and still accepts a code the docs do not list (but only a string)', () => {
    const schema = errorResponseSchema(cbr, 'comment') as { properties: { error_code: { anyOf: { enum?: string[] }[] } } };
    expect(schema.properties.error_code.anyOf[0]?.enum).toEqual(cbr.errorCodes.map((error) => error.code));
    expect(check.accepts({ error_code: 'BackupService.0003', error_msg: 'x' })).toBe(true);
    expect(check.accepts({ error_code: 1, error_msg: 'x' })).toBe(false);
  });

  it('accepts every hostile code exactly as documented after a JSON round trip', () => {
    const hostile = validateJsonSchema(JSON.parse(toJson(errorResponseSchema(hostileModel, 'comment'))));
    expect(hostile.errors).toEqual([]);
    for (const error of hostileModel.errorCodes) expect(hostile.accepts({ error_code: error.code, error_msg: '' })).toBe(true);
    expect(hostile.accepts({ error_code: 'evil', error_msg: '' })).toBe(true);
    expect(hostile.accepts({ error_code: null, error_msg: '' })).toBe(false);
  });
});
