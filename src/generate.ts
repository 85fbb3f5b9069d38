/**
 * `generate`: the whole pipeline for a config, in memory. Reads nothing and
 * writes nothing — the CLI loads the pages into vfiles and writes the files
 * this returns. The stages run in the order ARCHITECTURE.md lists them:
 *
 *   RST text --parse (fromRst)--> RstRoot --model (buildServiceModel)--> ServiceModel
 *            --emit (emitService, emitIndex)--> OutputFile[]
 */
import type { VFile } from 'vfile';
import type { Config, EnumStyle } from './config.js';
import { report } from './diagnostics.js';
import { compareCodePoints } from './order.js';
import { emitIndex, emitService } from './emit/index.js';
import type { OutputFile } from './emit/index.js';
import { buildServiceModel } from './model/index.js';
import type { ModelRoot, ServiceModel } from './model/types.js';
import { fromRst } from './parse/index.js';
import { reportSystemMessages } from './parse/report.js';

/** What the CLI resolved for one service: its pages, loaded, in config order. */
export interface ServiceSources {
  service: string;
  title: string;
  /** One vfile per page (path as in the config, `value` = decoded text). Pages that could not be read are absent (the CLI reported them). */
  pages: VFile[];
}

export interface ServiceSummary {
  service: string;
  pages: number;
  statusCodes: number;
  errorCodes: number;
  errors: number;
  warnings: number;
}

export interface GenerateResult {
  /** Files to write, relative to the output folder, sorted by path. */
  files: OutputFile[];
  model: ModelRoot;
  /** One row per service, sorted by service id. */
  summary: ServiceSummary[];
}

/** Runs parse -> model -> emit for every service. Diagnostics land in the pages' vfiles (and `runFile` for run-level ones). */
export function generate(services: readonly ServiceSources[], options: { style: EnumStyle }, runFile: VFile): GenerateResult {
  const models: ServiceModel[] = [];
  const summary: ServiceSummary[] = [];
  for (const service of [...services].sort((a, b) => compare(a.service, b.service))) {
    const files = new Map<string, VFile>();
    const pages = service.pages.map((page) => {
      const text = String(page.value);
      if (text.trim() === '') report(page, 'warning', `\`${page.path}\` is empty.`, undefined, 'empty-page');
      const root = fromRst(text, { path: page.path });
      reportSystemMessages(root, page);
      files.set(page.path, page);
      return { path: page.path, root };
    });
    const model = buildServiceModel({ service: service.service, title: service.title, pages }, files);
    if (model.statusCodes.length === 0 && model.errorCodes.length === 0 && model.statusClasses.length === 0) {
      report(
        runFile,
        'error',
        `Service \`${service.service}\` yields no status codes and no error codes from its ${service.pages.length} page(s); nothing would be generated for it.`,
        undefined,
        'empty-service',
      );
    }
    models.push(model);
    const messages = service.pages.flatMap((p) => p.messages);
    summary.push({
      service: service.service,
      pages: service.pages.length,
      statusCodes: model.statusCodes.length,
      errorCodes: model.errorCodes.length,
      errors: messages.filter((m) => m.fatal === true).length,
      warnings: messages.filter((m) => m.fatal === false).length,
    });
  }
  const files = models.flatMap((m) => emitService(m, options));
  if (models.length > 0) files.push(emitIndex(models, options));
  files.sort((a, b) => compare(a.path, b.path));
  return { files, model: { version: 1, services: models }, summary };
}

/** Code-point order, independent of locale (see order.ts). */
export const compare = compareCodePoints;

