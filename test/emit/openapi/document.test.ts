import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_MARKER, openApiDocument } from '../../../src/emit/openapi/document.js';
import { toJson } from '../../../src/emit/text.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { validateJsonSchema, validateOpenApi } from '../../helpers/validators.js';
import { hostileModel } from '../hostile-model.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

interface Doc {
  openapi: string;
  info: { title: string; version: string; description: string };
  paths: object;
  components: { schemas: Record<string, Record<string, unknown>>; responses: Record<string, Record<string, unknown>> };
}
const parse = (model: ServiceModel): Doc => JSON.parse(toJson(openApiDocument(model, 'Generated; do not edit.'))) as Doc;

describe('openapi.json', () => {
  const doc = parse(cbr);

  it('is a valid OpenAPI 3.1 document on its own', async () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths).toEqual({});
    expect(await validateOpenApi(doc)).toEqual([]);
  });

  it('has one response per documented code, named by its code, with the doc description', () => {
    expect(Object.keys(doc.components.responses)).toEqual(
      [
        'OK',
        'Created',
        'Accepted',
        'NoContent',
        'BadRequest',
        'Unauthorized',
        'Forbidden',
        'NotFound',
        'MethodNotAllowed',
        'NotAcceptable',
        'ProxyAuthenticationRequired',
        'RequestTimeout',
        'Conflict',
        'InternalServerError',
        'NotImplemented',
        'BadGateway',
        'ServiceUnavailable',
        'GatewayTimeout',
      ],
      // registered codes are named by http-status-codes, whatever the page's phrase
    );
    expect(doc.components.responses['OK']).toEqual({
      description: 'Specifies the normal response code for the GET and PUT operations.',
      'x-status-code': 200,
      'x-generated-by': 'rst-codegen',
    });
  });

  it('gives 4xx/5xx responses the ErrorResponse schema with the error codes documented for the status as examples', () => {
    expect(doc.components.responses['NotFound']).toEqual({
      description: 'The server could not find the requested page.',
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/ErrorResponse' },
          examples: {
            'BackupService.0002': {
              summary: 'The vault is not found.',
              value: { error_code: 'BackupService.0002', error_msg: 'The vault (%s) does not exist.' },
            },
          },
        },
      },
      'x-status-code': 404,
      'x-generated-by': 'rst-codegen',
    });
    const conflict = doc.components.responses['Conflict'] as { content: { 'application/json': Record<string, unknown> } };
    expect(conflict.content['application/json']).toEqual({ schema: { $ref: '#/components/schemas/ErrorResponse' } });
  });

  it('marks every generated component with the merge marker', () => {
    expect(GENERATED_MARKER).toEqual({ key: 'x-generated-by', value: 'rst-codegen' });
    const components = [...Object.values(doc.components.schemas), ...Object.values(doc.components.responses)];
    expect(components.every((component) => component['x-generated-by'] === 'rst-codegen')).toBe(true);
    expect(Object.keys(doc.components.schemas)).toEqual(['StatusCode', 'ErrorCode', 'ErrorResponse']);
  });

  it('has component schemas that are valid JSON Schema 2020-12 once their refs are inlined', () => {
    const { ErrorCode, ErrorResponse, StatusCode } = doc.components.schemas;
    const strip = (schema: Record<string, unknown> | undefined): Record<string, unknown> =>
      Object.fromEntries(Object.entries(schema ?? {}).filter(([key]) => key !== 'x-generated-by'));
    expect(validateJsonSchema(strip(StatusCode)).errors).toEqual([]);
    const inlined = JSON.parse(JSON.stringify(strip(ErrorResponse)).replace('{"$ref":"#/components/schemas/ErrorCode"}', JSON.stringify(strip(ErrorCode))));
    const check = validateJsonSchema(inlined);
    expect(check.errors).toEqual([]);
    expect(check.accepts({ error_code: 'Common.0001', error_msg: 'x' })).toBe(true);
  });

  it('has no error content or ErrorCode schemas when the service documents no error codes', async () => {
    const plain = parse({ ...cbr, errorCodes: [] });
    expect(Object.keys(plain.components.schemas)).toEqual(['StatusCode']);
    expect(plain.components.responses['BadRequest']).toEqual({
      description: 'The server failed to process the request.',
      'x-status-code': 400,
      'x-generated-by': 'rst-codegen',
    });
    expect(await validateOpenApi(plain)).toEqual([]);
  });

  it('stays valid with hostile text, which survives exactly', async () => {
    const hostile = parse(hostileModel);
    expect(await validateOpenApi(hostile)).toEqual([]);
    const names = Object.keys(hostile.components.responses);
    expect(names).toHaveLength(hostileModel.statusCodes.length);
    for (const name of names) expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(names.slice(5, 7)).toEqual(['ResetContent', 'PartialContent']);
    expect(names.slice(-3)).toEqual(['ImATeapot_418', 'Status_441', 'Status_499']);
    const badRequest = hostile.components.responses['BadRequest'] as { content: { 'application/json': { examples: Record<string, { value: unknown }> } } };
    const examples = badRequest.content['application/json'].examples;
    const expected = hostileModel.errorCodes.filter((error) => error.statuses.includes(400));
    // One example per message documented with 400 or with no status (one for a code without any); the first keyed by the code, the others numbered.
    const sentWith = (error: (typeof expected)[number], status: number) =>
      error.messages.filter((m) => m.statuses.length === 0 || m.statuses.includes(status)).map((m) => m.text);
    expect(Object.keys(examples)).toHaveLength(expected.reduce((n, error) => n + Math.max(1, sentWith(error, 400).length), 0));
    for (const error of expected) expect(examples[error.code]?.value).toEqual({ error_code: error.code, error_msg: sentWith(error, 400)[0] ?? '' });
    // `BackupService.0001 (message 2)` is a code of its own, so the second message takes the next free key; `only with 401` is not a 400 example.
    expect([2, 3, 4, 5].map((n) => examples[`BackupService.0001 (message ${n})`]?.value)).toEqual([
      { error_code: 'BackupService.0001 (message 2)', error_msg: '' },
      { error_code: 'BackupService.0001', error_msg: 'second' },
      { error_code: 'BackupService.0001', error_msg: expect.stringMatching(/^third /) },
      undefined,
    ]);
    const unauthorized = hostile.components.responses['Unauthorized'] as typeof badRequest;
    const at401 = Object.entries(unauthorized.content['application/json'].examples).filter(([key]) => key.startsWith('BackupService.0001'));
    expect(at401.map(([key, example]) => [key, example.value])).toEqual([
      ['BackupService.0001', { error_code: 'BackupService.0001', error_msg: 'second' }],
      ['BackupService.0001 (message 2)', { error_code: 'BackupService.0001', error_msg: 'only with 401' }],
    ]);
    expect(Object.prototype.hasOwnProperty.call(hostile.components.responses['Unauthorized'], 'content')).toBe(true);
  });
});
