/**
 * `index.ts`: re-exports every service's modules as namespaces (ECMAScript
 * 2020 `export * as ns from`), named by names.ts `serviceNamespaceNames`.
 */
import type { StatementStructures } from 'ts-morph';
import { StructureKind } from './ts-morph.js';
import type { ServiceModel } from '../../model/types.js';
import type { EmitOptions } from '../types.js';
import { headerLines } from '../text.js';
import { compareCodePoints, documentedErrors } from '../view.js';
import { serviceDirectory, serviceNamespaceNames } from './names.js';
import { printSourceFile } from './source-file.js';

/**
 * Emits the text of `index.ts` for `models` (sorted by service id here, so
 * the input order does not matter). The style does not change this file.
 */
export function emitIndexModule(models: readonly ServiceModel[], _options: EmitOptions): string {
  const sorted = [...models].sort((a, b) => compareCodePoints(a.service, b.service));
  const namespaces = serviceNamespaceNames(sorted.map((model) => ({ service: model.service, hasErrorCodes: documentedErrors(model).length > 0 })));
  const statements: StatementStructures[] = namespaces.flatMap(({ service, status, errors }) => {
    const dir = serviceDirectory(service);
    const exports: StatementStructures[] = [{ kind: StructureKind.ExportDeclaration, namespaceExport: status, moduleSpecifier: `./${dir}/status-codes.js` }];
    if (errors !== null) {
      exports.push({ kind: StructureKind.ExportDeclaration, namespaceExport: errors, moduleSpecifier: `./${dir}/error-codes.js` });
    }
    return exports;
  });
  // With no service, `export {};` keeps the file a module (importable, valid under isolatedModules).
  if (statements.length === 0) statements.push({ kind: StructureKind.ExportDeclaration });
  const sources = [...new Set(sorted.flatMap((model) => model.sources))];
  const header = headerLines(sources);
  return printSourceFile(header, statements);
}
