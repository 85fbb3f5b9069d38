import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusCodeSchema } from '../../../src/emit/json-schema/status-code.js';
import { toJson } from '../../../src/emit/text.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { validateJsonSchema } from '../../helpers/validators.js';
import { hostileModel } from '../hostile-model.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

describe('status-code.schema.json', () => {
  it('is a strict-valid 2020-12 schema accepting exactly the documented codes', () => {
    const schema = statusCodeSchema(cbr, 'comment');
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'urn:rst-codegen:cloud-backup-recovery:status-code',
      type: 'integer',
    });
    const check = validateJsonSchema(schema);
    expect(check.errors).toEqual([]);
    for (const status of cbr.statusCodes) expect(check.accepts(status.code)).toBe(true);
    expect([418, 200.5, '200', null, 0].map((value) => check.accepts(value))).toEqual([false, false, false, false, false]);
  });

  it('writes one { const, title, description } branch per code', () => {
    const schema = statusCodeSchema(cbr, 'comment');
    expect((schema['oneOf'] as unknown[])[4]).toEqual({
      const: 400,
      title: '400 Bad Request',
      description: 'The server failed to process the request.',
    });
  });

  it('keeps hostile text values exactly through JSON', () => {
    const schema = JSON.parse(toJson(statusCodeSchema(hostileModel, 'comment'))) as { oneOf: { const: number; description?: string }[]; title: string };
    expect(validateJsonSchema(schema).errors).toEqual([]);
    expect(schema.title).toBe(`${hostileModel.title} status code`);
    const described = hostileModel.statusCodes.filter((status) => status.description !== '');
    expect(schema.oneOf.filter((branch) => branch.description !== undefined).map((branch) => branch.description)).toEqual(
      described.map((status) => status.description),
    );
  });

  it('matches nothing when no code is documented', () => {
    const check = validateJsonSchema(statusCodeSchema({ ...cbr, statusCodes: [] }, 'comment'));
    expect(check.errors).toEqual([]);
    expect(check.accepts(200)).toBe(false);
  });
});
