/**
 * Commands that read RST pages given on the command line:
 *   tables FILE... [--json]   every table, in the docutils oracle's JSON shape
 *   model FILE... [--json]    the intermediate model of the pages, as one service
 *   lint FILE... [--format text|json]   doc-lint diagnostics for maintainers
 */
import path from 'node:path';
import type { VFile } from 'vfile';
import { buildServiceModel, titleFromId } from '../model/index.js';
import { fromRst } from '../parse/index.js';
import { toOracleJson } from '../parse/oracle-json.js';
import { reportSystemMessages } from '../parse/report.js';
import type { RstRoot } from '../parse/types.js';
import { parseFlags } from './args.js';
import { HELP } from './help.js';
import { ExitCode } from './io.js';
import type { CliIo, Command } from './io.js';
import { loadPage } from './read.js';
import { countsLine, formatReport, messagesAsJson } from './report.js';

interface Loaded {
  files: VFile[];
  pages: Array<{ file: VFile; root: RstRoot }>;
  readFailed: boolean;
}

async function loadAndParse(positionals: string[], io: CliIo, skeleton: boolean): Promise<Loaded> {
  const files: VFile[] = [];
  const pages: Loaded['pages'] = [];
  let readFailed = false;
  for (const name of positionals) {
    const { file, ok } = await loadPage(io.cwd, name);
    files.push(file);
    if (!ok) {
      readFailed = true;
      continue;
    }
    const root = fromRst(String(file.value), { path: name, skeleton });
    reportSystemMessages(root, file);
    pages.push({ file, root });
  }
  return { files, pages, readFailed };
}

function needFiles(positionals: string[], command: string, io: CliIo): boolean {
  if (positionals.length > 0) return true;
  io.stderr(`rst-codegen ${command}: give at least one RST file (run \`rst-codegen ${command} --help\`).\n`);
  return false;
}

export const tablesCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } }, 'tables');
  if (values.help) return help(io, 'tables');
  if (!needFiles(positionals, 'tables', io)) return ExitCode.usage;
  const { files, pages, readFailed } = await loadAndParse(positionals, io, false);
  if (values.json) {
    const objects = pages.map(({ file, root }) => toOracleJson(root, file.path));
    io.stdout(objects.length === 1 ? `${JSON.stringify(objects[0], null, 1)}\n` : objects.map((o) => `${JSON.stringify(o)}\n`).join(''));
  } else {
    for (const { file, root } of pages) {
      const tables = root.children.filter((n) => n.type === 'table');
      io.stdout(`${file.path}: ${tables.length} table(s)\n`);
      for (const t of tables) {
        io.stdout(`  ${t.line}:${t.position.start.column}  ${t.kind}  ${t.rows} rows (${t.headerRows} header) x ${t.columns} columns${t.title ? `  "${t.title}"` : ''}\n`);
      }
    }
  }
  const { text, counts } = formatReport(files);
  io.stderr(text);
  return readFailed ? ExitCode.io : counts.errors > 0 ? ExitCode.failed : ExitCode.ok;
};

export const modelCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, service: { type: 'string' }, verbose: { type: 'boolean' } }, 'model');
  if (values.help) return help(io, 'model');
  if (!needFiles(positionals, 'model', io)) return ExitCode.usage;
  const { files, pages, readFailed } = await loadAndParse(positionals, io, true);
  const service = values.service ?? serviceIdFrom(positionals[0]!);
  const model = buildServiceModel(
    { service, title: titleFromId(service), pages: pages.map(({ file, root }) => ({ path: file.path, root })) },
    new Map(pages.map(({ file }) => [file.path, file])),
  );
  if (values.json) io.stdout(`${JSON.stringify({ version: 1, services: [model] }, null, 2)}\n`);
  else {
    io.stdout(`${model.service}: ${model.statusCodes.length} status codes, ${model.statusClasses.length} status classes, ${model.errorCodes.length} error codes\n`);
    for (const s of model.statusCodes) io.stdout(`  ${s.code} ${s.phrase ?? s.standardPhrase ?? ''}${s.group ? `  [${s.group}]` : ''}\n`);
    for (const e of model.errorCodes) io.stdout(`  ${e.code}  ${e.statuses.join('/') || 'N/A'}  ${e.message}\n`);
  }
  const { text, counts } = formatReport(files, { verbose: Boolean(values.verbose) });
  io.stderr(text);
  return readFailed ? ExitCode.io : counts.errors > 0 ? ExitCode.failed : ExitCode.ok;
};

export const lintCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, { format: { type: 'string', short: 'f' }, verbose: { type: 'boolean' } }, 'lint');
  if (values.help) return help(io, 'lint');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    io.stderr(`rst-codegen lint: --format must be \`text\` or \`json\`, not \`${format}\`.\n`);
    return ExitCode.usage;
  }
  if (!needFiles(positionals, 'lint', io)) return ExitCode.usage;
  const { files, pages, readFailed } = await loadAndParse(positionals, io, true);
  // Each page is linted on its own: duplicates are looked for within a page.
  for (const { file, root } of pages) {
    buildServiceModel({ service: serviceIdFrom(file.path), title: '', pages: [{ path: file.path, root }] }, new Map([[file.path, file]]));
  }
  const { text, counts } = formatReport(files, { verbose: Boolean(values.verbose) });
  if (format === 'json') io.stdout(`${JSON.stringify(messagesAsJson(files), null, 2)}\n`);
  else {
    io.stdout(text);
    io.stdout(`${files.length} file(s): ${countsLine(counts)}\n`);
  }
  return readFailed ? ExitCode.io : counts.errors > 0 ? ExitCode.failed : ExitCode.ok;
};

function help(io: CliIo, topic: 'tables' | 'model' | 'lint'): number {
  io.stdout(HELP[topic]);
  return ExitCode.ok;
}

/** A service id from a page path: the nearest folder that is not a docs-layout folder, kebab-cased. */
export function serviceIdFrom(page: string): string {
  const generic = new Set(['', '.', 'source', 'api-ref', 'appendix', 'appendixes', 'common_parameters', 'public_parameters', 'doc', 'docs', 'error_codes', 'umn']);
  const parts = path.posix.dirname(page.split(path.sep).join('/')).split('/').reverse();
  const name = parts.find((p) => !generic.has(p)) ?? 'service';
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return id || 'service';
}
