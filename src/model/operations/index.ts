/**
 * The operation model stage: a service's parsed pages -> `OperationsModel`
 * (every operation page's method, path, parameters, bodies, responses and
 * examples; nested objects as named component schemas), with diagnostics on
 * each page's VFile. Pages without a request line are not operation pages
 * and are skipped silently, unless they have a URI section (then
 * `no-request-line`).
 *
 * Pages are read in code-point order of their paths, so names (operationIds,
 * components) do not depend on the order a folder was listed in.
 */
import path from 'node:path';
import { VFile } from 'vfile';
import { compareCodePoints } from '../../order.js';
import type { RstCell, RstRoot } from '../../parse/types.js';
import { camelCase, ComponentRegistry, stableKey } from './components.js';
import { setOwn } from '../own.js';
import type { Draft, ExtractContext, LabelTarget, RowStats } from './extract.js';
import { extractOperation } from './extract.js';
import { findRequestLine } from './request-line.js';
import { pathShape, s3LiteralKey, withObjectKey } from './path.js';
import type { RequestLine } from './path.js';
import { buildDocumentView } from './document-view.js';
import { buildPageView } from './page.js';
import type { PageView } from './page.js';
import { flagOperation } from './rules.js';
import type { Body, Operation, OperationsModel, Parameter, Response, Schema } from './types.js';

/** A page to read: its tree, or a function that parses it (called once; the tree is dropped once the page's view is built, which keeps memory flat). */
export type OperationPage = { path: string; text: string } & ({ root: RstRoot } | { parse: () => RstRoot });

export interface OperationsResult {
  model: OperationsModel;
  stats: RowStats & { pages: number; operationPages: number };
}

const DEPRECATED = /\b(?:deprecated|to be discarded|to_be_discarded|discarded|out[- ]of[- ]date|obsolete|no longer (?:supported|maintained|used))\b/i;

