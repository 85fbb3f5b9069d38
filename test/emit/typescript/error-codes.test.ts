import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnumStyle } from '../../../src/emit/types.js';
import { emitErrorCodes } from '../../../src/emit/typescript/error-codes.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { topLevelStatements, typeCheck } from '../../helpers/validators.js';
import { hostileErrorMembers, hostileModel } from '../hostile-model.js';
import { memberDocs, runModule } from '../run-module.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;
const styles: EnumStyle[] = ['enum', 'const'];

const consumer = `import { ErrorCode, errorCodeInfo, isErrorCode, type ErrorCodeInfo } from './svc/error-codes.js';
export function statusesOf(body: { error_code: unknown }): readonly number[] {
  if (!isErrorCode(body.error_code)) return [];
  const info: ErrorCodeInfo = errorCodeInfo[body.error_code];
  return info.statuses;
}
export const known: ErrorCode = ErrorCode._1100;
// @ts-expect-error not a documented error code
export const unknownCode: ErrorCode = 'Nope.0001';
`;

describe.each(styles)('error-codes.ts, style %s', (style) => {
  const hostileText = emitErrorCodes(hostileModel, { style });
  const enumDecl = style === 'enum' ? ['export enum ErrorCode'] : ['export const ErrorCode', 'export type ErrorCode'];

  it('type-checks with a consumer relying on its types, and has exactly the expected declarations', () => {
    expect(typeCheck({ 'svc/error-codes.ts': hostileText, 'consumer.ts': consumer })).toEqual([]);
    expect(topLevelStatements(hostileText)).toEqual([
      ...enumDecl,
      'export interface ErrorCodeInfo',
      'export const errorCodeInfo',
      'export function isErrorCode',
    ]);
  });

  it('names members by the naming rule, with JSDoc that carries no injected tag', () => {
    const docs = memberDocs(hostileText);
    expect([...docs.keys()]).toEqual(hostileErrorMembers);
    for (const [, doc] of docs) expect(doc.tags).toEqual([]);
    expect(docs.get('KMS_DisabledException')?.comment).toBe('KMS.DisabledException: no status\n\nHTTP status: not documented');
    const cbrDocs = memberDocs(emitErrorCodes(cbr, { style }));
    expect(cbrDocs.get('BackupService_0002')?.comment).toBe(
      'BackupService.0002: The vault (%s) does not exist.\n\nHTTP status: 400, 404\n\nThe vault is not found.\n\nSolution: Check whether the vault ID is correct.',
    );
  });

  it('keeps the documented strings exactly and its guard works at run time', () => {
    const module = runModule(hostileText);
    const enumObject = module['ErrorCode'] as Record<string, string>;
    const byCode = [...hostileModel.errorCodes].sort((a, b) => (a.code < b.code ? -1 : 1));
    expect(hostileErrorMembers.map((member) => enumObject[member])).toEqual(byCode.map((error) => error.code));
    const info = module['errorCodeInfo'] as Record<string, unknown>;
    for (const error of hostileModel.errorCodes) {
      expect(Object.prototype.hasOwnProperty.call(info, error.code)).toBe(true);
      expect(info[error.code]).toEqual({
        statuses: error.statuses,
        messages: error.messages.map((message) => message.text),
        description: error.description,
        solution: error.solution,
      });
    }
    expect(Object.getPrototypeOf(info)).toBe(Object.prototype);
    const isErrorCode = module['isErrorCode'] as (value: unknown) => boolean;
    expect(hostileModel.errorCodes.map((error) => isErrorCode(error.code))).toEqual(hostileModel.errorCodes.map(() => true));
    expect(['toString', 'hasOwnProperty', 'BackupService.0002', 1100, null].map(isErrorCode)).toEqual([false, false, false, false, false]);
    expect(module['pwned']).toBeUndefined();
  });
});
