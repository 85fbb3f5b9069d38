/**
 * `rstModel`: unified adapter around `buildServiceModel` for a single page.
 * It sets the compiler, so `processor.process(file)` yields the page's
 * `ServiceModel` in `file.result` and its diagnostics in `file.messages`.
 */
import type { Plugin } from 'unified';
import type { RstRoot } from '../parse/types.js';
import type { ServiceModel } from './types.js';
import { buildServiceModel } from './index.js';

export interface Options {
  /** Service id, lower-case kebab. */
  service: string;
  title?: string;
}

declare module 'unified' {
  interface CompileResultMap {
    ServiceModel: ServiceModel;
  }
}

/** Compiles one page's RstRoot to the ServiceModel of `options.service`. */
export const rstModel: Plugin<[Options], RstRoot, ServiceModel> = function (options) {
  this.compiler = (tree, file) => {
    const path = file.path || 'input.rst';
    const input = { service: options.service, pages: [{ path, root: tree as RstRoot }], ...(options.title === undefined ? {} : { title: options.title }) };
    return buildServiceModel(input, new Map([[path, file]]));
  };
};
