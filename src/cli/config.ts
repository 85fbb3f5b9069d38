/**
 * Loading the config file for any command: read as bytes (regular files
 * only, at most MAX_CONFIG_BYTES, counted while reading: read.ts), decoded as strict UTF-8 (a bad byte is
 * reported at its line and column, exit 3, as for pages), then validated
 * (src/config.ts; an invalid config is exit 2).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { DEFAULT_CONFIG_NAME, MAX_CONFIG_BYTES } from '../config-limits.js';
import type { Config } from '../config.js';
import type { RuleSetting } from '../diagnostics.js';
import { ExitCode, UserError } from './io.js';
import type { CliIo } from './io.js';
import { decodeUtf8, describeFsError, ReadRefused, readRegularFile } from './read.js';
import { formatReport } from './report.js';
import type { ReportOptions } from './report.js';

interface LoadedConfig {
  config: Config;
  /** Absolute path of the config file. */
  path: string;
  /** The config's folder: paths in it are relative to this. */
  base: string;
  /** The config's vfile (path as shown to the user), for run-level diagnostics. */
  file: VFile;
}

export type ConfigOutcome = { ok: true; loaded: LoadedConfig } | { ok: false; code: number };

/** A config file read and decoded, not yet parsed. */
export interface ConfigText {
  text: string;
  /** Absolute path of the config file. */
  path: string;
  /** The config's vfile (path as shown to the user). */
  file: VFile;
}

/**
 * Reads and decodes the config at `option` (default rst-codegen.config.json in
 * io.cwd), without parsing it. Problems are printed to stderr with
 * `reportOptions`; the outcome carries the exit code then.
 */
export async function readConfigText(
  io: CliIo,
  option: string | undefined,
  command: string,
  reportOptions: ReportOptions = {},
): Promise<{ ok: true; config: ConfigText } | { ok: false; code: number }> {
  const configPath = path.resolve(io.cwd, option ?? DEFAULT_CONFIG_NAME);
  const display = path.relative(io.cwd, configPath) || path.basename(configPath);
  const file = new VFile({ path: display });
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(configPath, MAX_CONFIG_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === 'ENOENT' ? ` (create ${DEFAULT_CONFIG_NAME} or pass --config FILE)` : '';
    io.stderr(
      `rst-codegen ${command}: cannot read the config \`${display}\`: ${error instanceof ReadRefused ? error.message : describeFsError(error)}${hint}.\n`,
    );
    return { ok: false, code: code === 'ENOENT' ? ExitCode.usage : ExitCode.io };
  }
  const text = decodeUtf8(bytes, file);
  if (text === null) {
    io.stderr(formatReport([file], reportOptions).text);
    return { ok: false, code: ExitCode.io };
  }
  return { ok: true, config: { text, path: configPath, file } };
}

/**
 * Reads and validates the config at `option` (default rst-codegen.config.json in
 * io.cwd). Problems are printed to stderr with `reportOptions`; the outcome
 * carries the exit code then.
 */
export async function loadConfig(io: CliIo, option: string | undefined, command: string, reportOptions: ReportOptions = {}): Promise<ConfigOutcome> {
  const read = await readConfigText(io, option, command, reportOptions);
  if (!read.ok) return read;
  return parseReadConfig(io, read.config, reportOptions);
}

/** Parses and validates a config read by {@link readConfigText} (loading the validator only now); problems are printed to stderr. */
export async function parseReadConfig(io: CliIo, read: ConfigText, reportOptions: ReportOptions = {}): Promise<ConfigOutcome> {
  const { parseConfig } = await import('../config.js');
  const config = parseConfig(read.text, read.file);
  if (!config) {
    io.stderr(formatReport([read.file], reportOptions).text);
    return { ok: false, code: ExitCode.usage };
  }
  return { ok: true, loaded: { config, path: read.path, base: path.dirname(read.path), file: read.file } };
}

/**
 * The `rules` of the config, for commands that read pages given on the command
 * line (`lint`, `model`): the config named by `--config`, else the default one
 * when it exists, else none. A bad config is a user error.
 */
export async function loadConfigRules(io: CliIo, option: string | undefined, command: string): Promise<Record<string, RuleSetting>> {
  if (option === undefined) {
    const info = await stat(path.resolve(io.cwd, DEFAULT_CONFIG_NAME)).catch(() => null);
    if (!info?.isFile()) return {};
  }
  const outcome = await loadConfig(io, option, command);
  if (!outcome.ok) throw new UserError('the config above is not usable; fix it, or pass --config FILE.', outcome.code as 2 | 3);
  return outcome.loaded.config.rules;
}
