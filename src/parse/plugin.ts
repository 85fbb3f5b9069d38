/**
 * `rstParse`: the unified parser plugin, the one place a page's text is
 * parsed and docutils' messages become diagnostics on its vfile. All the
 * parsing is in `fromRst`.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { asText, flag, severityOfLevel } from '../diagnostics.js';
import { fromRst } from './index.js';
import { parseRules, type ParseRuleId } from './rules.js';
import type { ParseOptions, RstRoot } from './types.js';

/** Parses `file`'s text and reports docutils' messages on it (one sentence each: detail lines joined with a space). */
export function parsePage(text: string, file: VFile, options: ParseOptions = {}): RstRoot {
  const root = fromRst(text, { ...options, ...(file.path ? { path: file.path } : {}) });
  for (const message of root.messages) {
    // the message's text is already made (by its rule, from docutils' words): it is reported as one sentence
    const rule = parseRules[message.ruleId as ParseRuleId];
    const reason = message.message
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' ');
    flag(file, { ...rule, message: asText }, { text: reason }, { line: message.line, column: message.column }, severityOfLevel(message.level));
  }
  return root;
}

export const rstParse: Plugin<[ParseOptions?], string, RstRoot> = function (options) {
  const self = this as unknown as { parser: (doc: string, file: VFile) => RstRoot };
  self.parser = (doc, file) => parsePage(doc, file, options);
};
