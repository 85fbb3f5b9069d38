import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnumStyle } from '../../../src/emit/types.js';
import { emitStatusCodes } from '../../../src/emit/typescript/status-codes.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { topLevelStatements, typeCheck } from '../../helpers/validators.js';
import { docText } from '../../../src/emit/text.js';
import { PAYLOAD, hostileGuards, hostileModel, hostileStatusMembers } from '../hostile-model.js';
import { memberDocs, runModule } from '../run-module.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;
const styles: EnumStyle[] = ['enum', 'const'];

/** A consumer that must compile: the types are as tight as documented (999 is not a StatusCode). */
const consumer = (guard: string, member: string) => `import { StatusCode, ${guard}, isStatusCode, statusPhrase } from './svc/status-codes.js';
export function describeCode(input: unknown): string {
  if (!isStatusCode(input)) return 'unknown';
  const phrase: string = statusPhrase[input];
  return phrase;
}
export function narrow(code: number): StatusCode | undefined {
  return ${guard}(code) ? code : undefined;
}
export const known: StatusCode = StatusCode.${member};
// @ts-expect-error 999 is not a documented status code
export const unknownCode: StatusCode = 999;
`;

describe.each(styles)('status-codes.ts, style %s', (style) => {
  const cbrText = emitStatusCodes(cbr, { style });
  const hostileText = emitStatusCodes(hostileModel, { style });
  const enumDecl = style === 'enum' ? ['export enum StatusCode'] : ['export const StatusCode', 'export type StatusCode'];
  const lookups = ['export const statusPhrase', 'export const statusDescription', 'export const statusGroup', 'export function isStatusCode'];

  it('type-checks under strict settings, with a consumer relying on its types', () => {
    expect(typeCheck({ 'svc/status-codes.ts': cbrText, 'consumer.ts': consumer('isNormalStatus', 'BAD_REQUEST') })).toEqual([]);
    expect(typeCheck({ 'svc/status-codes.ts': hostileText, 'consumer.ts': consumer('isGroup_9519x8bef_Status', 'IM_A_TEAPOT_418') })).toEqual([]);
  });

  it(style === 'const' ? 'also type-checks under erasableSyntaxOnly' : 'fails under erasableSyntaxOnly (the check can fail)', () => {
    const diagnostics = typeCheck({ 'svc/status-codes.ts': cbrText }, { erasableSyntaxOnly: true });
    if (style === 'const') expect(diagnostics).toEqual([]);
    else expect(diagnostics.join('\n')).toMatch(/TS1294 This syntax is not allowed when 'erasableSyntaxOnly' is enabled/);
  });

  it('has exactly the expected top-level declarations', () => {
    expect(topLevelStatements(cbrText)).toEqual([...enumDecl, ...lookups, 'export function isNormalStatus', 'export function isAbnormalStatus']);
    expect(topLevelStatements(hostileText)).toEqual([...enumDecl, ...lookups, ...hostileGuards.map((guard) => `export function ${guard}`)]);
  });

  it('names members by the naming rule, each with a JSDoc that carries no injected tag', () => {
    const docs = memberDocs(hostileText);
    expect([...docs.keys()]).toEqual(hostileStatusMembers);
    for (const [, doc] of docs) expect(doc.tags).toEqual([]);
    expect(docs.get('IM_A_TEAPOT_418')?.comment).toBe("418 I'm a teapot\n\nshort and stout\n\nGroup: normal");
    expect(docs.get('MULTI_STATUS')?.comment).toBe('207 错误请求\n\n中文描述 العربية русский\n\nGroup: 错误\n\nStandard phrase: Multi-Status');
    expect(docs.get('STATUS_441')?.comment).toBe('441\n\nno phrase at all');
    const payload = docText(PAYLOAD);
    expect(payload).toContain('*\\/ export const pwned');
    expect(docs.get(hostileStatusMembers[0] ?? '')?.comment).toBe(`200 OK ${payload}\n\n${payload}\n\nGroup: Normal\n\nStandard phrase: OK`);
    const cbrDocs = memberDocs(cbrText);
    expect(cbrDocs.get('BAD_REQUEST')?.comment).toBe('400 Bad Request\n\nThe server failed to process the request.\n\nGroup: Abnormal');
  });

  it('keeps every text value exactly, and its lookups and guards work at run time', () => {
    const module = runModule(hostileText);
    const enumObject = module['StatusCode'] as Record<string, number>;
    expect(hostileStatusMembers.map((member) => enumObject[member])).toEqual(hostileModel.statusCodes.map((status) => status.code));
    const description = module['statusDescription'] as Record<number, string>;
    const group = module['statusGroup'] as Record<number, string | null>;
    const phrase = module['statusPhrase'] as Record<number, string>;
    for (const status of hostileModel.statusCodes) {
      expect(description[status.code]).toBe(status.description);
      expect(group[status.code]).toBe(status.group);
      expect(phrase[status.code]).toBe(status.phrase ?? status.standardPhrase ?? '');
    }
    const isStatusCode = module['isStatusCode'] as (value: unknown) => boolean;
    expect([200, 441, 499].map(isStatusCode)).toEqual([true, true, true]);
    expect([999, '200', null, undefined, 200.5, 'constructor', 'toString'].map(isStatusCode)).toEqual(Array(7).fill(false));
    const isNormal = module['isNormalStatus'] as (code: number) => boolean;
    // "Normal", "normal" and "Normal!" are one group name, so one guard covers them
    expect([200, 201, 202, 401, 418, 999].map(isNormal)).toEqual([true, true, false, true, true, false]);
    expect(module['isNormalStatus_2']).toBeUndefined();
    expect(module['pwned']).toBeUndefined();
  });

  it('emits an empty enumeration that still type-checks', () => {
    const empty: ServiceModel = { ...cbr, statusCodes: [], errorCodes: [] };
    const text = emitStatusCodes(empty, { style });
    expect(topLevelStatements(text)).toEqual([...enumDecl, ...lookups]);
    expect(typeCheck({ 'svc/status-codes.ts': text })).toEqual([]);
    expect((runModule(text)['isStatusCode'] as (v: unknown) => boolean)(200)).toBe(false);
  });
});
