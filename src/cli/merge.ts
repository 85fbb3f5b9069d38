/**
 * `rst-codegen merge --spec SPEC (--service NAME | --from FILE) ...`: reads the
 * user's OpenAPI spec and a generated `openapi.json`, calls the pure merge
 * (src/merge) and prints, diffs or writes (atomically) the result. Nothing is
 * written when the merge reports an error.
 */
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { DEFAULT_WIRE, WIRE_SETS, merge, parseWireList, unifiedDiff } from '../merge/index.js';
import type { ConflictPolicy, GeneratedDocument, MergeResult, Owner } from '../merge/index.js';
import { COMPONENT_NAME, COMPONENT_SECTIONS } from '../merge/generated.js';
import { DEFAULT_CONFIG_NAME } from '../config.js';
import { parseFlags, REPORT_FLAGS, reporting, tooManyWarnings } from './args.js';
import { loadConfig } from './config.js';
import { writeFileAtomic } from './atomic.js';
import { ExitCode, UserError } from './io.js';
import type { CliIo, Command } from './io.js';
import { decodeUtf8, describeFsError, kindOf, MAX_PAGE_BYTES, readRegularFile, wideEncoding } from './read.js';
import { formatReport } from './report.js';
import type { ReportOptions } from './report.js';

export const MERGE_HELP = `Usage: rst-codegen merge --spec SPEC (--service NAME | --from FILE)
                         [--write | --out FILE] [--dry-run] [--prefix PREFIX]
                         [--wire] [--wire-statuses LIST]
                         [--on-conflict error|keep|overwrite] [--generated DIR]

Upserts a service's generated components (responses, schemas, ...) and
operations (paths) into an existing OpenAPI 3.0.x or 3.1.x spec (YAML or
JSON) without touching anything else: comments, key order, anchors, quoting,
indentation and line width stay byte for byte. Every merged entry records its
owner, \`x-generated-by: {tool: rst-codegen, service: NAME, sources: [...]}\`,
and is updated in place by the next merge of that service. An entry you wrote
under the same name, or one generated for another service, is a conflict.
To keep several services side by side in one spec, merge each with its own
--prefix. For a 3.0 spec the schemas are translated to the 3.0 dialect
(const -> enum, type arrays -> nullable, examples -> example, ...). The
result is validated against the OpenAPI schema; a merge that would make the
spec invalid is refused. Merging twice changes nothing.

Without --write or --out the merged spec is printed to stdout.

Options:
      --spec SPEC            the OpenAPI spec to merge into (required)
      --service NAME         merge DIR/NAME/openapi.json (see --generated)
      --from FILE            merge this generated openapi.json instead
  -c, --config FILE          the config generate reads (default
                             rst-codegen.config.json, when it exists): gives
                             the default --generated (its outDir) and the
                             services --service accepts
      --generated DIR        folder of generated services (default: the
                             config's outDir, else generated)
      --write                write the result back to SPEC (atomically; through
                             a symlink, keeping the file's mode)
      --out FILE             write the result to FILE (atomically)
      --dry-run              print a unified diff of the change; write nothing
      --prefix PREFIX        put PREFIX before every generated component name
                             and every $ref to one (Evs -> EvsBadRequest)
      --on-conflict POLICY   when SPEC has an entry of a generated name written
                             by hand or for another service: error (default,
                             exit 1), keep the entry, or overwrite it
      --wire                 add $ref: '#/components/responses/<Name>' to every
                             hand-written operation with no response for a
                             chosen status (its own code, its range 4XX/5XX
                             and default all count); never replaces one
      --wire-statuses LIST   the statuses --wire chooses (implies --wire):
                             codes, classes and named sets, comma-separated,
                             e.g. common,409 or 4XX; default common =
                             ${(WIRE_SETS['common'] as readonly number[]).join(',')}; all = every documented error
  -f, --format FORMAT        diagnostics as text (default), json, or github
                             (GitHub Actions annotations)
  -q, --quiet                report errors only (no warnings or infos)
      --verbose              also report info diagnostics (the summary)
      --max-warnings N       exit 1 (nothing written) when there are more than
                             N warnings
  -h, --help                 this text

Diagnostics are printed to stderr, one per line:
  file:line:col  severity  message  rule-id

Exit codes:
  0    merged (or nothing to change); warnings may have been printed
  1    a merge conflict, an unreadable or unsupported spec, an invalid result,
       or a generated file that is not an OpenAPI document; nothing written
  2    usage error: unknown flag, missing or conflicting options
  3    a file could not be read or written (or the spec is read-only)
`;

