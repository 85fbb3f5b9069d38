/** `rstEmit`: the unified compiler around `emitService`: a service's model in, its generated files out (`file.result`). */
import type { Plugin } from 'unified';
import type { ServiceModelTree } from '../model/plugin.js';
import { emitService } from './index.js';
import type { EmitOptions, OutputFile } from './types.js';

declare module 'unified' {
  interface CompileResultMap {
    OutputFiles: OutputFile[];
  }
}

export const rstEmit: Plugin<[EmitOptions], ServiceModelTree, OutputFile[]> = function (options) {
  const self = this as unknown as { compiler: (tree: ServiceModelTree) => OutputFile[] };
  self.compiler = (tree) => emitService(tree.model, options);
};
