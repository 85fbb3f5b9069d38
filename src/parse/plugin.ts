/**
 * `rstParse`: the unified parser plugin. All the work is in `fromRst`; this
 * only wires it into unified and copies docutils' messages into the vfile.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { fromRst } from './index.js';
import { reportSystemMessages } from './report.js';
import type { ParseOptions, RstRoot } from './types.js';

export const rstParse: Plugin<[ParseOptions?], string, RstRoot> = function (options) {
  const self = this as unknown as { parser: (doc: string, file: VFile) => RstRoot };
  self.parser = (doc: string, file: VFile): RstRoot => {
    const root = fromRst(doc, { ...options, ...(file.path ? { path: file.path } : {}) });
    reportSystemMessages(root, file);
    return root;
  };
};
