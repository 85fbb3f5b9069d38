/**
 * merge: generated OpenAPI components -> the user's existing spec, text in,
 * text out. The spec is never re-serialised: edits are spliced into the
 * original text, so comments, key order, anchors, quoting and line width of
 * everything untouched stay byte for byte.
 *
 *   components:                       components:
 *     schemas:                          schemas:
 *       Pet: {...}          merge         Pet: {...}
 *                           ----->        StatusCode:                    <- appended
 *                                           x-generated-by: rst-codegen
 *                                         ...
 *                                       responses:                       <- created
 *                                         BadRequest: {...}
 *
 * Entries carrying `x-generated-by: rst-codegen` are updated in place on the
 * next merge; an entry the user wrote under the same name is a conflict.
 */
import { LineCounter, isAlias, isMap, isScalar, parseDocument } from 'yaml';
import type { Pair, Scalar, YAMLMap } from 'yaml';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { report } from '../diagnostics.js';
import type { Point, Position } from '../parse/types.js';
import { componentTo30 } from './dialect.js';
import type { Planned } from './edit-map.js';
import { appendEntries, fillEntries, isEmptyValue, replaceEntry } from './edit-map.js';
import type { Layout, NewEntry } from './layout.js';
import { detectLayout } from './layout.js';
import type { ParsedSpec, SpecFormat } from './spec.js';
import { PARSE_OPTIONS, detectFormat, keyText, nodeRange, pointAt, positionOf, readSpec } from './spec.js';
import { keyCovers, statusOfResponse, statusesByDescription } from './status.js';
import type { Edit } from './text.js';
import { applyEdits } from './text.js';
import { newProblems, validateSpec } from './validate.js';

export { unifiedDiff } from './diff.js';

/** The components of a generated `openapi.json`. */
export interface GeneratedComponents {
  responses?: Record<string, object>;
  schemas?: Record<string, object>;
}

export type ConflictPolicy = 'error' | 'keep' | 'overwrite';

export interface MergeOptions {
  /** What to do when the user wrote an entry with a generated entry's name (default `error`). */
  onConflict?: ConflictPolicy;
  /** Add `$ref`s to the generated error responses to every operation that lacks a response for their status. */
  wire?: boolean;
  /** Detected from `specPath` or the text by default. */
  format?: SpecFormat;
  /** The spec's path, for messages. */
  specPath?: string;
  /** The generated document's path, for messages. */
  sourcePath?: string;
  /** The generated document's text, so messages can give line:column of a generated entry. */
  sourceText?: string;
}

/** What happened to each generated entry (`responses/BadRequest`, …). */
export interface MergeSummary {
  added: string[];
  updated: string[];
  unchanged: string[];
  /** Conflicts left as the user wrote them (`onConflict: keep`). */
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

/** The marker of every entry this tool wrote. */
export const MARKER_KEY = 'x-generated-by';
export const MARKER_VALUE = 'rst-codegen';

const SECTIONS = ['responses', 'schemas'] as const;
type Section = (typeof SECTIONS)[number];
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
/** Edits inside `paths` come before component edits at the same offset (deeper text first). */
const ORDER_WIRE = 0;
const ORDER_COMPONENTS = 1;

type Json = Record<string, unknown>;

/** A `$ref` that `wire` adds: `paths[path][method].responses[status]` -> `#/components/responses/<name>`. */
interface WiredRef {
  path: string;
  method: string;
  status: string;
  name: string;
}

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

function withMarker(value: unknown): unknown {
  if (!isRecord(value) || value[MARKER_KEY] === MARKER_VALUE) return value;
  return { ...value, [MARKER_KEY]: MARKER_VALUE };
}

function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair.key) === key);
}

