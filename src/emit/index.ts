/**
 * The emit stage: ServiceModel -> generated file texts (TypeScript, JSON
 * Schema 2020-12, OpenAPI 3.1, the model as JSON). Pure: no I/O, the input
 * is never mutated, and the same input always gives the same bytes.
 *
 *   emitService(model, { style: 'enum' }) ->
 *     <service>/error-codes.ts               (only when the service has error codes)
 *     <service>/error-response.schema.json   (only when the service has error codes)
 *     <service>/model.json
 *     <service>/openapi.json
 *     <service>/status-code.schema.json
 *     <service>/status-codes.ts
 *   emitIndex(models, options) -> index.ts
 *   emitPackageJson(scope)    -> package.json   (the config's `packageJson`, on by default)
 */
import type { ServiceModel } from '../model/types.js';
import { errorResponseSchema } from './json-schema/error-response.js';
import { statusCodeSchema } from './json-schema/status-code.js';
import { modelJson } from './model-json.js';
import { openApiDocument } from './openapi/document.js';
import { doNotEdit, sourceFiles, toJson } from './text.js';
import type { EmitOptions, OutputFile } from './types.js';
import { emitErrorCodes } from './typescript/error-codes.js';
import { emitIndexModule } from './typescript/index-module.js';
import { serviceDirectory } from './typescript/names.js';
import { emitStatusCodes } from './typescript/status-codes.js';
import { compareCodePoints, documentedErrors, documentedStatuses } from './view.js';

export type { EmitOptions, EnumStyle, OutputFile } from './types.js';
export { emitPackageJson, type PackageScope } from './package-json.js';
export { GENERATED_MARKER } from './openapi/document.js';

/** The files generated for one service, sorted by path (paths posix, relative to the output directory). */
export function emitService(model: ServiceModel, options: EmitOptions): OutputFile[] {
  const dir = serviceDirectory(model.service);
  const statusSources = sourceFiles(
    model,
    documentedStatuses(model).flatMap((status) => status.sources),
  );
  const errors = documentedErrors(model);
  const errorSources = sourceFiles(
    model,
    errors.flatMap((error) => error.sources),
  );
  const allSources = doNotEdit(model.sources);

  const files: OutputFile[] = [
    { path: `${dir}/model.json`, contents: toJson(modelJson(model, allSources)) },
    { path: `${dir}/status-codes.ts`, contents: emitStatusCodes(model, options) },
    { path: `${dir}/status-code.schema.json`, contents: toJson(statusCodeSchema(model, doNotEdit(statusSources))) },
    { path: `${dir}/openapi.json`, contents: toJson(openApiDocument(model, allSources)) },
  ];
  if (errors.length > 0) {
    files.push(
      { path: `${dir}/error-codes.ts`, contents: emitErrorCodes(model, options) },
      { path: `${dir}/error-response.schema.json`, contents: toJson(errorResponseSchema(model, doNotEdit(errorSources))) },
    );
  }
  return files.sort((a, b) => compareCodePoints(a.path, b.path));
}

/** `index.ts`: every service's modules re-exported as namespaces (see typescript/names.ts for the naming rule). */
export function emitIndex(models: readonly ServiceModel[], options: EmitOptions): OutputFile {
  return { path: 'index.ts', contents: emitIndexModule(models, options) };
}
