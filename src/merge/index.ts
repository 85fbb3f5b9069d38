/**
 * merge: a generated OpenAPI document -> the user's existing spec, text in,
 * text out. The spec is never re-serialised: edits are spliced into the
 * original text, so comments, key order, anchors, quoting and line width of
 * everything untouched stay byte for byte.
 *
 *   components:                       components:
 *     schemas:                          schemas:
 *       Pet: {...}          merge         Pet: {...}
 *                           ----->        StatusCode:                    <- appended
 *                                           x-generated-by: {tool: rst-codegen, service: evs, sources: [...]}
 *                                       responses:                       <- created
 *                                         BadRequest: {...}
 *
 * Components (every section) and operations (`paths.<path>.<method>`) are
 * upserted alike: an entry this tool wrote for the same service is updated in
 * place; one written by hand, or for another service, is a conflict.
 * `wire` adds `$ref`s to the generated error responses to hand-written
 * operations (wire.ts). The result is re-read and validated before it is
 * called writable.
 */
import { LineCounter, isMap, parseDocument } from 'yaml';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { flag } from '../diagnostics.js';
import { mergeRules } from './rules.js';
import type { Point, Position } from '../parse/types.js';
import { MAX_DEPTH, dataTooDeep } from './depth.js';
import { componentTo30, operationTo30 } from './dialect.js';
import type { EditProblem } from './edit-map.js';
import type { GeneratedComponents, GeneratedDocument } from './generated.js';
import { COMPONENT_NAME, COMPONENT_SECTIONS, asDocument, escapePointer, prefixDocument } from './generated.js';
import { detectLayout } from './layout.js';
import { generatedOperations, operationIds, templateKey } from './operations.js';
import type { Owner } from './owner.js';
import { describeOwner, ownershipOf, withOwner, withoutMarker } from './owner.js';
import { applyTree, planTree, setLeaf } from './plan.js';
import type { Tree } from './plan.js';
import type { SpecFormat } from './spec.js';
import { PARSE_OPTIONS, detectFormat, findPair, nodeRange, pointAt, positionOf, readSpec } from './spec.js';
import { statusOfResponse, statusesByDescription } from './status.js';
import type { Edit } from './text.js';
import { applyEdits } from './text.js';
import { newProblems, validateSpec } from './validate.js';
import { DEFAULT_WIRE, chooseStatuses, parseWireList, planWire } from './wire.js';

export { unifiedDiff } from './diff.js';
export { GENERATED_MARKER } from '../emit/openapi/document.js';
export type { GeneratedComponents, GeneratedDocument } from './generated.js';
export type { Owner } from './owner.js';
export { WIRE_SETS, DEFAULT_WIRE, parseWireList } from './wire.js';

export type ConflictPolicy = 'error' | 'keep' | 'overwrite';

export interface MergeOptions {
  /** What to do when the spec has an entry of a generated entry's name written by hand or for another service (default `error`). */
  onConflict?: ConflictPolicy;
  /**
   * Add `$ref`s to the generated error responses to hand-written operations
   * that have no response answering for their status: `true` for the
   * `common` set, or a list such as `common,409,5XX` (see `WIRE_SETS`).
   */
  wire?: boolean | string;
  /** The service the generated document belongs to, recorded on every merged entry. */
  owner?: Owner;
  /** Put before every generated component name (and every `$ref` to one), so services can sit side by side. */
  prefix?: string;
  /** Detected from `specPath` or the text by default. */
  format?: SpecFormat;
  /** The spec's path, for messages. */
  specPath?: string;
  /** The generated document's path, for messages. */
  sourcePath?: string;
  /** The generated document's text, so messages can give line:column of a generated entry. */
  sourceText?: string;
}

/** What happened to each generated entry (`responses/BadRequest`, `paths/GET /v1/volumes`, …). */
interface MergeSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Conflicts left as they were (`onConflict: keep`). */
  kept: string[];
  /** Conflicts replaced by the generated entry (`onConflict: overwrite`). */
  overwritten: string[];
  /** `$ref`s added to operations by `wire`. */
  wired: number;
}