const POLICIES: readonly ConflictPolicy[] = ['error', 'keep', 'overwrite'];
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Largest spec, generated file or model read (bytes), as for a page. */
const MAX_INPUT_BYTES = MAX_PAGE_BYTES;

/**
 * Reads a UTF-8 text file (a BOM is kept): regular files only, at most
 * MAX_INPUT_BYTES counted while reading (read.ts), so a FIFO or /dev/zero is
 * refused at once; a user error (exit 3) when it cannot, UTF-16/32 named as such.
 */
async function readText(absolute: string, display: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(absolute, MAX_INPUT_BYTES);
  } catch (error) {
    throw new UserError(`cannot read ${what} \`${display}\`: ${describeFsError(error)}.`, ExitCode.io);
  }
  try {
    if (wideEncoding(bytes) === null) return decoder.decode(bytes);
  } catch {
    // Reported below, at the first bad byte.
  }
  const file = new VFile({ path: display });
  decodeUtf8(bytes, file);
  throw new UserError(`${what} ${file.messages[0]?.reason ?? `\`${display}\` is not valid UTF-8.`}`, ExitCode.io);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The components and operations of a generated openapi.json; a user error (exit 1) for anything else. */
export function generatedOf(text: string, display: string): GeneratedDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError(`the generated file \`${display}\` is not JSON: ${error instanceof Error ? error.message : String(error)}.`, ExitCode.failed);
  }
  const components = isRecord(doc) ? doc['components'] : undefined;
  if (!isRecord(doc) || !(isRecord(components) || isRecord(doc['paths']))) {
    throw new UserError(
      `the generated file \`${display}\` has no \`components\` or \`paths\` object; is it an openapi.json written by \`rst-codegen generate\`?`,
      ExitCode.failed,
    );
  }
  const out: GeneratedDocument = { components: {} };
  for (const [section, entries] of Object.entries(isRecord(components) ? components : {})) {
    if (!(COMPONENT_SECTIONS as readonly string[]).includes(section)) {
      throw new UserError(`\`components.${section}\` of the generated file \`${display}\` is not an OpenAPI component section.`, ExitCode.failed);
    }
    if (!isRecord(entries) || !Object.values(entries).every(isRecord)) {
      throw new UserError(`\`components.${section}\` of the generated file \`${display}\` is not a map of objects.`, ExitCode.failed);
    }
    (out.components as Record<string, unknown>)[section] = entries;
  }
  if (doc['paths'] !== undefined) {
    if (!isRecord(doc['paths'])) throw new UserError(`\`paths\` of the generated file \`${display}\` is not an object.`, ExitCode.failed);
    out.paths = doc['paths'] as GeneratedDocument['paths'];
  }
  return out;
}

/**
 * The owner recorded on merged entries: the service and pages of the
 * \`model.json\` beside the generated file; without one, \`--service\` or the
 * generated file's folder name.
 */
