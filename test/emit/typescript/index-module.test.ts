import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitIndexModule } from '../../../src/emit/typescript/index-module.js';
import { emitErrorCodes } from '../../../src/emit/typescript/error-codes.js';
import { emitStatusCodes } from '../../../src/emit/typescript/status-codes.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { topLevelStatements, typeCheck } from '../../helpers/validators.js';
import { hostileModel } from '../hostile-model.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;
const foo: ServiceModel = { ...cbr, service: 'foo', title: 'Foo' };
const fooErrors: ServiceModel = { ...cbr, service: 'foo-errors', title: 'Foo errors', errorCodes: [] };

describe('index.ts', () => {
  const models = [hostileModel, fooErrors, cbr, foo];
  const text = emitIndexModule(models, { style: 'enum' });

  it('re-exports every service as namespaces, sorted by id, collisions resolved', () => {
    expect(topLevelStatements(text)).toEqual([
      "export * as CloudBackupRecovery from './cloud-backup-recovery/status-codes.js'",
      "export * as CloudBackupRecoveryErrors from './cloud-backup-recovery/error-codes.js'",
      "export * as Foo from './foo/status-codes.js'",
      "export * as FooErrors from './foo/error-codes.js'",
      "export * as FooErrors_2 from './foo-errors/status-codes.js'",
      "export * as HostileService from './hostile-service/status-codes.js'",
      "export * as HostileServiceErrors from './hostile-service/error-codes.js'",
    ]);
  });

  it('does not depend on the order of the models', () => {
    expect(emitIndexModule([...models].reverse(), { style: 'const' })).toBe(text);
  });

  it('type-checks together with the service modules in both styles', () => {
    for (const style of ['enum', 'const'] as const) {
      const files: Record<string, string> = { 'index.ts': emitIndexModule(models, { style }) };
      for (const model of models) {
        files[`${model.service}/status-codes.ts`] = emitStatusCodes(model, { style });
        if (model.errorCodes.length > 0) files[`${model.service}/error-codes.ts`] = emitErrorCodes(model, { style });
      }
      files['consumer.ts'] = `import { CloudBackupRecovery, FooErrors_2, HostileServiceErrors } from './index.js';
export const ok: number = CloudBackupRecovery.StatusCode.OK;
export const same: boolean = FooErrors_2.isStatusCode(ok);
export const proto: boolean = HostileServiceErrors.isErrorCode('__proto__');
`;
      expect(typeCheck(files, { erasableSyntaxOnly: style === 'const' })).toEqual([]);
    }
  });

  it('stays an importable module when there is no service', () => {
    const empty = emitIndexModule([], { style: 'enum' });
    expect(topLevelStatements(empty)).toEqual(['other ExportDeclaration']);
    expect(typeCheck({ 'index.ts': empty, 'consumer.ts': "import * as all from './index.js';\nexport const x: object = all;\n" })).toEqual([]);
  });
});
