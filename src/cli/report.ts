/**
 * Prints diagnostics in one of three formats, chosen by `--format` on every
 * command:
 *
 *   text    `file:line:col  severity  message  rule-id`, one per line (the form
 *           editors and CI problem matchers jump to); the severity is coloured
 *           when stderr is a colour terminal (`NO_COLOR`/`FORCE_COLOR` honoured)
 *   json    one JSON array of `{file, line, column, severity, message, ruleId}`
 *   github  GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=rule::message`)
 *
 * Infos are shown with `--verbose`; `--quiet` hides warnings and infos. Counts
 * always include everything, so `--max-warnings` sees hidden warnings too.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { severityOf } from '../diagnostics.js';
import type { Severity } from '../diagnostics.js';

export const FORMATS = ['text', 'json', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface ReportOptions {
  format?: Format;
  /** Also show infos. */
  verbose?: boolean;
  /** Show errors only. */
  quiet?: boolean;
  /** Colour the severity (text format only). */
  color?: boolean;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

const COLOURS: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };

function where(message: VFileMessage): { line: number; column: number } | undefined {
  const place = message.place;
  if (!place) return undefined;
  return 'start' in place ? place.start : place;
}

/** Docs text in a message never spans lines (one diagnostic, one line). */
const oneLine = (text: string): string => text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');

function formatMessage(file: VFile, message: VFileMessage, color = false): string {
  const point = where(message);
  const name = file.path || '<stdin>';
  const severity = severityOf(message);
  const label = color ? `${COLOURS[severity]}${severity}\u001b[39m` : severity;
  return `${point ? `${name}:${point.line}:${point.column}` : name}  ${label}  ${oneLine(message.reason)}  ${message.ruleId ?? ''}`.trimEnd();
}

/** GitHub Actions' escaping of a workflow command's message and of its property values. */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function githubAnnotation(file: VFile, message: VFileMessage): string {
  const point = where(message);
  const severity = severityOf(message);
  const command = severity === 'info' ? 'notice' : severity;
  const properties = [`file=${escapeProperty(file.path || '<stdin>')}`];
  if (point) properties.push(`line=${point.line}`, `col=${point.column}`);
  if (message.ruleId) properties.push(`title=${escapeProperty(message.ruleId)}`);
  return `::${command} ${properties.join(',')}::${escapeData(message.reason)}`;
}

function sorted(file: VFile): VFileMessage[] {
  return [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function countMessages(files: readonly VFile[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const m of file.messages) {
      const severity = severityOf(m);
      if (severity === 'error') counts.errors++;
      else if (severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  return counts;
}

/** Formats the shown messages of `files`, sorted by file order, line, column; `text` is '' when none is shown (json: `[]`). */
export function formatReport(files: readonly VFile[], options: ReportOptions = {}): { text: string; counts: Counts } {
  const shown = (m: VFileMessage) => {
    const severity = severityOf(m);
    return severity === 'error' || (severity === 'warning' ? !options.quiet : Boolean(options.verbose) && !options.quiet);
  };
  const format = options.format ?? 'text';
  const counts = countMessages(files);
  if (format === 'json') {
    const objects = files.flatMap((file) =>
      sorted(file)
        .filter(shown)
        .map((m) => ({
          file: file.path || null,
          line: m.line ?? null,
          column: m.column ?? null,
          severity: severityOf(m),
          message: m.reason,
          ruleId: m.ruleId ?? null,
        })),
    );
    return { text: `${JSON.stringify(objects, null, 2)}\n`, counts };
  }
  const lines = files.flatMap((file) =>
    sorted(file)
      .filter(shown)
      .map((m) => (format === 'github' ? githubAnnotation(file, m) : formatMessage(file, m, options.color))),
  );
  return { text: lines.length ? `${lines.join('\n')}\n` : '', counts };
}

export function countsLine(counts: Counts): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')}`;
}

/**
 * Whether stderr should be coloured: `FORCE_COLOR` (anything but `0`/`false`)
 * forces it, a non-empty `NO_COLOR` turns it off, otherwise a TTY decides.
 */
export function wantColor(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env['NO_COLOR']) return false;
  return isTty;
}
