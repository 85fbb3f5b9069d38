/**
 * What a command needs from the outside world, passed in so commands can be
 * tested without spawning processes. The CLI is the only layer that touches
 * the file system, the process and exit codes.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Whether to colour diagnostics (stderr is a colour terminal; NO_COLOR/FORCE_COLOR honoured, see report.ts). */
  color?: boolean;
}

/** Exit codes, documented in the README and in `--help`. */
export const ExitCode = {
  /** Success; warnings may have been printed. */
  ok: 0,
  /** The input has errors (error diagnostics, stale files under --check, a merge conflict, lint errors). */
  failed: 1,
  /** Usage error: unknown command or flag, missing argument, invalid config. */
  usage: 2,
  /** A file could not be read or written (missing, a directory, permissions, not UTF-8 when required). */
  io: 3,
  /** Interrupted by SIGINT/SIGTERM; nothing was written. */
  interrupted: 130,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A sub-command: argv after the command name in, exit code (an `ExitCode`) out. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** A user error: printed as one line (no stack trace) with its exit code. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.usage,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
