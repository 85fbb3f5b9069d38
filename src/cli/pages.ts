/**
 * Commands that read RST pages given on the command line:
 *   tables FILE... [--json]   every table, in the docutils oracle's JSON shape
 *   model FILE... [--json]    the intermediate model of the pages, as one service
 *   lint PATH...              doc-lint diagnostics for maintainers (files, folders, globs)
 * Each runs the product's unified processor (src/generate.ts) over the pages' vfiles.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { applyRuleSettings } from '../diagnostics.js';
import { createModelProcessor, modelService } from '../process.js';
import { titleFromId } from '../model/index.js';
import { oracleJsonWriter } from '../parse/oracle-json.js';
import { parsePage } from '../parse/plugin.js';
import { parseFlags, REPORT_FLAGS, reporting, tooManyWarnings } from './args.js';
import type { Reporting } from './args.js';
import { loadConfigRules } from './config.js';
import { HELP } from './help.js';
import { ExitCode, UserError } from './io.js';
import type { CliIo, Command } from './io.js';
import { loadPage } from './read.js';
import { countsLine, formatReport } from './report.js';

/** Loads each page into a vfile; `ok` lists those that could be read. */
async function loadPages(names: readonly string[], io: CliIo): Promise<{ files: VFile[]; ok: VFile[] }> {
  const files: VFile[] = [];
  const ok: VFile[] = [];
  for (const name of names) {
    const loaded = await loadPage(io.cwd, name);
    files.push(loaded.file);
    if (loaded.ok) ok.push(loaded.file);
  }
  return { files, ok };
}

/** Collects small writes into pieces of about 64 KB for `io.stdout`. */
function bufferedWriter(io: CliIo): { write(text: string): void; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  const flush = (): void => {
    if (parts.length) io.stdout(parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(text) {
      parts.push(text);
      size += text.length;
      if (size >= 65_536) flush();
    },
    flush,
  };
}

function needFiles(positionals: string[], command: string): void {
  if (positionals.length === 0) throw new UserError(`give at least one RST file (run \`rst-codegen ${command} --help\`).`, ExitCode.usage);
}

/** Prints the diagnostics of `files` to stderr and picks the exit code. */
function finish(files: readonly VFile[], readFailed: boolean, options: Reporting, command: string, io: CliIo, out: (text: string) => void = io.stderr): number {
  const { text, counts } = formatReport(files, options);
  out(text);
  if (readFailed) return ExitCode.io;
  if (counts.errors > 0) return ExitCode.failed;
  return tooManyWarnings(counts, options, command, io) ?? ExitCode.ok;
}

export const tablesCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, { json: { type: 'boolean' }, ...REPORT_FLAGS }, 'tables');
  if (values.help) return help(io, 'tables');
  const options = reporting(values, 'tables', io);
  needFiles(positionals, 'tables');
  const { files, ok } = await loadPages(positionals, io);
  // Only the tables are printed: no skeleton, no document tree, and each table is written (JSON) or
  // summed up in a line (text) as soon as the parse is past it, then dropped.
  const out = bufferedWriter(io);
  for (const file of ok) {
    if (values.json) {
      // one object for one file (indented), one line per file for several
      const writer = oracleJsonWriter(file.path, ok.length === 1 ? 1 : 0, out.write);
      writer.end(parsePage(String(file.value), file, { skeleton: false, onTable: (t) => writer.table(t) }));
      out.write('\n');
    } else {
      const lines: string[] = [];
      parsePage(String(file.value), file, {
        skeleton: false,
        onTable: (t) =>
          lines.push(
            `  ${t.line}:${t.position.start.column}  ${t.kind}  ${t.rows} rows (${t.headerRows} header) x ${t.columns} columns${t.title ? `  "${t.title}"` : ''}\n`,
          ),
      });
      out.write(`${file.path}: ${lines.length} table(s)\n`);
      for (const line of lines) out.write(line);
    }
  }
  out.flush();
  return finish(files, ok.length < files.length, options, 'tables', io);
};

export const modelCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(
    args,
    { json: { type: 'boolean' }, service: { type: 'string' }, config: { type: 'string', short: 'c' }, ...REPORT_FLAGS },
    'model',
  );
  if (values.help) return help(io, 'model');
  const options = reporting(values, 'model', io);
  needFiles(positionals, 'model');
  const settings = await loadConfigRules(io, values.config, 'model');
  const { files, ok } = await loadPages(positionals, io);
  const service = values.service ?? serviceIdFrom(positionals[0]!);
  const model = modelService(createModelProcessor(), { service, title: titleFromId(service), pages: ok }, new VFile());
  applyRuleSettings(files, settings);
  if (values.json) io.stdout(`${JSON.stringify({ version: 1, services: [model] }, null, 2)}\n`);
  else {
    io.stdout(
      `${model.service}: ${model.statusCodes.length} status codes, ${model.statusClasses.length} status classes, ${model.errorCodes.length} error codes\n`,
    );
    for (const s of model.statusCodes) io.stdout(`  ${s.code} ${s.phrase ?? s.standardPhrase ?? ''}${s.group ? `  [${s.group}]` : ''}\n`);
    for (const e of model.errorCodes) io.stdout(`  ${e.code}  ${e.statuses.join('/') || 'N/A'}  ${e.messages.map((m) => m.text).join(' | ')}\n`);
  }
  return finish(files, ok.length < files.length, options, 'model', io);
};

