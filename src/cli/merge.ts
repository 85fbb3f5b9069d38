/**
 * `rst-codegen merge --spec SPEC (--service NAME | --from FILE) ...`: reads the
 * user's OpenAPI spec and a generated `openapi.json`, calls the pure merge
 * (src/merge) and prints, diffs or writes (atomically) the result. Nothing is
 * written when the merge reports an error.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { merge, unifiedDiff } from '../merge/index.js';
import type { ConflictPolicy, GeneratedComponents, MergeResult } from '../merge/index.js';
import { parseFlags } from './args.js';
import { writeFileAtomic } from './atomic.js';
import { ExitCode, UserError } from './io.js';
import type { Command } from './io.js';
import { decodeUtf8, describeFsError } from './read.js';
import { formatReport } from './report.js';

export const MERGE_HELP = `Usage: rst-codegen merge --spec SPEC (--service NAME | --from FILE)
                         [--write | --out FILE] [--dry-run] [--wire]
                         [--on-conflict error|keep|overwrite] [--generated DIR]

Upserts the generated components.responses and components.schemas of one
service into an existing OpenAPI 3.0.x or 3.1.x spec (YAML or JSON) without
touching anything else: comments, key order, anchors, quoting, indentation and
line width stay byte for byte. Merged entries carry
\`x-generated-by: rst-codegen\` and are updated in place by the next merge; an
entry you wrote under the same name is a conflict. For a 3.0 spec the schemas
are translated to the 3.0 dialect (const -> enum, type arrays -> nullable,
examples -> example, ...). The result is validated against the OpenAPI schema;
a merge that would make the spec invalid is refused. Merging twice changes
nothing. Swagger 2.0 and other versions are refused.

Without --write or --out the merged spec is printed to stdout.

Options:
      --spec SPEC            the OpenAPI spec to merge into (required)
      --service NAME         merge DIR/NAME/openapi.json (see --generated)
      --from FILE            merge this generated openapi.json instead
      --generated DIR        folder of generated services (default generated)
      --write                write the result back to SPEC (atomically)
      --out FILE             write the result to FILE (atomically)
      --dry-run              print a unified diff of the change; write nothing
      --on-conflict POLICY   when SPEC has a hand-written entry with a
                             generated name: error (default, exit 1), keep
                             the hand-written one, or overwrite it
      --wire                 add $ref: '#/components/responses/<Name>' for each
                             generated error status to every operation that
                             has no response for it (never replaces one)
      --verbose              also print info diagnostics (the summary)
  -h, --help                 this text

Diagnostics are printed to stderr, one per line:
  file:line:col  severity  message  rule-id

Exit codes:
  0    merged (or nothing to change); warnings may have been printed
  1    a merge conflict, an unreadable or unsupported spec, an invalid result,
       or a generated file that is not an OpenAPI document; nothing written
  2    usage error: unknown flag, missing or conflicting options
  3    a file could not be read or written
`;

const POLICIES: readonly ConflictPolicy[] = ['error', 'keep', 'overwrite'];
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads a UTF-8 text file (a BOM is kept); a user error (exit 3) when it cannot. */
async function readText(absolute: string, display: string, what: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(absolute);
  } catch (error) {
    throw new UserError(`cannot read ${what} \`${display}\`: ${describeFsError(error)}.`, ExitCode.io);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const file = new VFile({ path: display });
    decodeUtf8(bytes, file);
    throw new UserError(`${what} ${file.messages[0]?.reason ?? `\`${display}\` is not valid UTF-8.`}`, ExitCode.io);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The components of a generated openapi.json; a user error (exit 1) for anything else. */
export function componentsOf(text: string, display: string): GeneratedComponents {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserError(`the generated file \`${display}\` is not JSON: ${error instanceof Error ? error.message : String(error)}.`, ExitCode.failed);
  }
  const components = isRecord(doc) ? doc['components'] : undefined;
  if (!isRecord(components)) {
    throw new UserError(`the generated file \`${display}\` has no \`components\` object; is it an openapi.json written by \`rst-codegen generate\`?`, ExitCode.failed);
  }
  const out: GeneratedComponents = {};
  for (const section of ['responses', 'schemas'] as const) {
    const entries = components[section];
    if (entries === undefined) continue;
    if (!isRecord(entries) || !Object.values(entries).every(isRecord)) {
      throw new UserError(`\`components.${section}\` of the generated file \`${display}\` is not a map of objects.`, ExitCode.failed);
    }
    out[section] = entries as Record<string, object>;
  }
  return out;
}

function summaryLine(result: MergeResult): string {
  const s = result.summary;
  const parts = [`${s.added.length} added`, `${s.updated.length} updated`, `${s.unchanged.length} unchanged`];
  if (s.kept.length) parts.push(`${s.kept.length} kept`);
  if (s.overwritten.length) parts.push(`${s.overwritten.length} overwritten`);
  if (s.wired) parts.push(`${s.wired} $refs wired`);
  return parts.join(', ');
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
      verbose: { type: 'boolean' },
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
  let from: string;
  if (values.service !== undefined) {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(values.service)) usage(`--service \`${values.service}\` is not a service name (letters, digits, '.', '_', '-')`);
    from = path.join(values.generated ?? 'generated', values.service, 'openapi.json');
  } else from = values.from ?? '';

  const specText = await readText(path.resolve(io.cwd, spec), spec, 'the spec');
  const sourceText = await readText(path.resolve(io.cwd, from), from, 'the generated file');
  const components = componentsOf(sourceText, from);
  const result = merge(specText, components, {
    onConflict: policy as ConflictPolicy,
    wire: Boolean(values.wire),
    specPath: spec,
    sourcePath: from,
    sourceText,
  });
  const { text: report } = formatReport([result.file], { verbose: Boolean(values.verbose) });
  io.stderr(report);
  if (!result.writable) {
    io.stderr(`rst-codegen merge: nothing was written.\n`);
    return ExitCode.failed;
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
  try {
    await writeFileAtomic(path.resolve(io.cwd, target), result.text);
  } catch (error) {
    throw new UserError(`cannot write \`${target}\`: ${describeFsError(error)}.`, ExitCode.io);
  }
  io.stderr(`rst-codegen merge: wrote \`${target}\` (${summaryLine(result)}).\n`);
  return ExitCode.ok;
};
