/**
 * Parse -> model without emit: the processor the reading commands (`tables`,
 * `model`, `lint`) use, so that they never load the emitters (ts-morph and
 * the TypeScript compiler). `createProcessor` (src/generate.ts) adds `rstEmit`.
 */
import type { VFile } from 'vfile';
import { unified } from 'unified';
import { rstModel } from './model/plugin.js';
import type { RstService, ServiceModelTree } from './model/plugin.js';
import type { ServiceModel } from './model/types.js';
import { rstParse } from './parse/plugin.js';
import { keepForModel } from './model/kept-table.js';

/**
 * `rstParse` (page text -> RstRoot) and `rstModel` (a service's parsed pages -> its model).
 * The model reads only the literal blocks of the document tree (the error body's examples), so the pages are
 * parsed with `literalBlocks` and no document tree (the `tables` command, which only parses, calls `parsePage`).
 */
export function createModelProcessor(options: { skeleton?: boolean } = {}) {
  return unified()
    .use(rstParse, { skeleton: options.skeleton ?? true, literalBlocks: true, mapTable: keepForModel })
    .use(rstModel)
    .freeze();
}

/** What `modelService` needs of a processor: `createModelProcessor()` or `createProcessor()`. */
export type ModelProcessor = Pick<ReturnType<typeof createModelProcessor>, 'parse' | 'runSync'>;

/** Parses `pages` and builds their service's model with `processor`. */
export function modelService(
  processor: ModelProcessor,
  service: { service: string; title?: string; pages: readonly VFile[] },
  serviceFile: VFile,
): ServiceModel {
  const tree: RstService = {
    type: 'rst-service',
    service: service.service,
    ...(service.title === undefined ? {} : { title: service.title }),
    pages: service.pages.map((file) => ({ file, root: processor.parse(file) })),
  };
  return (processor.runSync(tree, serviceFile) as ServiceModelTree).model;
}
