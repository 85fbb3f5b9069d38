/**
 * Copies the system messages docutils would print for a document into a
 * vfile, as diagnostics: level 1 -> info, 2 -> warning, 3/4 -> error.
 */
import type { VFile } from 'vfile';
import { report } from '../diagnostics.js';
import type { RstRoot, SystemMessage } from './types.js';

export function severityOfLevel(level: SystemMessage['level']): 'info' | 'warning' | 'error' {
  return level === 1 ? 'info' : level === 2 ? 'warning' : 'error';
}

/** One sentence per message: docutils' detail lines are joined with a space. */
export function reportSystemMessages(root: RstRoot, file: VFile): void {
  for (const message of root.messages) {
    const reason = message.message.split('\n').map((s) => s.trim()).filter(Boolean).join(' ');
    report(file, severityOfLevel(message.level), reason, { line: message.line, column: message.column }, message.ruleId);
  }
}
