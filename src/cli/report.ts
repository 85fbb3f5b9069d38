/**
 * Prints diagnostics one per line, as `file:line:col  severity  message  rule-id`
 * (the form editors and CI annotations jump to), then a count.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../diagnostics.js';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function formatMessage(file: VFile, message: VFileMessage): string {
  const where = message.place
    ? 'start' in message.place
      ? `${message.place.start.line}:${message.place.start.column}`
      : `${message.place.line}:${message.place.column}`
    : '';
  const name = file.path ?? '<stdin>';
  const reason = message.reason.replace(/\s*\n\s*/g, ' ');
  return `${where ? `${name}:${where}` : name}  ${severityOf(message)}  ${reason}  ${message.ruleId ?? ''}`.trimEnd();
}

/** Formats every message (infos only when `verbose`), sorted by file, line, column. */
export function formatReport(files: readonly VFile[], options: { verbose?: boolean } = {}): { text: string; counts: Counts } {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  const lines: string[] = [];
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      const severity = severityOf(message);
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (severity === 'info' && !options.verbose) continue;
      lines.push(formatMessage(file, message));
    }
  }
  return { text: lines.length ? `${lines.join('\n')}\n` : '', counts };
}

export function countsLine(counts: Counts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
}

/** Diagnostics as JSON objects (for `lint --format json`). */
export function messagesAsJson(files: readonly VFile[]): object[] {
  return files.flatMap((file) =>
    file.messages.map((m) => ({
      file: file.path ?? null,
      line: m.line ?? null,
      column: m.column ?? null,
      severity: severityOf(m),
      message: m.reason,
      ruleId: m.ruleId ?? null,
    })),
  );
}