/** Reads every operation of a service's pages. Diagnostics go to `files.get(page.path)` (created when missing). */
export function buildOperations(pages: readonly OperationPage[], files: Map<string, VFile>): OperationsResult {
  const sorted = [...pages].sort((a, b) => compareCodePoints(a.path, b.path));
  // The document tree when the parser built it (`{ document: true }`), else the skeleton and the source lines.
  const views = sorted.map((p) => {
    const root = 'root' in p ? p.root : p.parse();
    return root.document ? buildDocumentView(p.path, p.text, root, root.document) : buildPageView(p.path, p.text, root);
  });
  const labels = new Map<string, LabelTarget>();
  for (const view of views) {
    for (const block of view.blocks) {
      if (block.kind !== 'table') continue;
      for (const label of block.labels) if (!labels.has(label)) labels.set(label, { view, block });
    }
  }
  const registry = new ComponentRegistry();
  const rawCells = new Map<RstCell, string>();
  const stats: OperationsResult['stats'] = { rows: 0, placed: 0, explained: 0, examplesValid: 0, examplesReported: 0, pages: pages.length, operationPages: 0 };
  const titles = indexTitles(views);
  const byKey = new Map<string, { operation: Operation; drafts: Draft[] }>();
  const order: string[] = [];
  const usedIds = new Set<string>();
  const foundLines = views.map((view) => findRequestLine(view));
  const objectKey = objectKeyName(foundLines.map((f) => (f.reading.kind === 'line' ? f.reading.line : null)));
  // Path keys that differ only in placeholder names are one path to OpenAPI: the first spelling (page order) wins.
  const shapes = new Map<string, string>();
  for (const [index, view] of views.entries()) {
    let file = files.get(view.path);
    if (!file) {
      file = new VFile({ path: view.path });
      files.set(view.path, file);
    }
    const found = foundLines[index]!;
    if (found.reading.kind === 'none') {
      if ('uriSection' in found && found.uriSection) flagOperation(file, 'no-request-line', {}, { line: found.uriSection.line, column: 1 });
      continue;
    }
    if (found.reading.kind === 'unreadable') {
      flagOperation(file, 'no-request-path', { method: found.reading.method, text: found.reading.text }, { line: found.block!.line, column: 1 });
      stats.operationPages++;
      continue;
    }
    stats.operationPages++;
    const ctx: ExtractContext = { file, labels, registry, stats, rawCells };
    let line = found.reading.line;
    if (s3LiteralKey(line) !== null) line = withObjectKey(line, objectKey);
    const spelled = shapes.get(pathShape(line.path));
    if (spelled === undefined) shapes.set(pathShape(line.path), line.path);
    else if (spelled !== line.path) {
      flagOperation(file, 'path-placeholders-renamed', { path: line.path, as: spelled }, { line: found.block!.line, column: 1 });
      line = { ...line, path: spelled, renamed: renaming(line.path, spelled) };
    }
    const draft = extractOperation(view, line, ctx, found.block!.line, found.block!.kind === 'table' ? found.block!.table : undefined);
    const key = `${draft.line.method} ${draft.line.path}`;
    const existing = byKey.get(key);
    if (existing) {
      const first = existing.drafts[0]!.source;
      flagOperation(
        file,
        'duplicate-operation',
        { method: draft.line.method, path: draft.line.path, first: `${first.file}:${first.line}:${first.column}` },
        { line: found.block!.line, column: 1 },
      );
      existing.drafts.push(draft);
      continue;
    }
    const operationId = uniqueId(camelCase(view.title || `${draft.line.method} ${draft.line.path}`), draft, usedIds);
    const tag = titles.get(path.posix.dirname(view.path)) ?? humanize(path.posix.basename(path.posix.dirname(view.path)));
    const deprecated =
      DEPRECATED.test(view.title) || DEPRECATED.test(view.path) || DEPRECATED.test(draft.description.slice(0, 2000)) || ancestorsDeprecated(view.path, titles);
    byKey.set(key, {
      operation: {
        operationId,
        method: draft.line.method,
        path: draft.line.path,
        summary: view.title,
        description: draft.description,
        tags: tag ? [tag] : [],
        deprecated,
        parameters: [],
        responses: [],
        sources: [],
        pages: [],
      },
      drafts: [draft],
    });
    order.push(key);
  }
  const operations = order.map((key) => finish(byKey.get(key)!));
  operations.sort((a, b) => compareCodePoints(a.path, b.path) || compareCodePoints(a.method, b.method));
  return { model: { operations, schemas: registry.all() }, stats };
}

/**
 * The name of the object-key placeholder of S3-style paths (`/ObjectName` -> `/{ObjectName}`): the literal the
 * request lines write most often (ties: code-point order), so every object path of a service uses one name;
 * `Key` (S3's own name) when no literal is an identifier.
 */
