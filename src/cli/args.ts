/** Flag parsing on node:util's parseArgs, with its errors turned into one-line usage errors. */
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { ExitCode, UserError } from './io.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseFlags<O extends Options>(args: string[], options: O, command: string) {
  try {
    return parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error);
    throw new UserError(`${message.replace(/\.$/, '')}; run \`rst-codegen ${command} --help\`.`, ExitCode.usage);
  }
}