/** Where `components.<section>.<name>` is in the generated text, as `path:line:column`. */
function sourceLocator(options: MergeOptions): (section: Section, name: string) => string {
  const path = options.sourcePath ?? 'the generated document';
  const text = options.sourceText;
  if (text === undefined) return (section, name) => `${path}#/components/${section}/${escapePointer(name)}`;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  return (section, name) => {
    const sectionNode = doc.getIn(['components', section]);
    const pair = isMap(sectionNode) ? findPair(sectionNode, name) : undefined;
    const range = nodeRange(pair?.key);
    if (!range) return `${path}#/components/${section}/${escapePointer(name)}`;
    const { line, col } = lineCounter.linePos(range[0]);
    return `${path}:${line}:${col}`;
  };
}

/**
 * Merges generated `components` into the spec `specText` (OpenAPI 3.0.x or
 * 3.1.x, YAML or JSON). Never throws on bad input: problems are diagnostics,
 * and a result with an error is not `writable` and keeps the original text.
 */
export function merge(specText: string, components: GeneratedComponents, options: MergeOptions = {}): MergeResult {
  const file = new VFile(options.specPath === undefined ? {} : { path: options.specPath });
  const summary: MergeSummary = { added: [], updated: [], unchanged: [], kept: [], overwritten: [], wired: 0 };
  const refuse = (): MergeResult => ({ text: specText, changed: false, writable: false, file, diagnostics: file.messages, summary });
  const format = options.format ?? detectFormat(specText, options.specPath);
  const read = readSpec(specText, format);
  if ('problems' in read) {
    for (const problem of read.problems) report(file, 'error', problem.reason, problem.place, problem.ruleId);
    return refuse();
  }
  const spec = read.spec;
  const layout = detectLayout(spec);
  const ctx = { body: spec.body, layout };
  const specName = options.specPath ?? 'the spec';
  const at = (offset: number): Point => pointAt(spec.lineCounter, offset, spec.bom.length);
  const placeOf = (node: unknown): Position | undefined => positionOf(spec.lineCounter, nodeRange(node), spec.bom.length);
  const locate = sourceLocator(options);
  const policy = options.onConflict ?? 'error';

  // 1. Decide, entry by entry, what to do.
  const intended: Record<Section, Map<string, unknown>> = { responses: new Map(), schemas: new Map() };
  const toAppend: Record<Section, NewEntry[]> = { responses: [], schemas: [] };
  const toReplace: Array<{ section: Section; pair: Pair; entry: NewEntry }> = [];
  const ours = new Set<string>();
  const componentsPair = findPair(spec.root, 'components');
  const componentsNode = componentsPair?.value;
  const componentsData = isRecord(spec.data['components']) ? spec.data['components'] : undefined;
  let conflicts = 0;
  for (const section of SECTIONS) {
    const generated = components[section] ?? {};
    const sectionNode = isMap(componentsNode) ? findPair(componentsNode, section)?.value : undefined;
    const sectionData = componentsData && isRecord(componentsData[section]) ? componentsData[section] : undefined;
    for (const [name, raw] of Object.entries(generated)) {
      let value: unknown = raw;
      if (spec.dialect === '3.0') {
        const translation = componentTo30(section, raw);
        value = translation.value;
        for (const drop of translation.dropped) {
          report(
            file,
            'warning',
            `OpenAPI ${spec.version} cannot express \`${drop.keyword}\` at \`#/components/${section}/${escapePointer(name)}${drop.pointer}\`; it was left out.`,
            undefined,
            'openapi-30-unsupported-keyword',
          );
        }
      }
      value = withMarker(value);
      const id = `${section}/${name}`;
      const existing = sectionData?.[name];
      const pair = isMap(sectionNode) ? findPair(sectionNode, name) : undefined;
      if (existing === undefined) {
        intended[section].set(name, value);
        toAppend[section].push({ key: name, value });
        summary.added.push(id);
        ours.add(id);
      } else if (isRecord(existing) && existing[MARKER_KEY] === MARKER_VALUE) {
        intended[section].set(name, value);
        ours.add(id);
        if (deepEqual(existing, value)) summary.unchanged.push(id);
        else if (pair) {
          toReplace.push({ section, pair, entry: { key: name, value } });
          summary.updated.push(id);
        } else {
          toAppend[section].push({ key: name, value });
          summary.updated.push(id);
        }
      } else {
        const where = pair ? at(nodeRange(pair.key)?.[0] ?? 0) : undefined;
        const userPlace = where ? `${specName}:${where.line}:${where.column}` : specName;
        const clash = `\`components.${section}.${name}\` at ${userPlace} was written by hand (it has no \`${MARKER_KEY}: ${MARKER_VALUE}\`) and clashes with the generated one from ${locate(section, name)}`;
        if (policy === 'error') {
          conflicts++;
          report(file, 'error', `${clash}; rename one of them or pass --on-conflict keep|overwrite.`, where ? placeOf(pair?.key) : undefined, 'merge-conflict');
        } else if (policy === 'keep') {
          summary.kept.push(id);
          report(file, 'warning', `${clash}; the hand-written entry was kept.`, placeOf(pair?.key), 'merge-conflict-kept');
        } else {
          intended[section].set(name, value);
          ours.add(id);
          summary.overwritten.push(id);
          if (pair) toReplace.push({ section, pair, entry: { key: name, value } });
          else toAppend[section].push({ key: name, value });
          report(file, 'warning', `${clash}; the hand-written entry was overwritten.`, placeOf(pair?.key), 'merge-conflict-overwritten');
        }
      }
    }
  }
  if (conflicts > 0) return refuse();

  // 2. Plan the component edits.
  const edits: Edit[] = [];
  const problems: Array<{ reason: string; offset: number }> = [];
  const take = (planned: Planned): void => {
    if ('problem' in planned) problems.push(planned.problem);
    else edits.push(...planned.edits);
  };
  const sectionValue = (section: Section): Json => Object.fromEntries(toAppend[section].map((e) => [e.key, e.value]));
  const newSections = SECTIONS.filter((s) => toAppend[s].length > 0);
  if (!componentsPair) {
    if (newSections.length > 0) {
      const value = Object.fromEntries(newSections.map((s) => [s, sectionValue(s)]));
      take(appendEntries(ctx, spec.root, [{ key: 'components', value }], ORDER_COMPONENTS));
    }
  } else if (isEmptyValue(componentsNode)) {
    if (newSections.length > 0) {
      const entries = newSections.map((s) => ({ key: s, value: sectionValue(s) }));
      take(fillEntries(ctx, spec.root, componentsPair, entries, ORDER_COMPONENTS));
    }
  } else if (isMap(componentsNode)) {
    const missing: NewEntry[] = [];
    for (const section of newSections) {
      const sectionPair = findPair(componentsNode, section);
      const node = sectionPair?.value;
      if (!sectionPair) missing.push({ key: section, value: sectionValue(section) });
      else if (isEmptyValue(node)) take(fillEntries(ctx, componentsNode, sectionPair, toAppend[section], ORDER_COMPONENTS));
      else if (isMap(node)) take(appendEntries(ctx, node, toAppend[section], ORDER_COMPONENTS));
      else problems.push({ reason: `\`components.${section}\` is not a mapping${isAlias(node) ? ' (it is an alias)' : ''}; cannot add entries to it.`, offset: nodeRange(sectionPair.key)?.[0] ?? 0 });
    }
    if (missing.length > 0) take(appendEntries(ctx, componentsNode, missing, ORDER_COMPONENTS));
    for (const { section, pair, entry } of toReplace) {
      const node = findPair(componentsNode, section)?.value;
      if (isMap(node)) take(replaceEntry(ctx, node, pair, entry, ORDER_COMPONENTS));
    }
  } else {
    problems.push({
      reason: `\`components\` is not a mapping${isAlias(componentsNode) ? ' (it is an alias)' : ''}; cannot add entries to it.`,
      offset: nodeRange(componentsPair.key)?.[0] ?? 0,
    });
  }

  // 3. Wire error responses into operations.
  const wired: Array<WiredRef> = [];
  if (options.wire) wire(spec, components, ours, layout, file, (planned) => take(planned), wired);
  summary.wired = wired.length;

  for (const problem of problems) report(file, 'error', `Cannot merge into this layout: ${problem.reason}`, at(problem.offset), 'merge-layout-unsupported');
  if (problems.length > 0) return refuse();

  if (edits.length === 0) {
    summarise(file, summary);
    return { text: specText, changed: false, writable: true, file, diagnostics: file.messages, summary };
  }

  // 4. Apply, re-read and check the result before calling it writable.
  const text = spec.bom + applyEdits(spec.body, edits);
  const reread = readSpec(text, spec.format);
  if ('problems' in reread) {
    report(file, 'error', `Internal error: the merged spec does not parse (${reread.problems[0]?.reason ?? 'unknown'}); nothing was written.`, undefined, 'merge-internal');
    return refuse();
  }
  const expected = structuredClone(spec.data);
  const expectedComponents = ensureRecord(expected, 'components');
  for (const section of SECTIONS) {
    for (const [name, value] of intended[section]) ensureRecord(expectedComponents, section)[name] = value;
  }
  for (const { path, method, status, name } of wired) {
    const operation = (expected['paths'] as Record<string, Json> | undefined)?.[path]?.[method];
    if (isRecord(operation)) ensureRecord(operation, 'responses')[status] = { $ref: `#/components/responses/${escapePointer(name)}` };
  }
  if (!deepEqual(expected, reread.spec.data)) {
    report(file, 'error', 'Internal error: the merged spec does not read back as the spec plus the generated entries; nothing was written.', undefined, 'merge-internal');
    return refuse();
  }
  const before = validateSpec(spec.data, spec.dialect);
  const after = validateSpec(reread.spec.data, spec.dialect);
  const added = newProblems(before, after);
  if (!before.valid) {
    const first = before.schemaProblems[0];
    const ref = before.brokenRefs[0];
    const detail = first ? `\`${first.pointer || '/'}\` ${first.message}` : ref ? `\`$ref: ${ref.ref}\` at \`${ref.pointer}\` does not resolve` : 'unknown';
    const count = before.schemaProblems.length + before.brokenRefs.length;
    const verdict = added.valid ? 'the merge adds no problem' : 'the merge would add the problems below';
    report(file, 'warning', `The spec was already invalid before the merge (${count} problem${count === 1 ? '' : 's'}, first: ${detail}); ${verdict}.`, undefined, 'spec-already-invalid');
  }
  if (!added.valid) {
    for (const problem of added.schemaProblems.slice(0, 10)) {
      report(file, 'error', `The merged spec would be invalid OpenAPI ${spec.version}: \`${problem.pointer || '/'}\` ${problem.message}; nothing was written.`, undefined, 'merge-invalid-result');
    }
    for (const broken of added.brokenRefs.slice(0, 10)) {
      report(file, 'error', `The merged spec would have a \`$ref\` that does not resolve: \`${broken.ref}\` at \`${broken.pointer}\`; nothing was written.`, undefined, 'merge-invalid-result');
    }
    return refuse();
  }
  summarise(file, summary);
  return { text, changed: text !== specText, writable: true, file, diagnostics: file.messages, summary };
}

