/**
 * `rstParse`: the unified parser plugin, the one place a page's text is
 * parsed and docutils' messages become diagnostics on its vfile. All the
 * parsing is in `fromRst`.
 */
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { flag, severityOfLevel } from '../diagnostics.js';
import type { Rule } from '../diagnostics.js';
import { parseRules } from './docutils-rules.js';
import { fromRst } from './index.js';
import type { ParseOptions, RstRoot } from './types.js';

const known: Readonly<Record<string, Rule<{ text: string }>>> = parseRules;

/** Parses `file`'s text and reports docutils' messages on it (one sentence each: detail lines joined with a space). */
export function parsePage(text: string, file: VFile, options: ParseOptions = {}): RstRoot {
  const root = fromRst(text, { ...options, ...(file.path ? { path: file.path } : {}) });
  for (const message of root.messages) {
    const rule = known[message.ruleId] ?? { id: message.ruleId, severity: severityOfLevel(message.level), description: '', message: ({ text: t }: { text: string }) => t };
    const reason = message.message.split('\n').map((s) => s.trim()).filter(Boolean).join(' ');
    flag(file, rule, { text: reason }, { line: message.line, column: message.column }, severityOfLevel(message.level));
  }
  return root;
}

export const rstParse: Plugin<[ParseOptions?], string, RstRoot> = function (options) {
  const self = this as unknown as { parser: (doc: string, file: VFile) => RstRoot };
  self.parser = (doc, file) => parsePage(doc, file, options);
};