function objectKeyName(lines: ReadonlyArray<RequestLine | null>): string {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const key = line ? s3LiteralKey(line) : null;
    if (key !== null && /^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = 'Key';
  let most = 0;
  for (const [key, n] of [...counts].sort((a, b) => compareCodePoints(a[0], b[0]))) {
    if (n > most) {
      best = key;
      most = n;
    }
  }
  return best;
}

/** Placeholder names of `from` -> the names at the same positions of the equally shaped `to`. */
function renaming(from: string, to: string): Record<string, string> {
  const names = (p: string): string[] => [...p.split('?')[0]!.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
  const a = names(from);
  const b = names(to);
  const out: Record<string, string> = {};
  a.forEach((name, i) => {
    if (b[i] !== undefined && b[i] !== name) setOwn(out, name, b[i]!);
  });
  return out;
}

function uniqueId(base: string, draft: Draft, used: Set<string>): string {
  let id = base || camelCase(`${draft.line.method} ${draft.line.path}`);
  if (used.has(id)) id = `${id}${camelCase(`${draft.line.method}`).replace(/^./, (c) => c.toUpperCase())}`;
  for (let n = 2; used.has(id); n++) if (!used.has(`${base}${n}`)) id = `${base}${n}`;
  used.add(id);
  return id;
}

const humanize = (dir: string): string =>
  dir === '.' || dir === ''
    ? ''
    : dir
        .replace(/[_-]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^./, (c) => c.toUpperCase());

/** Folder -> the title of its `index.rst` (the docs' own grouping). */
function indexTitles(views: readonly PageView[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const view of views) {
    if (path.posix.basename(view.path) === 'index.rst' && view.title !== '') out.set(path.posix.dirname(view.path), view.title);
  }
  return out;
}

function ancestorsDeprecated(page: string, titles: Map<string, string>): boolean {
  for (let dir = path.posix.dirname(page); dir !== '.' && dir !== '/' && dir !== ''; dir = path.posix.dirname(dir)) {
    if (DEPRECATED.test(titles.get(dir) ?? '')) return true;
  }
  return false;
}

/** One operation from the drafts of every page documenting its method + path. */
function finish(entry: { operation: Operation; drafts: Draft[] }): Operation {
  const { operation, drafts } = entry;
  const first = drafts[0]!;
  operation.sources = drafts.map((d) => d.source);
  operation.pages = drafts.map((d) => d.source.file);
  if (drafts.length > 1) {
    const list = drafts.map((d) => `- ${d.title} (${d.source.file})`).join('\n');
    operation.description =
      `${operation.description}${operation.description ? '\n\n' : ''}This method and path is documented by ${drafts.length} pages:\n${list}`.trim();
  }
  // Parameters: the union; required only when every page that documents it says so.
  const params: Parameter[] = [];
  for (const draft of drafts) {
    for (const p of draft.parameters) {
      const known = params.find((q) => q.in === p.in && q.name.toLowerCase() === p.name.toLowerCase());
      if (known) known.required = known.required && p.required;
      else
        params.push({
          ...p,
          required:
            p.required &&
            (p.in === 'path' ||
              drafts.length === 1 ||
              drafts.every((d) => d.parameters.some((q) => q.in === p.in && q.name.toLowerCase() === p.name.toLowerCase()))),
        });
    }
  }
  operation.parameters = params;
  const bodies = uniqueBodies(drafts.map((d) => d.requestBody));
  if (bodies.length > 0) {
    const body = bodies.length === 1 ? bodies[0]! : { ...bodies[0]!, schema: { oneOf: bodies.map((b) => b.schema) } as Schema };
    if (bodies.length > 1) delete body.example;
    operation.requestBody = { ...body, required: drafts.every((d) => d.requestBody !== undefined) && drafts.some((d) => d.requestRequired) };
  }
  // Responses: the success status of each page (the first documented 2xx, else `default`), then every documented other status.
  const responses: Response[] = [];
  const responseBodies = uniqueBodies(drafts.map((d) => d.responseBody));
  for (const draft of drafts) {
    const success = draft.statuses.find((s) => /^2/.test(s.code));
    const status = success?.code ?? (draft.responseBody ? '200' : 'default');
    if (!responses.some((r) => r.status === status)) {
      const response: Response = {
        status,
        description: success?.description || (status === 'default' ? 'The response (the docs name no status code).' : 'Success.'),
      };
      const body = responseBodies.length > 1 ? { ...responseBodies[0]!, schema: { oneOf: responseBodies.map((b) => b.schema) } as Schema } : responseBodies[0];
      if (body) {
        response.body = { ...body };
        if (responseBodies.length > 1) delete response.body.example;
      }
      if (draft.responseHeaders.length > 0) response.headers = [...draft.responseHeaders];
      responses.push(response);
    } else {
      // Another page of the same operation: its response headers join the first page's (none is lost).
      const response = responses.find((r) => r.status === status)!;
      for (const h of draft.responseHeaders) {
        if (!(response.headers ?? []).some((k) => k.name.toLowerCase() === h.name.toLowerCase())) (response.headers ??= []).push(h);
      }
    }
    for (const s of draft.statuses) {
      if (!responses.some((r) => r.status === s.code)) responses.push({ status: s.code, description: s.description || `Status ${s.code}.` });
    }
  }
  operation.responses = responses.sort((a, b) => compareCodePoints(a.status, b.status));
  void first;
  return operation;
}

function uniqueBodies(bodies: ReadonlyArray<Body | undefined>): Body[] {
  const out: Body[] = [];
  const keys = new Set<string>();
  for (const body of bodies) {
    if (!body) continue;
    const key = stableKey(body.schema);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(body);
  }
  return out;
}