async function ownerOf(generatedFile: string, display: string, service: string | undefined): Promise<Owner> {
  let bytes: Buffer | undefined;
  try {
    bytes = await readRegularFile(path.join(path.dirname(generatedFile), 'model.json'), MAX_INPUT_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new UserError(
        `cannot read the model \`${path.join(path.dirname(display), 'model.json')}\` beside the generated file: ${describeFsError(error)}.`,
        ExitCode.io,
      );
    }
  }
  let model: unknown;
  try {
    model = bytes === undefined ? undefined : JSON.parse(decoder.decode(bytes).replace(/^\uFEFF/, ''));
  } catch {
    model = undefined;
  }
  const sources = isRecord(model) && Array.isArray(model['sources']) ? model['sources'].filter((s): s is string => typeof s === 'string') : [];
  const named = isRecord(model) && typeof model['service'] === 'string' && model['service'] !== '' ? model['service'] : undefined;
  return { service: service ?? named ?? path.basename(path.dirname(path.resolve(generatedFile))), sources };
}

/**
 * The file a write to \`target\` lands in (a symlink is followed, so the link
 * stays a link) and the mode to keep; a user error for a file nobody may write.
 */
async function writeTarget(target: string, display: string, isSpec: boolean): Promise<{ file: string; mode: number | undefined }> {
  let file = target;
  try {
    file = await realpath(target);
  } catch {
    // A new file, or a dangling link: write where the link points.
    const link = await lstat(target).catch(() => undefined);
    if (link?.isSymbolicLink()) file = path.resolve(path.dirname(target), await readlink(target));
    return { file, mode: undefined };
  }
  const info = await stat(file);
  if (!info.isFile())
    throw new UserError(`cannot write \`${display}\`: ${info.isDirectory() ? 'it is a directory' : `it is ${kindOf(info)}, not a regular file`}.`, ExitCode.io);
  const mode = info.mode & 0o7777;
  if ((mode & 0o222) === 0) {
    throw new UserError(
      `\`${display}\` is read-only (mode ${mode.toString(8).padStart(4, '0')}); make it writable (chmod u+w) to ${isSpec ? 'merge into it, or write the result elsewhere with --out' : 'replace it, or choose another --out'}.`,
      ExitCode.io,
    );
  }
  return { file, mode };
}

function summaryLine(result: MergeResult): string {
  const s = result.summary;
  const parts = [`${s.added.length} added`, `${s.updated.length} updated`, `${s.unchanged.length} unchanged`];
  if (s.kept.length) parts.push(`${s.kept.length} kept`);
  if (s.overwritten.length) parts.push(`${s.overwritten.length} overwritten`);
  if (s.wired) parts.push(`${s.wired} $refs wired`);
  return parts.join(', ');
}

/**
 * What the config says about merging: the generated folder (its outDir,
 * relative to the working folder) and its service names. Without --config and
 * without a default config file: \`generated\` and no list. A bad config is a user error.
 */
async function configDefaults(io: CliIo, option: string | undefined, reportOptions: ReportOptions): Promise<{ generated: string; services?: string[] }> {
  if (option === undefined && !(await stat(path.resolve(io.cwd, DEFAULT_CONFIG_NAME)).catch(() => null))?.isFile()) return { generated: 'generated' };
  const outcome = await loadConfig(io, option, 'merge', reportOptions);
  if (!outcome.ok) throw new UserError('the config above is not usable; fix it, or pass --config FILE or --from FILE.', outcome.code as ExitCode);
  const { config, base } = outcome.loaded;
  return { generated: path.relative(io.cwd, path.resolve(base, config.outDir)) || '.', services: config.services.map((s) => s.name) };
}