export const lintCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(args, { config: { type: 'string', short: 'c' }, ...REPORT_FLAGS }, 'lint');
  if (values.help) return help(io, 'lint');
  const options = reporting(values, 'lint', io);
  needFiles(positionals, 'lint');
  const settings = await loadConfigRules(io, values.config, 'lint');
  const names = await expandPaths(positionals, io.cwd);
  const { files, ok } = await loadPages(names, io);
  // Each page is linted on its own: duplicates are looked for within a page.
  const processor = createModelProcessor();
  for (const file of ok) modelService(processor, { service: serviceIdFrom(file.path), title: '', pages: [file] }, new VFile());
  applyRuleSettings(files, settings);
  const code = finish(files, ok.length < files.length, options, 'lint', io, io.stdout);
  if (options.format === 'text') io.stdout(`${files.length} file(s): ${countsLine(formatReport(files).counts)}\n`);
  return code;
};

function help(io: CliIo, topic: 'tables' | 'model' | 'lint'): number {
  io.stdout(HELP[topic]);
  return ExitCode.ok;
}

/** A service id from a page path: the nearest folder that is not a docs-layout folder, kebab-cased. */
function serviceIdFrom(page: string): string {
  const generic = new Set([
    '',
    '.',
    'source',
    'api-ref',
    'appendix',
    'appendixes',
    'common_parameters',
    'public_parameters',
    'doc',
    'docs',
    'error_codes',
    'umn',
  ]);
  const parts = path.posix.dirname(page.split(path.sep).join('/')).split('/').reverse();
  const name = parts.find((p) => !generic.has(p)) ?? 'service';
  const id = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id || 'service';
}

const GLOB = /[*?[]/;
const SKIP = new Set(['node_modules', '.git']);

/**
 * `lint`'s arguments: a file stays as given; a folder gives every `.rst` file
 * below it; a glob (`*`, `**`, `?`, `[abc]`, on `/`-separated paths) gives the
 * files it matches. Sorted within each argument, without repeats. A folder or
 * glob that matches nothing is a usage error.
 */
export async function expandPaths(args: readonly string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (GLOB.test(arg)) {
      const parts = arg.split(/[\\/]/);
      const firstGlob = parts.findIndex((p) => GLOB.test(p));
      const base = parts.slice(0, firstGlob).join('/');
      const pattern = globRegExp(parts.slice(firstGlob).join('/'));
      const found = (
        await walk(
          path.resolve(cwd, base || '.'),
          (rel) => pattern.test(rel),
          () => true,
        )
      ).map((rel) => (base ? `${base}/${rel}` : rel));
      if (found.length === 0) throw new UserError(`\`${arg}\` matches no file.`, ExitCode.usage);
      out.push(...found);
      continue;
    }
    const info = await stat(path.resolve(cwd, arg)).catch(() => null);
    if (info?.isDirectory()) {
      const found = (
        await walk(
          path.resolve(cwd, arg),
          (rel) => rel.endsWith('.rst'),
          () => true,
        )
      ).map((rel) => `${arg.replace(/[\\/]+$/, '')}/${rel}`);
      if (found.length === 0) throw new UserError(`the folder \`${arg}\` holds no .rst file.`, ExitCode.usage);
      out.push(...found);
    } else out.push(arg);
  }
  return [...new Set(out)];
}

/** Files below `dir` (relative, `/`-separated, sorted) whose path `accept`s. Symbolic links are not followed; node_modules and .git are skipped. */
async function walk(dir: string, accept: (rel: string) => boolean, enter: (rel: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  const visit = async (rel: string, depth: number): Promise<void> => {
    if (depth > 64) return;
    let entries;
    try {
      entries = await readdir(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && enter(child)) await visit(child, depth + 1);
      } else if (entry.isFile() && accept(child)) out.push(child);
    }
  };
  await visit('', 0);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A glob as a regular expression over `/`-separated relative paths: `**` any folders, `*` and `?` within one name, `[...]` a class. */
export function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/\\/g, '\\\\')
          .replace(/^!/, '^');
        source += `[${body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