function ensureRecord(parent: Json, key: string): Json {
  const existing = parent[key];
  if (isRecord(existing)) return existing;
  const created: Json = {};
  parent[key] = created;
  return created;
}

function summarise(file: VFile, summary: MergeSummary): void {
  const parts = [
    `${summary.added.length} added`,
    `${summary.updated.length} updated`,
    `${summary.unchanged.length} unchanged`,
  ];
  if (summary.kept.length > 0) parts.push(`${summary.kept.length} kept as written by hand`);
  if (summary.overwritten.length > 0) parts.push(`${summary.overwritten.length} overwritten`);
  const wired = summary.wired > 0 ? `; ${summary.wired} response \`$ref\`s wired into operations` : '';
  report(file, 'info', `Generated components: ${parts.join(', ')}${wired}.`, undefined, 'merge-summary');
}

/**
 * Plans `$ref`s to the generated error responses for every operation that
 * has a `responses` map without an entry for their status (`4XX` counts;
 * `default` does not). Never touches an entry the operation has.
 */
function wire(
  spec: ParsedSpec,
  components: GeneratedComponents,
  ours: ReadonlySet<string>,
  layout: Layout,
  file: VFile,
  take: (planned: Planned) => void,
  wired: Array<WiredRef>,
): void {
  const byStatus = new Map<number, string>();
  const byDescription = statusesByDescription(components.schemas?.['StatusCode']);
  for (const [name, response] of Object.entries(components.responses ?? {})) {
    if (!ours.has(`responses/${name}`)) continue;
    const status = statusOfResponse(name, response, byDescription);
    if (status === undefined) {
      report(file, 'info', `The status of generated response \`${name}\` is unknown (no \`x-status-code\`, no matching \`StatusCode\` branch, not a reason phrase); it is not wired.`, undefined, 'wire-unknown-status');
    } else if (status >= 400 && !byStatus.has(status)) byStatus.set(status, name);
  }
  if (byStatus.size === 0) return;
  const statuses = [...byStatus.keys()].sort((a, b) => a - b);
  const paths = findPair(spec.root, 'paths')?.value;
  const pathsData = isRecord(spec.data['paths']) ? spec.data['paths'] : {};
  if (!isMap(paths)) return;
  const ctx = { body: spec.body, layout };
  const wiredMaps = new Set<unknown>();
  const skipped: Array<{ node: unknown; method: string; path: string; keyRange: [number, number, number] | undefined }> = [];
  for (const pathPair of paths.items) {
    const path = keyText(pathPair.key);
    const item = pathPair.value;
    if (path === undefined || !isMap(item)) continue;
    for (const opPair of item.items) {
      const method = keyText(opPair.key);
      const op = opPair.value;
      if (method === undefined || !METHODS.has(method) || !isMap(op)) continue;
      const responsesPair = findPair(op, 'responses');
      if (!responsesPair) continue;
      const node = responsesPair.value;
      const opData = (pathsData[path] as Json | undefined)?.[method];
      const existing = isRecord(opData) && isRecord(opData['responses']) ? Object.keys(opData['responses']) : [];
      const missing = statuses.filter((status) => !existing.some((key) => keyCovers(key, status)));
      if (missing.length === 0) continue;
      if (!isMap(node) && !isEmptyValue(node)) {
        skipped.push({ node, method, path, keyRange: nodeRange(responsesPair.key) });
        continue;
      }
      if (isMap(node)) wiredMaps.add(node);
      const keyType = isMap(node) ? statusKeyType(node) ?? layout.statusKeyType : layout.statusKeyType;
      const entries: NewEntry[] = missing.map((status) => ({
        key: String(status),
        keyType,
        value: { $ref: `#/components/responses/${escapePointer(byStatus.get(status) ?? '')}` },
      }));
      take(isMap(node) && node.items.length > 0 ? appendEntries(ctx, node, entries, ORDER_WIRE) : fillEntries(ctx, op, responsesPair, entries, ORDER_WIRE));
      for (const status of missing) wired.push({ path, method, status: String(status), name: byStatus.get(status) ?? '' });
    }
  }
  // An alias of a responses map wired above gets the same refs through its anchor; any other is left alone, with a warning.
  for (const { node, method, path, keyRange } of skipped) {
    if (isAlias(node) && wiredMaps.has(node.resolve(spec.doc))) continue;
    report(
      file,
      'warning',
      `The responses of \`${method.toUpperCase()} ${path}\` are not a mapping written here (an alias of another operation's responses, say); no \`$ref\`s were wired into it.`,
      positionOf(spec.lineCounter, keyRange, spec.bom.length),
      'wire-skipped',
    );
  }
}

/** The quoting of the status keys of one responses map, if it has any. */
function statusKeyType(map: YAMLMap): Scalar.Type | undefined {
  for (const pair of map.items) {
    const key = pair.key;
    if (isScalar(key) && /^[1-5](\d\d|XX)$/i.test(String(key.value)) && key.type) return key.type;
  }
  return undefined;
}
