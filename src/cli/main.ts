/**
 * `rst-codegen <command>`: argv in, exit code out. Every user error becomes
 * one line on stderr and a documented exit code; a stack trace is printed only
 * for a bug (an exception nobody expected), with a request to report it.
 */
import { pathToFileURL } from 'node:url';
import { ExitCode, UserError } from './io.js';
import type { CliIo, Command } from './io.js';
import { wantColor } from './report.js';

/** Each command's module is loaded only when it runs, so start-up pays for that command alone (not ts-morph for `tables`). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./generate.js')).generateCommand,
  tables: async () => (await import('./pages.js')).tablesCommand,
  model: async () => (await import('./pages.js')).modelCommand,
  lint: async () => (await import('./pages.js')).lintCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
};

const defaultIo = (): CliIo => {
  // A reader that stops reading (`rst-codegen tables … | head`) closes the pipe: the rest of the output is
  // dropped, as a Unix tool stops writing, instead of an unhandled EPIPE error ending the process.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return {
    stdout: (text) => {
      if (!closed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    color: wantColor(process.env, Boolean(process.stderr.isTTY)),
  };
};

export async function main(argv: string[], io: CliIo = defaultIo()): Promise<number> {
  const [name, ...rest] = argv;
  // The help texts list every rule (the whole rule catalog): loaded only when asked for.
  const help = () => import('./help.js');
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout((await help()).HELP.main);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout((await help()).HELP.main);
      return ExitCode.ok;
    }
    const load = COMMANDS[topic];
    if (!load) {
      io.stderr(`rst-codegen: unknown command \`${topic}\`; run \`rst-codegen --help\`.\n`);
      return ExitCode.usage;
    }
    return (await load())(['--help'], io);
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${(await help()).VERSION}\n`);
    return ExitCode.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`rst-codegen: unknown command \`${name}\`; the commands are ${Object.keys(COMMANDS).join(', ')} (run \`rst-codegen --help\`).\n`);
    return ExitCode.usage;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`rst-codegen ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(
      `rst-codegen ${name}: internal error (a bug in rst-codegen, please report it with the input that caused it):\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return ExitCode.failed;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.removeAllListeners('warning'); // Node's own warnings are not rst-codegen's messages (as in bin/rst-codegen.js)
  process.exitCode = await main(process.argv.slice(2));
}
