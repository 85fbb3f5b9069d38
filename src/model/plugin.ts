/**
 * `rstModel`: the unified transformer around `buildServiceModel`. It takes
 * the parsed pages of one service (an `RstService` tree, made by `rstParse`
 * page by page) and gives the service's model; the model's diagnostics land
 * on each page's vfile.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { RstRoot } from '../parse/types.js';
import { buildServiceModel } from './index.js';
import type { ServiceModel } from './types.js';

/** The parsed pages of one service: the model plugin's input. */
export interface RstService {
  type: 'rst-service';
  /** Service id, lower-case kebab. */
  service: string;
  title?: string;
  /** Each page's vfile (path, diagnostics) and tree, in config order. */
  pages: Array<{ file: VFile; root: RstRoot }>;
}

/** A service's model: the model plugin's output, the emit plugin's input. */
export interface ServiceModelTree {
  type: 'service-model';
  model: ServiceModel;
}

export interface Options {
  /** Service id for a single page processed on its own (default `service`); an `RstService` tree names its own. */
  service?: string;
  title?: string;
}

/**
 * Transforms an `RstService` (several pages) or a single page's `RstRoot`
 * (`processor.process(file)`: the page is the vfile processed) into the
 * service's model.
 */
export const rstModel: Plugin<[Options?], RstService, ServiceModelTree> = function (options = {}) {
  return (given: RstService, file: VFile): ServiceModelTree => {
    // Typed by the multi-page form; a single page's RstRoot (from `process(file)`) is accepted too.
    const tree = given as RstService | RstRoot;
    const service: RstService =
      tree.type === 'rst-service'
        ? tree
        : {
            type: 'rst-service',
            service: options.service ?? 'service',
            ...(options.title === undefined ? {} : { title: options.title }),
            pages: [{ file, root: tree }],
          };
    const files = new Map(service.pages.map(({ file: page }) => [page.path, page]));
    const input = {
      service: service.service,
      pages: service.pages.map(({ file: page, root }) => ({ path: page.path, root })),
      ...(service.title === undefined ? {} : { title: service.title }),
    };
    return { type: 'service-model', model: buildServiceModel(input, files) };
  };
};