/** `rst-codegen merge`: argv in, exit code out; user errors are thrown as UserError (one line, no stack). */
export const mergeCommand: Command = async (args, io) => {
  const { values, positionals } = parseFlags(
    args,
    {
      spec: { type: 'string' },
      service: { type: 'string' },
      from: { type: 'string' },
      generated: { type: 'string' },
      write: { type: 'boolean' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'on-conflict': { type: 'string' },
      wire: { type: 'boolean' },
      'wire-statuses': { type: 'string' },
      prefix: { type: 'string' },
      config: { type: 'string', short: 'c' },
      ...REPORT_FLAGS,
    },
    'merge',
  );
  if (values.help) {
    io.stdout(MERGE_HELP);
    return ExitCode.ok;
  }
  const usage = (message: string): never => {
    throw new UserError(`${message} (run \`rst-codegen merge --help\`).`, ExitCode.usage);
  };
  if (positionals.length > 0) usage(`unexpected argument \`${positionals[0]}\`; the spec is given with --spec SPEC`);
  const spec = values.spec;
  if (spec === undefined || spec === '') return usage('--spec SPEC is required');
  if ((values.service === undefined) === (values.from === undefined)) usage('give exactly one of --service NAME and --from FILE');
  if (values.write && values.out !== undefined) usage('--write and --out cannot be combined');
  const policy = values['on-conflict'] ?? 'error';
  if (!(POLICIES as readonly string[]).includes(policy)) usage(`--on-conflict must be error, keep or overwrite, not \`${policy}\``);
  const wireStatuses = values['wire-statuses'];
  if (wireStatuses !== undefined) {
    const parsed = parseWireList(wireStatuses);
    if ('reason' in parsed) usage(`--wire-statuses: ${parsed.reason}`);
  }
  const prefix = values.prefix;
  if (prefix !== undefined && !COMPONENT_NAME.test(prefix)) usage(`--prefix \`${prefix}\` cannot start a component name (letters, digits, '.', '_', '-')`);
  const reportOptions = reporting(values, 'merge', io);
  let from: string;
  if (values.service !== undefined) {
    const { generated, services } = await configDefaults(io, values.config, reportOptions);
    if (services !== undefined && !services.includes(values.service)) {
      throw new UserError(
        `there is no service \`${values.service}\` in the config; the services are ${services.map((s) => `\`${s}\``).join(', ')}.`,
        ExitCode.usage,
      );
    }
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(values.service)) usage(`--service \`${values.service}\` is not a service name (letters, digits, '.', '_', '-')`);
    from = path.join(values.generated ?? generated, values.service, 'openapi.json');
  } else from = values.from ?? '';

  const specText = await readText(path.resolve(io.cwd, spec), spec, 'the spec');
  const sourceText = await readText(path.resolve(io.cwd, from), from, 'the generated file');
  const generated = generatedOf(sourceText, from);
  const result = merge(specText, generated, {
    onConflict: policy as ConflictPolicy,
    wire: wireStatuses ?? (values.wire ? DEFAULT_WIRE : false),
    owner: await ownerOf(path.resolve(io.cwd, from), from, values.service),
    ...(prefix === undefined ? {} : { prefix }),
    specPath: spec,
    sourcePath: from,
    sourceText,
  });
  const { text: report, counts } = formatReport([result.file], reportOptions);
  io.stderr(report);
  if (!result.writable) {
    io.stderr(`rst-codegen merge: nothing was written.\n`);
    return ExitCode.failed;
  }
  const tooMany = tooManyWarnings(counts, reportOptions, 'merge', io);
  if (tooMany !== null) {
    io.stderr(`rst-codegen merge: nothing was written.\n`);
    return tooMany;
  }
  if (values['dry-run']) {
    io.stdout(unifiedDiff(specText, result.text, { name: spec }));
    if (!result.changed) io.stderr(`rst-codegen merge: \`${spec}\` is up to date; no change.\n`);
    return ExitCode.ok;
  }
  const target = values.write ? spec : values.out;
  if (target === undefined) {
    io.stdout(result.text);
    return ExitCode.ok;
  }
  if (values.write && !result.changed) {
    io.stderr(`rst-codegen merge: \`${spec}\` is up to date (${summaryLine(result)}); nothing written.\n`);
    return ExitCode.ok;
  }
  const { file, mode } = await writeTarget(path.resolve(io.cwd, target), target, Boolean(values.write));
  try {
    await writeFileAtomic(file, result.text, mode);
  } catch (error) {
    throw new UserError(`cannot write \`${target}\`: ${describeFsError(error)}.`, ExitCode.io);
  }
  io.stderr(`rst-codegen merge: wrote \`${target}\` (${summaryLine(result)}).\n`);
  return ExitCode.ok;
};
