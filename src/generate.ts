/**
 * `generate`: the whole pipeline for a config, in memory. Reads nothing and
 * writes nothing — the CLI loads the pages into vfiles and writes the files
 * this returns. The stages run in the order ARCHITECTURE.md lists them:
 *
 *   RST text --rstParse (fromRst)--> RstRoot --rstModel (buildServiceModel)--> ServiceModel
 *            --rstEmit (emitService)--> OutputFile[]   (then emitIndex over all services, and
 *                                                      emitPackageJson when given a package scope)
 *
 * The three are unified plugins, run by one processor over the pages' vfiles.
 */
import type { VFile } from 'vfile';
import type { EnumStyle } from './emit/types.js';
import { unified } from 'unified';
import { applyRuleSettings, flag, severityOf } from './diagnostics.js';
import { generateRules } from './generate-rules.js';
import { modelService } from './process.js';
import type { RuleSetting } from './diagnostics.js';
import { compareCodePoints } from './order.js';
import { emitIndex, emitPackageJson } from './emit/index.js';
import type { OutputFile, PackageScope } from './emit/index.js';
import { rstEmit } from './emit/plugin.js';
import { rstModel } from './model/plugin.js';
import { buildOperations } from './model/operations/index.js';
import type { OperationsResult } from './model/operations/index.js';
import type { ServiceModelTree } from './model/plugin.js';
import type { ModelRoot, ServiceModel } from './model/types.js';
import { parsePage, rstParse } from './parse/plugin.js';
import { keepForModel } from './model/kept-table.js';

export { modelService } from './process.js';

/** What the CLI resolved for one service: its pages, loaded, in config order. */
export interface ServiceSources {
  service: string;
  title: string;
  /** One vfile per page (path as in the config, `value` = decoded text). Pages that could not be read are absent (the CLI reported them). */
  pages: VFile[];
  /** The other pages of the service's `docs` folder, read for operations (API reference pages). */
  apiPages?: VFile[];
}

export interface ServiceSummary {
  service: string;
  pages: number;
  statusCodes: number;
  errorCodes: number;
  operations: number;
  errors: number;
  warnings: number;
}

export interface GenerateResult {
  /** Files to write, relative to the output folder, sorted by path. */
  files: OutputFile[];
  model: ModelRoot;
  /** One row per service, sorted by service id. */
  summary: ServiceSummary[];
  /** Per service with API pages: parameter rows read into schemas or explained by a diagnostic, and examples. */
  operationStats: Record<string, OperationsResult['stats']>;
}

/**
 * The product's unified processor: `rstParse` (page text -> RstRoot, per
 * page), `rstModel` (a service's parsed pages -> its model), and, with
 * `rstEmit` (model -> generated files, in `style`). Diagnostics land on the
 * pages' vfiles.
 */
export function createProcessor(options: { skeleton?: boolean; style?: EnumStyle } = {}) {
  return (
    unified()
      // the model reads only the literal blocks of a page's document tree (error body examples)
      .use(rstParse, { skeleton: options.skeleton ?? true, literalBlocks: true, mapTable: keepForModel })
      .use(rstModel)
      .use(rstEmit, { style: options.style ?? 'enum' })
      .freeze()
  );
}

/**
 * Runs parse -> model -> emit for every service. Diagnostics land in the
 * pages' vfiles (and `runFile` for run-level ones); `rules` (the config's)
 * re-grade or drop them before they are counted. With `packageScope` (the
 * `type` of the package.json above the output folder, read by the CLI), the
 * output also gets its `package.json` declaring it free of side effects.
 */
export function generate(
  services: readonly ServiceSources[],
  options: { style: EnumStyle; rules?: Readonly<Record<string, RuleSetting>>; packageScope?: PackageScope | null },
  runFile: VFile,
): GenerateResult {
  const processor = createProcessor({ style: options.style });
  const models: ServiceModel[] = [];
  const summary: ServiceSummary[] = [];
  const operationStats: Record<string, OperationsResult['stats']> = {};
  const files: OutputFile[] = [];
  for (const service of [...services].sort((a, b) => compare(a.service, b.service))) {
    for (const page of service.pages) {
      if (String(page.value).trim() === '') flag(page, generateRules['empty-page'], { path: page.path }, undefined);
    }
    const model = modelService(processor, service, runFile);
    // The API reference pages: operations (src/model/operations), each page parsed once.
    const apiPages = service.apiPages ?? [];
    if (apiPages.length > 0) {
      // The document tree (labels, references, literal blocks) instead of the slower skeleton; the model reads
      // cells from the tables (`root.children`), so the cells' block trees are not built.
      const parsed = apiPages.map((file) => ({
        path: file.path,
        text: String(file.value),
        parse: () => parsePage(String(file.value), file, { skeleton: false, document: true, cellBlocks: false }),
      }));
      const { model: operations, stats } = buildOperations(parsed, new Map(apiPages.map((file) => [file.path, file])));
      operationStats[service.service] = stats;
      if (operations.operations.length > 0) model.operations = operations;
    }
    if (model.statusCodes.length === 0 && model.errorCodes.length === 0 && model.statusClasses.length === 0 && !model.operations) {
      flag(runFile, generateRules['empty-service'], { service: service.service, pages: service.pages.length + apiPages.length }, undefined);
    }
    applyRuleSettings([...service.pages, ...apiPages, runFile], options.rules ?? {});
    models.push(model);
    files.push(...(processor.stringify({ type: 'service-model', model } satisfies ServiceModelTree, runFile) as OutputFile[]));
    const messages = [...service.pages, ...apiPages].flatMap((p) => p.messages);
    summary.push({
      service: service.service,
      pages: service.pages.length,
      statusCodes: model.statusCodes.length,
      errorCodes: model.errorCodes.length,
      operations: model.operations?.operations.length ?? 0,
      errors: messages.filter((m) => severityOf(m) === 'error').length,
      warnings: messages.filter((m) => severityOf(m) === 'warning').length,
    });
  }
  if (models.length > 0) files.push(emitIndex(models, options));
  if (models.length > 0 && options.packageScope) files.push(emitPackageJson(options.packageScope));
  files.sort((a, b) => compare(a.path, b.path));
  return { files, model: { version: 1, services: models }, summary, operationStats };
}

/** Code-point order, independent of locale (see order.ts). */
export const compare = compareCodePoints;