export interface MergeResult {
  /** The merged spec; the original text when the merge is refused. */
  text: string;
  changed: boolean;
  /** False when an error was found: nothing may be written. */
  writable: boolean;
  /** The diagnostics, as vfile messages of a file named after `specPath`. */
  file: VFile;
  diagnostics: VFileMessage[];
  summary: MergeSummary;
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Json)[k], (b as Json)[k]));
}

type ParsedSource = { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | null;

/** The generated text last parsed for places, and its parse: merging one generated document into several specs parses it once. */
let lastSource: { text: string; parsed: ParsedSource } | undefined;

function parseSource(text: string): ParsedSource {
  if (lastSource?.text === text) return lastSource.parsed;
  lastSource = undefined;
  const lineCounter = new LineCounter();
  const parsed = dataTooDeep(safeJson(text)) ? null : { doc: parseDocument(text, { ...PARSE_OPTIONS, lineCounter }), lineCounter };
  lastSource = { text, parsed };
  return parsed;
}

/**
 * Where `keys` (`['components', 'schemas', 'X']`) is in the generated text, as
 * `path:line:column`. The text is parsed on the first call only: most merges
 * have nothing to locate.
 */
function sourceLocator(options: MergeOptions): (keys: readonly string[]) => string {
  const path = options.sourcePath ?? 'the generated document';
  const pointer = (keys: readonly string[]): string => `${path}#/${keys.map(escapePointer).join('/')}`;
  const text = options.sourceText;
  if (text === undefined) return pointer;
  let parsed: ParsedSource | undefined;
  return (keys) => {
    if (parsed === undefined) parsed = parseSource(text);
    if (parsed === null) return pointer(keys);
    let node: unknown = parsed.doc.contents;
    let range: [number, number, number] | undefined;
    for (const key of keys) {
      const pair = isMap(node) ? findPair(node, key) : undefined;
      range = nodeRange(pair?.key);
      node = pair?.value;
    }
    if (!range) return pointer(keys);
    const { line, col } = parsed.lineCounter.linePos(range[0]);
    return `${path}:${line}:${col}`;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** One generated entry to upsert at `keys` of the spec. */
interface Candidate {
  /** Summary id: `responses/BadRequest`, `paths/GET /v1/volumes`. */
  id: string;
  /** How messages name it: `components.responses.BadRequest`, `operation GET /v1/volumes`. */
  label: string;
  keys: string[];
  /** Where it is in the generated document. */
  sourceKeys: string[];
  value: unknown;
}

/**
 * Merges a generated document (components and operations; bare components
 * are accepted too) into the spec `specText` (OpenAPI 3.0.x or 3.1.x, YAML or
 * JSON). Never throws on bad input: problems are diagnostics, and a result
 * with an error is not `writable` and keeps the original text.
 */
export function merge(specText: string, generated: GeneratedDocument | GeneratedComponents, options: MergeOptions = {}): MergeResult {
  const file = new VFile(options.specPath === undefined ? {} : { path: options.specPath });
  const summary: MergeSummary = { added: [], updated: [], unchanged: [], kept: [], overwritten: [], wired: 0 };
  const refuse = (): MergeResult => ({ text: specText, changed: false, writable: false, file, diagnostics: file.messages, summary });
  const prefix = options.prefix ?? '';
  if (prefix !== '' && !COMPONENT_NAME.test(prefix)) {
    flag(
      file,
      mergeRules['merge-prefix-invalid'],
      { text: `The prefix \`${prefix}\` cannot start a component name: use letters, digits, \`.\`, \`-\` and \`_\` only.` },
      undefined,
    );
    return refuse();
  }
  const wireList = typeof options.wire === 'string' ? parseWireList(options.wire) : options.wire ? parseWireList(DEFAULT_WIRE) : undefined;
  if (wireList && 'reason' in wireList) {
    flag(file, mergeRules['wire-list-invalid'], { text: `Cannot wire: ${wireList.reason}.` }, undefined);
    return refuse();
  }
  if (dataTooDeep(generated)) {
    flag(
      file,
      mergeRules['generated-too-deep'],
      { text: `The generated document nests more than ${MAX_DEPTH} levels deep; it was not written by rst-codegen.` },
      undefined,
    );
    return refuse();
  }
  const format = options.format ?? detectFormat(specText, options.specPath);
  const read = readSpec(specText, format);
  if ('problems' in read) {
    for (const problem of read.problems) flag(file, mergeRules[problem.ruleId], { text: problem.reason }, problem.place);
    return refuse();
  }
  const spec = read.spec;
  const layout = detectLayout(spec);
  const specName = options.specPath ?? 'the spec';
  const at = (offset: number): Point => pointAt(spec.lineCounter, offset, spec.bom.length);
  const placeOf = (node: unknown): Position | undefined => positionOf(spec.lineCounter, nodeRange(node), spec.bom.length);
  const locate = sourceLocator(options);
  const policy = options.onConflict ?? 'error';
  const owner = options.owner;
  const original = asDocument(generated);
  const doc = prefixDocument(original, prefix);
  const tree: Tree = new Map();
  let conflicts = 0;

  /** The node of the key at `keys` in the spec, for places in messages. */
  const keyNode = (keys: readonly string[]): unknown => {
    let node: unknown = spec.root;
    let key: unknown;
    for (const k of keys) {
      const pair = isMap(node) ? findPair(node, k) : undefined;
      key = pair?.key;
      node = pair?.value;
    }
    return key;
  };
  const dataAt = (keys: readonly string[]): unknown =>
    keys.reduce<unknown>((node, k) => (isRecord(node) && Object.hasOwn(node, k) ? node[k] : undefined), spec.data);

  /** Decides what to do with one generated entry; true when it is to be written. */
  const upsert = (candidate: Candidate): boolean => {
    const { id, label, keys, value } = candidate;
    const existing = dataAt(keys);
    if (existing === undefined) {
      summary.added.push(id);
      return true;
    }
    const own = ownershipOf(existing);
    const key = keyNode(keys);
    if (own.kind === 'generated' && (own.service === undefined || owner === undefined || own.service === owner.service)) {
      if (deepEqual(existing, value)) {
        summary.unchanged.push(id);
        return false;
      }
      summary.updated.push(id);
      if (own.service === undefined && owner !== undefined && !deepEqual(withoutMarker(existing), withoutMarker(value))) {
        flag(
          file,
          mergeRules['merge-owner-unknown'],
          {
            text: `${label} was merged by an earlier rst-codegen that did not record its service, and differs from the one ${describeOwner(owner.service, [])} generates; it was replaced. If it belonged to another service, restore it and merge each service with its own --prefix.`,
          },
          placeOf(key),
        );
      }
      return true;
    }
    const keyRange = nodeRange(key);
    const where = keyRange ? at(keyRange[0]) : undefined;
    const userPlace = where ? `${specName}:${where.line}:${where.column}` : specName;
    const theirs = owner === undefined ? 'the generated one' : `the one generated for ${describeOwner(owner.service, [])}`;
    const clash =
      own.kind === 'hand'
        ? `${label} at ${userPlace} was written by hand (it has no \`x-generated-by\` marker of rst-codegen) and clashes with ${theirs} from ${locate(candidate.sourceKeys)}`
        : `${label} at ${userPlace} was generated for ${describeOwner(own.service, own.sources)} and clashes with ${theirs} from ${locate(candidate.sourceKeys)}`;
    const operation = keys[0] === 'paths';
    const hint =
      own.kind === 'hand'
        ? 'rename one of them or pass --on-conflict keep|overwrite'
        : operation
          ? 'one operation cannot belong to two services: pass --on-conflict keep to merge the rest without it, or merge the services into separate specs'
          : 'merge each service with its own --prefix to keep both side by side, or pass --on-conflict keep|overwrite';
    if (policy === 'error') {
      conflicts++;
      flag(file, mergeRules['merge-conflict'], { text: `${clash}; ${hint}.` }, placeOf(key));
      return false;
    }
    if (policy === 'keep') {
      summary.kept.push(id);
      flag(file, mergeRules['merge-conflict-kept'], { text: `${clash}; the entry in the spec was kept.` }, placeOf(key));
      return false;
    }
    summary.overwritten.push(id);
    flag(file, mergeRules['merge-conflict-overwritten'], { text: `${clash}; the entry in the spec was overwritten.` }, placeOf(key));
    return true;
  };

  const translated = (
    value: unknown,
    pointer: string,
    translate: (v: unknown) => { value: unknown; dropped: Array<{ pointer: string; keyword: string }> },
  ): unknown => {
    if (spec.dialect !== '3.0') return value;
    const translation = translate(value);
    for (const drop of translation.dropped) {
      flag(
        file,
        mergeRules['openapi-30-unsupported-keyword'],
        { text: `OpenAPI ${spec.version} cannot express \`${drop.keyword}\` at \`#${pointer}${drop.pointer}\`; it was left out.` },
        undefined,
      );
    }
    return translation.value;
  };

  /** Entries this service generated earlier that its document no longer has: reported, never removed (something may refer to them). */
  const reportStale = (service: string): void => {
    const generatedIds = new Set<string>();
    for (const [section, entries] of Object.entries(doc.components ?? {}))
      for (const name of Object.keys(entries ?? {})) generatedIds.add(`components\u0000${section}\u0000${name}`);
    for (const [path, item] of Object.entries(doc.paths ?? {})) for (const method of Object.keys(item)) generatedIds.add(`paths\u0000${path}\u0000${method}`);
    for (const top of ['components', 'paths'] as const) {
      const level = spec.data[top];
      if (!isRecord(level)) continue;
      for (const [group, entries] of Object.entries(level)) {
        if (!isRecord(entries)) continue;
        for (const [name, entry] of Object.entries(entries)) {
          const own = ownershipOf(entry);
          if (own.kind !== 'generated' || own.service !== service || generatedIds.has(`${top}\u0000${group}\u0000${name}`)) continue;
          const label = top === 'components' ? `\`components.${group}.${name}\`` : `operation \`${name.toUpperCase()} ${group}\``;
          flag(
            file,
            mergeRules['merge-stale-entry'],
            {
              text: `${label} was generated for service \`${service}\`, which no longer generates it; it was left as it is (remove it by hand when nothing refers to it).`,
            },
            placeOf(keyNode([top, group, name])),
          );
        }
      }
    }
  };

  // 1. Components, every section.
  const responseNames = new Map<string, string>();
  for (const [section, entries] of Object.entries(original.components ?? {})) {
    if (!isRecord(entries)) continue;
    if (!(COMPONENT_SECTIONS as readonly string[]).includes(section)) {
      flag(
        file,
        mergeRules['generated-invalid'],
        { text: `The generated document has an unknown component section \`components.${section}\`; it was not written by rst-codegen.` },
        undefined,
      );
      return refuse();
    }
    const prefixed = (doc.components as Record<string, Json>)[section] ?? {};
    for (const name of Object.keys(entries)) {
      const target = prefix + name;
      const pointer = `/components/${section}/${escapePointer(target)}`;
      const value = withOwner(
        translated(prefixed[target], pointer, (v) => componentTo30(section, v)),
        owner,
      );
      const candidate: Candidate = {
        id: `${section}/${target}`,
        label: `\`components.${section}.${target}\``,
        keys: ['components', section, target],
        sourceKeys: ['components', section, name],
        value,
      };
      const write = upsert(candidate);
      if (write) setLeaf(tree, candidate.keys, value);
      if (section === 'responses' && (write || summary.unchanged.includes(candidate.id))) responseNames.set(name, target);
    }
  }

  // 2. Operations: `paths.<path>.<method>`.
  const { operations, invalid } = generatedOperations(doc.paths);
  for (const where of invalid)
    flag(file, mergeRules['generated-invalid'], { text: `\`${where}\` of the generated document is not an object of operations.` }, undefined);
  if (invalid.length > 0) return refuse();
  const generatedOps = new Set<string>();
  if (operations.length > 0) {
    const specPaths = isRecord(spec.data['paths']) ? spec.data['paths'] : {};
    const byTemplate = new Map(Object.keys(specPaths).map((p) => [templateKey(p), p]));
    const ids = operationIds(specPaths);
    for (const { path, method, operation } of operations) {
      const label = `operation \`${method.toUpperCase()} ${path}\``;
      const same = byTemplate.get(templateKey(path));
      const sourceKeys = ['paths', path, method];
      if (same !== undefined && same !== path) {
        const node = keyNode(['paths', same]);
        const severity = policy === 'keep' ? 'warning' : 'error';
        if (severity === 'error') conflicts++;
        else summary.kept.push(`paths/${method.toUpperCase()} ${path}`);
        flag(
          file,
          mergeRules['merge-path-clash'],
          {
            text: `The generated ${label} from ${locate(sourceKeys)} has the path of \`${same}\` at ${specName}:${at(nodeRange(node)?.[0] ?? 0).line} with other template names; it ${severity === 'error' ? 'cannot be merged' : 'was not merged'} (one path cannot be written two ways).`,
          },
          placeOf(node),
          severity,
        );
        continue;
      }
      const opId = operation['operationId'];
      const holder = typeof opId === 'string' ? ids.get(opId) : undefined;
      if (holder !== undefined && holder !== `${method.toUpperCase()} ${path}`) {
        const severity = policy === 'keep' ? 'warning' : 'error';
        if (severity === 'error') conflicts++;
        else summary.kept.push(`paths/${method.toUpperCase()} ${path}`);
        flag(
          file,
          mergeRules['merge-operation-id-clash'],
          {
            text: `The generated ${label} from ${locate(sourceKeys)} has the operationId \`${String(opId)}\` of \`${holder}\` in ${specName}; it ${severity === 'error' ? 'cannot be merged' : 'was not merged'} (operationIds are unique).`,
          },
          undefined,
          severity,
        );
        continue;
      }
      const keys = ['paths', path, method];
      const value = withOwner(translated(operation, `/paths/${escapePointer(path)}/${method}`, operationTo30), owner);
      generatedOps.add(`${method} ${path}`);
      if (upsert({ id: `paths/${method.toUpperCase()} ${path}`, label, keys, sourceKeys, value })) setLeaf(tree, keys, value);
    }
  }
  if (conflicts > 0) return refuse();
  if (owner !== undefined) reportStale(owner.service);

  // 3. Wire the chosen error responses into hand-written operations.
  if (wireList) {
    const byDescription = statusesByDescription((original.components?.schemas as Json | undefined)?.['StatusCode']);
    const byStatus = new Map<number, string>();
    for (const [name, response] of Object.entries(original.components?.responses ?? {})) {
      const target = responseNames.get(name);
      if (target === undefined) continue;
      const status = statusOfResponse(name, response, byDescription);
      if (status === undefined) {
        flag(
          file,
          mergeRules['wire-unknown-status'],
          {
            text: `The status of generated response \`${name}\` is unknown (no \`x-status-code\`, no matching \`StatusCode\` branch, not a reason phrase); it is not wired.`,
          },
          undefined,
        );
      } else if (status >= 400 && !byStatus.has(status)) byStatus.set(status, target);
    }
    const documented = [...byStatus.keys()].sort((a, b) => a - b);
    const { chosen, undocumented } = chooseStatuses(wireList.items, documented);
    for (const status of undocumented) {
      flag(
        file,
        mergeRules['wire-status-undocumented'],
        { text: `Status \`${status}\` was asked for, but the generated document has no error response for it; it is not wired.` },
        undefined,
      );
    }
    const isOurs = (path: string, method: string): boolean =>
      generatedOps.has(`${method} ${path}`) || ownershipOf(dataAt(['paths', path, method])).kind === 'generated';
    const { refs, skipped } = planWire(spec, layout, chosen, (status) => `#/components/responses/${escapePointer(byStatus.get(status) ?? '')}`, isOurs);
    for (const ref of refs) setLeaf(tree, ['paths', ref.path, ref.method, 'responses', ref.status], { $ref: ref.ref }, ref.keyType);
    summary.wired = refs.length;
    for (const skip of skipped) {
      flag(
        file,
        mergeRules['wire-skipped'],
        {
          text: `The responses of \`${skip.method.toUpperCase()} ${skip.path}\` are not a mapping written here (an alias of another operation's responses, say); no \`$ref\`s were wired into it.`,
        },
        positionOf(spec.lineCounter, skip.keyRange, spec.bom.length),
      );
    }
  }

  // 4. Plan the edits.
  const edits: Edit[] = [];
  const problems: EditProblem[] = [];
  planTree({ body: spec.body, layout }, spec.root, tree, edits, problems);
  for (const problem of problems)
    flag(file, mergeRules['merge-layout-unsupported'], { text: `Cannot merge into this layout: ${problem.reason}` }, at(problem.offset));
  if (problems.length > 0) return refuse();
  if (edits.length === 0) {
    summarise(file, summary);
    return { text: specText, changed: false, writable: true, file, diagnostics: file.messages, summary };
  }

  // 5. Apply, re-read and check the result before calling it writable.
  const text = spec.bom + applyEdits(spec.body, edits);
  const reread = readSpec(text, spec.format);
  if ('problems' in reread) {
    flag(
      file,
      mergeRules['merge-internal'],
      { text: `Internal error: the merged spec does not parse (${reread.problems[0]?.reason ?? 'unknown'}); nothing was written.` },
      undefined,
    );
    return refuse();
  }
  const expected = structuredClone(spec.data);
  applyTree(expected, tree);
  if (!deepEqual(expected, reread.spec.data)) {
    flag(
      file,
      mergeRules['merge-internal'],
      { text: 'Internal error: the merged spec does not read back as the spec plus the generated entries; nothing was written.' },
      undefined,
    );
    return refuse();
  }
  // A valid result needs no comparison; only an invalid one is compared with the spec as it was.
  const after = validateSpec(reread.spec.data, spec.dialect);
  const before = after.valid ? after : validateSpec(spec.data, spec.dialect);
  const added = newProblems(before, after);
  if (!before.valid) {
    const first = before.schemaProblems[0];
    const ref = before.brokenRefs[0];
    const detail = first ? `\`${first.pointer || '/'}\` ${first.message}` : ref ? `\`$ref: ${ref.ref}\` at \`${ref.pointer}\` does not resolve` : 'unknown';
    const count = before.schemaProblems.length + before.brokenRefs.length;
    const verdict = added.valid ? 'the merge adds no problem' : 'the merge would add the problems below';
    flag(
      file,
      mergeRules['spec-already-invalid'],
      { text: `The spec was already invalid before the merge (${count} problem${count === 1 ? '' : 's'}, first: ${detail}); ${verdict}.` },
      undefined,
    );
  }
  if (!added.valid) {
    for (const problem of added.schemaProblems.slice(0, 10)) {
      flag(
        file,
        mergeRules['merge-invalid-result'],
        { text: `The merged spec would be invalid OpenAPI ${spec.version}: \`${problem.pointer || '/'}\` ${problem.message}; nothing was written.` },
        undefined,
      );
    }
    for (const broken of added.brokenRefs.slice(0, 10)) {
      flag(
        file,
        mergeRules['merge-invalid-result'],
        { text: `The merged spec would have a \`$ref\` that does not resolve: \`${broken.ref}\` at \`${broken.pointer}\`; nothing was written.` },
        undefined,
      );
    }
    return refuse();
  }
  summarise(file, summary);
  return { text, changed: text !== specText, writable: true, file, diagnostics: file.messages, summary };
}

function summarise(file: VFile, summary: MergeSummary): void {
  const parts = [`${summary.added.length} added`, `${summary.updated.length} updated`, `${summary.unchanged.length} unchanged`];
  if (summary.kept.length > 0) parts.push(`${summary.kept.length} kept as they were`);
  if (summary.overwritten.length > 0) parts.push(`${summary.overwritten.length} overwritten`);
  const wired = summary.wired > 0 ? `; ${summary.wired} response \`$ref\`s wired into operations` : '';
  flag(file, mergeRules['merge-summary'], { text: `Generated entries: ${parts.join(', ')}${wired}.` }, undefined);
}
