/**
 * Loading the config file for any command: read as bytes (regular files
 * only, at most MAX_CONFIG_BYTES, counted while reading: read.ts), decoded as strict UTF-8 (a bad byte is
 * reported at its line and column, exit 3, as for pages), then validated
 * (src/config.ts; an invalid config is exit 2).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { DEFAULT_CONFIG_NAME, MAX_CONFIG_BYTES, parseConfig } from '../config.js';
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

/**
 * Reads and validates the config at `option` (default rst-codegen.config.json in
 * io.cwd). Problems are printed to stderr with `reportOptions`; the outcome
 * carries the exit code then.
 */
export async function loadConfig(io: CliIo, option: string | undefined, command: string, reportOptions: ReportOptions = {}): Promise<ConfigOutcome> {
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
  const config = parseConfig(text, file);
  if (!config) {
    io.stderr(formatReport([file], reportOptions).text);
    return { ok: false, code: ExitCode.usage };
  }
  return { ok: true, loaded: { config, path: configPath, base: path.dirname(configPath), file } };
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
