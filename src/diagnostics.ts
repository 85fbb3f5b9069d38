/**
 * Diagnostics are vfile messages: one sentence, a place, a rule id and a
 * severity. Stages never throw on bad input; they call `report` and go on.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from './parse/types.js';

export type Severity = 'error' | 'warning' | 'info';

/** Every diagnostic carries this `source`, so a reporter can tell ours from others'. */
export const SOURCE = 'rst-codegen';

/**
 * Adds a message to `file`. `fatal` follows vfile: true = error, false =
 * warning, undefined = info. `place` is the construct's point or range in the
 * file; omit it only for a problem with the file as a whole.
 */
export function report(
  file: VFile,
  severity: Severity,
  reason: string,
  place: Point | Position | undefined,
  ruleId: string,
): VFileMessage {
  const message = file.message(reason, { place, ruleId, source: SOURCE });
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export function hasErrors(files: readonly VFile[]): boolean {
  return files.some((f) => f.messages.some((m) => m.fatal === true));
}
