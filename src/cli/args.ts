/** Flag parsing on node:util's parseArgs, with its errors turned into one-line usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ExitCode, UserError } from './io.js';
import type { CliIo } from './io.js';
import { FORMATS } from './report.js';
import type { Counts, Format, ReportOptions } from './report.js';

type Options = NonNullable<ParseArgsConfig['options']>;
type WithHelp<O extends Options> = O & { help: { type: 'boolean'; short: 'h' } };
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: true; strict: true }>>;

export function parseFlags<O extends Options>(args: string[], options: O, command: string): Parsed<O> {
  const config = { args, options: { help: { type: 'boolean', short: 'h' }, ...options } as WithHelp<O>, allowPositionals: true, strict: true } as const;
  try {
    return parseArgs(config);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UserError(`${message.replace(/\.$/, '')}; run \`rst-codegen ${command} --help\`.`, ExitCode.usage);
  }
}

/** The reporting flags every command takes (`--format`, `--quiet`, `--verbose`, `--max-warnings`). */
export const REPORT_FLAGS = {
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean' },
  'max-warnings': { type: 'string' },
} as const;

/** The reporting flags' help lines, shared by every command's --help. */
export const REPORT_FLAGS_HELP = `  -f, --format FORMAT     diagnostics as text (default), json, or github
                          (GitHub Actions annotations)
  -q, --quiet             report errors only (no warnings or infos)
      --verbose           also report info diagnostics
      --max-warnings N    exit 1 when there are more than N warnings`;

export interface Reporting extends ReportOptions {
  format: Format;
  /** Exit 1 when warnings exceed this; undefined = no limit. */
  maxWarnings: number | undefined;
}

/** Reads the reporting flags; a usage error for a bad `--format` or `--max-warnings`. */
export function reporting(values: { format?: string; quiet?: boolean; verbose?: boolean; 'max-warnings'?: string }, command: string, io: CliIo): Reporting {
  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      `--format must be ${FORMATS.map((f) => `\`${f}\``).join(', ')}, not \`${format}\`; run \`rst-codegen ${command} --help\`.`,
      ExitCode.usage,
    );
  }
  const max = values['max-warnings'];
  if (max !== undefined && !/^\d{1,9}$/.test(max)) {
    throw new UserError(`--max-warnings takes a whole number, not \`${max}\`; run \`rst-codegen ${command} --help\`.`, ExitCode.usage);
  }
  return {
    format: format as Format,
    quiet: Boolean(values.quiet),
    verbose: Boolean(values.verbose),
    color: Boolean(io.color) && format === 'text',
    maxWarnings: max === undefined ? undefined : Number(max),
  };
}

/** Exit 1 (with a sentence on stderr) when the warnings exceed `--max-warnings`; otherwise null. */
export function tooManyWarnings(counts: Counts, options: Reporting, command: string, io: CliIo): number | null {
  if (options.maxWarnings === undefined || counts.warnings <= options.maxWarnings) return null;
  io.stderr(`rst-codegen ${command}: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
  return ExitCode.failed;
}
