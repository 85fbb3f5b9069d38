/** Flag parsing on node:util's parseArgs, with its errors turned into one-line usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ExitCode, UserError } from './io.js';

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
