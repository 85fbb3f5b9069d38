/**
 * One operation page -> an operation draft (method, path, parameters,
 * bodies, statuses, examples), with diagnostics. Tables are read by
 * tables.ts, nested objects become components (components.ts), facts come
 * from facts.ts and the request line from path.ts.
 */
import type { VFile } from 'vfile';
import type { RstCell, RstTable } from '../../parse/types.js';
import type { SourceRef } from '../types.js';
import { cloneJson, componentRef, pascalCase } from './components.js';
import { setOwn } from '../own.js';
import type { ComponentRegistry } from './components.js';
import { exampleQuery, firstMismatch, readExample } from './examples.js';
import { readEnum, readLimits, readMandatory, typeFromDescription } from './facts.js';
import type { Block, PageView, TableBlock } from './page.js';
import { normalizeLabel, rawCellText } from './page.js';
import { pathPlaceholders, subResources } from './path.js';
import type { RequestLine } from './path.js';
import { EXAMPLE } from './request-line.js';
import { flagOperation } from './rules.js';
import { readStatuses } from './statuses.js';
import type { Columns, ParamRow, Role } from './tables.js';
import { nestedNames, parameterColumns, parameterRows, statusColumns, tableRole } from './tables.js';
import { readType } from './types-reader.js';
import type { Body, Parameter, ParameterLocation, Schema } from './types.js';

/** Where a label leads: a table of some page of the service. */
export interface LabelTarget {
  view: PageView;
  block: TableBlock;
}

export interface ExtractContext {
  file: VFile;
  labels: Map<string, LabelTarget>;
  registry: ComponentRegistry;
  /** Row accounting for the corpus test: rows read into a schema, rows explained by a diagnostic. */
  stats: RowStats;
  /** Each cell's raw markup, cut out once for the service's pages (a cell is read by several passes: nesting, rows, leftovers). */
  rawCells: Map<RstCell, string>;
}

export interface RowStats {
  rows: number;
  placed: number;
  explained: number;
  examplesValid: number;
  examplesReported: number;
}

export interface Draft {
  line: RequestLine;
  title: string;
  description: string;
  parameters: Parameter[];
  requestBody?: Body;
  requestRequired: boolean;
  responseBody?: Body;
  responseHeaders: Parameter[];
  /** Documented statuses, in order, with descriptions. */
  statuses: Array<{ code: string; description: string }>;
  source: SourceRef;
  requestExample?: unknown;
  responseExample?: unknown;
}

/** Captions that name a table's role, never a nested object ("Path parameters", "Request body"). */
const ROLE_CAPTION = /\b(?:request|response|uri|url|query|headers?|path param\w*|parameters? description|body|returned)\b/i;

/** Deepest chain of nested-object tables read into schemas; deeper tables are reported (`nesting-too-deep`). */
const MAX_NESTING = 20;

const at = (ctx: ExtractContext, line: number, column = 1): SourceRef => ({ file: ctx.file.path, line, column });

/** Raw markup of a cell (markup kept); the reduced text when the cell cannot be cut out. */
function raw(ctx: ExtractContext, view: PageView, table: RstTable, cell: RstCell | undefined): string {
  if (!cell) return '';
  let text = ctx.rawCells.get(cell);
  if (text === undefined) {
    text = rawCellText(view.lines, table, cell) ?? cell.text;
    ctx.rawCells.set(cell, text);
  }
  return text;
}

const REF = /:ref:`([^`]*)`/g;

/** Labels a cell's `:ref:`s point to. */
function refLabels(rawText: string): string[] {
  const out: string[] = [];
  if (!rawText.includes(':ref:')) return out;
  for (const m of rawText.replace(/\s*\n\s*/g, ' ').matchAll(REF)) {
    const inner = m[1]!;
    const angle = /<([^<>]+)>\s*$/.exec(inner);
    out.push(normalizeLabel(angle ? angle[1]! : inner));
  }
  return out;
}

/** A parameter name from a name cell: its first identifier-like token (`X-Auth-Token`, `auth.identity`, `tags[].key`). */
export function parameterName(text: string): string | null {
  // `scaling\_ configuration \_id` (an escaped underscore before a wrap) reads `scaling_ configuration _id`.
  const m = /^\s*[`*"']*([A-Za-z_$@][\w.$@:[\]-]*)/.exec(text.replace(/[ \t]*_[ \t]*/g, '_'));
  if (!m) return null;
  return m[1]!.replace(/[.:]+$/, '');
}

interface TableUse {
  role: Role;
  nested: boolean;
}

/** `requestTable`: the table the request line was read from (a `Method | URI` table), not reported as unused. */
export function extractOperation(view: PageView, line: RequestLine, ctx: ExtractContext, lineAt: number, requestTable?: RstTable): Draft {
  const { file } = ctx;
  const paramTables: Array<{ block: TableBlock; columns: Columns }> = [];
  const statusTables: TableBlock[] = [];
  for (const block of view.blocks) {
    if (block.kind !== 'table') continue;
    const columns = parameterColumns(block.table);
    if (columns) paramTables.push({ block, columns });
    else if (statusColumns(block.table)) statusTables.push(block);
    else if (block.table !== requestTable) flagOperation(file, 'unused-table', { caption: block.caption ?? headerLine(block.table) }, block.table.position);
  }

  // Which tables are nested objects: the ones a row of another table of this page points to (by `:ref:` or by name).
  const uses = new Map<RstTable, TableUse>();
  const pointedTo = new Set<RstTable>();
  for (const { block, columns } of paramTables) {
    for (const row of parameterRows(block.table, columns)) {
      for (const cell of row.cells) {
        for (const label of refLabels(raw(ctx, view, block.table, cell))) {
          const target = ctx.labels.get(label);
          if (target && target.block.table !== block.table && target.view === view) pointedTo.add(target.block.table);
        }
      }
    }
  }
  for (const { block } of paramTables) {
    if (pointedTo.has(block.table)) continue;
    const names = nestedNames(block.caption);
    if (names.length > 0 && !ROLE_CAPTION.test(block.caption ?? '')) {
      // Claimed later by a row whose name matches; if none does, it is reported below.
      uses.set(block.table, { role: 'none', nested: true });
    }
  }

  const pathNames = pathPlaceholders(line.path);
  /** The path placeholder a row's name documents (case-insensitive; through `line.renamed`), if any. */
  const pathName = (name: string): string | undefined => {
    const lower = name.toLowerCase();
    const renamed = Object.entries(line.renamed ?? {}).find(([from]) => from.toLowerCase() === lower)?.[1];
    return renamed ?? pathNames.find((p) => p.toLowerCase() === lower);
  };
  // Names the request line or an example's request line puts in the query string.
  const codeBlocks = view.blocks.filter((b): b is Extract<Block, { kind: 'code' }> => b.kind === 'code');
  // Sub-resources (`truncate` of `/{Key}?truncate`) are query names too: a table row naming one is a query parameter.
  const queryNames = new Set([...line.query, ...subResources(line.path), ...codeBlocks.flatMap((b) => exampleQuery(b.text, line))].map((q) => q.toLowerCase()));
  // GET and HEAD have no request body; DELETE has none unless the page shows a JSON request example.
  const requestJson = (): boolean =>
    codeBlocks.some(
      (b) => /\brequest/i.test(b.context.trail.join(' ')) && !/\bresponse/i.test(b.context.trail.join(' ')) && readExample(b.text).kind === 'json',
    );
  const bodyless = line.method === 'get' || line.method === 'head' || (line.method === 'delete' && !requestJson());
  const parameters: Parameter[] = [];
  const seenParams = new Map<string, SourceRef>();
  const bodyProps: Record<string, Schema> = {};
  const bodyRequired: string[] = [];
  const respProps: Record<string, Schema> = {};
  const responseHeaders: Parameter[] = [];
  let bodySource: SourceRef | undefined;
  let respSource: SourceRef | undefined;
  let xmlRequest = false;
  let xmlResponse = false;
  const claimed = new Set<RstTable>();
  const parentName = pascalCase(view.title);

  const addParam = (
    name: string,
    loc: ParameterLocation,
    required: boolean,
    schema: Schema,
    description: string,
    source: SourceRef,
    documentedAs?: string,
  ): true | string => {
    const key = `${loc}:${name.toLowerCase()}`;
    const first = seenParams.get(key);
    if (first) return `${first.line}:${first.column}`;
    seenParams.set(key, source);
    const { description: _d, ...bare } = scalarOrString(schema);
    const parameter: Parameter = { name, in: loc, required: loc === 'path' ? true : required, description, schema: bare, source };
    if (documentedAs !== undefined && documentedAs.toLowerCase() !== name.toLowerCase()) parameter.documentedAs = documentedAs;
    parameters.push(parameter);
    return true;
  };

  /** Builds the object schema of a table (its rows as properties); nested tables become components. */
  const objectSchema = (target: LabelTarget, columns: Columns, stack: RstTable[]): Schema => {
    const props: Record<string, Schema> = {};
    const required: string[] = [];
    const firstAt = new Map<string, string>();
    readRows(target, columns, stack, (name, schema, req, _row, source) => {
      if (Object.hasOwn(props, name)) return firstAt.get(name) ?? '?';
      setOwn(props, name, schema);
      firstAt.set(name, `${source.line}:${source.column}`);
      if (req) required.push(name);
      return true;
    });
    // Tables captioned `<this path>.<field>` that no row points to: the docs' table for a field the parent table forgot to list.
    const path = dottedCaption(target.block.caption, true);
    if (path !== null && target.view === view && stack.length < 20) {
      for (const { block } of paramTables) {
        const child = dottedCaption(block.caption);
        if (child === null || claimed.has(block.table) || pointedTo.has(block.table) || stack.includes(block.table)) continue;
        if (!child.toLowerCase().startsWith(`${path.toLowerCase()}.`) || child.slice(path.length + 1).includes('.')) continue;
        const field = child.slice(path.length + 1);
        if (Object.hasOwn(props, field)) continue;
        setOwn(props, field, componentFor({ view, block }, field, null, stack));
      }
    }
    return { type: 'object', properties: props, ...(required.length > 0 ? { required } : {}) };
  };

  /** Reads every row of a table; `put` files it (false: a duplicate, reported). */
  const readRows = (
    target: LabelTarget,
    columns: Columns,
    stack: RstTable[],
    put: (name: string, schema: Schema, required: boolean, row: ParamRow, source: SourceRef) => true | string,
  ): void => {
    const { block } = target;
    const tview = target.view;
    const tfile = tview === view ? file : undefined;
    for (const row of parameterRows(block.table, columns)) {
      ctx.stats.rows++;
      const nameCell = row.name;
      const place = nameCell?.position.start ?? block.table.position.start;
      const source: SourceRef = { file: tview.path, line: place.line, column: place.column };
      const name = nameCell ? parameterName(nameCell.text) : null;
      if (name === null) {
        if (tfile) flagOperation(tfile, 'unreadable-parameter', { row: row.row, text: row.cells.map((c) => c.text).join(' | ') }, place);
        else flagOperation(file, 'unreadable-parameter', { row: row.row, text: `${tview.path}: ${row.cells.map((c) => c.text).join(' | ')}` }, place);
        ctx.stats.explained++;
        continue;
      }
      const schema = rowSchema(target, row, name, stack, source);
      const mandatory = row.mandatory ? readMandatory(row.mandatory.text) : null;
      const put_ = put(name, schema, mandatory === true, row, source);
      if (put_ === true) ctx.stats.placed++;
      else {
        flagOperation(file, 'duplicate-parameter', { name, first: put_ }, tview === view ? place : undefined);
        ctx.stats.explained++;
      }
    }
  };

  const rowSchema = (target: LabelTarget, row: ParamRow, name: string, stack: RstTable[], source: SourceRef): Schema => {
    const { block } = target;
    const tview = target.view;
    const description = (row.description?.text ?? '').trim();
    const descRaw = raw(ctx, tview, block.table, row.description);
    const typeRaw = raw(ctx, tview, block.table, row.type);
    const typeText = row.type ? row.type.text : (typeFromDescription(description) ?? '');
    const reading = typeText.trim() === '' ? null : readType(typeText);
    // The nested table: a `:ref:` in the type, name or description cell that leads to a parameter table.
    let nested: LabelTarget | undefined;
    let brokenRef: string | undefined;
    for (const cellRaw of [typeRaw, raw(ctx, tview, block.table, row.name), descRaw]) {
      for (const label of refLabels(cellRaw)) {
        const t = ctx.labels.get(label);
        if (t && parameterColumns(t.block.table)) {
          if (!nested && t.block.table !== block.table) nested = t;
        } else if (!t && cellRaw === typeRaw) brokenRef ??= label;
      }
    }
    if ((!nested || nested.view !== tview) && (nested || reading?.objectLike || reading === null || reading.schema.type === 'array')) {
      // A table of this page named after the field wins over a `:ref:` to a copy on another page.
      nested = byName(tview, block, name, reading?.objectName ?? null) ?? nested;
    }
    let schema: Schema;
    if (typeText.trim() !== '' && reading === null && !nested) {
      flagOperation(file, 'unknown-type', { name, type: typeText }, { line: source.line, column: source.column });
      schema = {};
    } else if (nested) {
      const component = componentFor(nested, name, reading?.objectName ?? null, stack);
      const depth = reading ? Math.max(reading.depth, reading.schema.type === 'array' ? 1 : 0) : 0;
      schema = depth >= 1 ? { type: 'array', items: component } : component;
    } else {
      if (brokenRef !== undefined && reading?.objectLike)
        flagOperation(file, 'unresolved-ref', { name, target: brokenRef }, { line: source.line, column: source.column });
      schema = reading ? cloneJson(reading.schema) : {};
    }
    const type = typeof schema.type === 'string' ? schema.type : undefined;
    if (schema.$ref === undefined && type !== undefined && type !== 'object' && type !== 'array') {
      const values = readEnum(description, descRaw, type);
      if (values) schema.enum = values;
      Object.assign(schema, readLimits(description, descRaw, type));
      if (schema.enum && schema.default !== undefined && !schema.enum.includes(schema.default)) delete schema.default;
    }
    if (schema.$ref !== undefined) return description === '' ? schema : { ...schema, description };
    return description === '' ? schema : { ...schema, description };
  };

  // Caption names -> parameter tables, in document order, built once per page (byName is asked for every object row).
  const captionIndex = new Map<string, Array<{ block: TableBlock; order: number }>>();
  paramTables.forEach(({ block }, order) => {
    for (const n of new Set(nestedNames(block.caption).map((c) => c.toLowerCase()))) {
      const list = captionIndex.get(n);
      if (list) list.push({ block, order });
      else captionIndex.set(n, [{ block, order }]);
    }
  });

  /** A table of the page whose caption names `name` (or the type's object name), not yet claimed. */
  const byName = (tview: PageView, parent: TableBlock, name: string, objectName: string | null): LabelTarget | undefined => {
    if (tview !== view) return undefined;
    const wanted = [name, objectName].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
    wanted.push(name.split('.').pop()!.toLowerCase());
    // The first table in document order named by any wanted name (the index keeps each name's tables in document order).
    let best: { block: TableBlock; order: number } | undefined;
    for (const w of new Set(wanted)) {
      for (const candidate of captionIndex.get(w) ?? []) {
        if (best && candidate.order >= best.order) break;
        const { block } = candidate;
        if (block === parent || claimed.has(block.table) || block.line < parent.line) continue;
        best = candidate;
        break;
      }
    }
    return best ? { view, block: best.block } : undefined;
  };

  const componentFor = (target: LabelTarget, field: string, objectName: string | null, stack: RstTable[]): Schema => {
    const table = target.block.table;
    const columns = parameterColumns(table);
    if (columns && !stack.includes(table) && stack.length > MAX_NESTING) {
      if (target.view === view && !claimed.has(table)) leaveOut(target.block, columns);
      return { type: 'object' };
    }
    if (target.view === view) claimed.add(table);
    if (!columns || stack.includes(table)) return { type: 'object' };
    const schema = objectSchema(target, columns, [...stack, table]);
    const name = ctx.registry.add(objectName ?? field, parentName, schema);
    return componentRef(name);
  };

  /**
   * A table past the nesting bound, and every table of this page nested in it (by `:ref:` or by name,
   * walked without recursion): each reported, its rows counted as explained.
   */
  const leaveOut = (first: TableBlock, firstColumns: Columns): void => {
    const queue: Array<{ block: TableBlock; columns: Columns }> = [{ block: first, columns: firstColumns }];
    claimed.add(first.table);
    while (queue.length > 0) {
      const { block, columns } = queue.shift()!;
      flagOperation(file, 'table-nesting-too-deep', { caption: block.caption ?? headerLine(block.table), limit: MAX_NESTING }, block.table.position);
      countExplained(block.table, columns);
      for (const row of parameterRows(block.table, columns)) {
        const name = row.name ? parameterName(row.name.text) : null;
        const targets: TableBlock[] = [];
        for (const cell of row.cells) {
          for (const label of refLabels(raw(ctx, view, block.table, cell))) {
            const t = ctx.labels.get(label);
            if (t && t.view === view) targets.push(t.block);
          }
        }
        if (name !== null) {
          const t = byName(view, block, name, null);
          if (t) targets.push(t.block);
        }
        for (const t of targets) {
          const cols = parameterColumns(t.table);
          if (!cols || claimed.has(t.table)) continue;
          claimed.add(t.table);
          queue.push({ block: t, columns: cols });
        }
      }
    }
  };

  // Top-level tables in document order.
  for (const { block, columns } of paramTables) {
    if (pointedTo.has(block.table) || claimed.has(block.table)) continue;
    if (uses.get(block.table)?.nested) continue;
    const role = tableRole(block);
    if (role === 'none') {
      flagOperation(file, 'unused-table', { caption: block.caption ?? headerLine(block.table) }, block.table.position);
      countExplained(block.table, columns);
      continue;
    }
    claimed.add(block.table);
    const target: LabelTarget = { view, block };
    // "Request elements" tables are an XML body (an `Element` column, or any table of an S3-style page).
    const elements = /\belements?\b/i.test(`${block.caption ?? ''} ${block.context.trail.join(' ')}`);
    const isXml = elements && (line.s3 === true || headerLine(block.table).toLowerCase().startsWith('element'));
    readRows(target, columns, [block.table], (name, schema, required, _row, source) => {
      switch (role) {
        case 'uri':
        case 'path':
        case 'query': {
          const inPath = pathName(name);
          return addParam(inPath ?? name, inPath !== undefined ? 'path' : 'query', required, schema, schema.description ?? '', source, name);
        }
        case 'header':
          return addParam(name, 'header', required, schema, schema.description ?? '', source);
        case 'response-header': {
          if (responseHeaders.some((h) => h.name.toLowerCase() === name.toLowerCase())) return 'an earlier row';
          const { description: _hd, ...headerSchema } = scalarOrString(schema);
          responseHeaders.push({ name, in: 'header', required: false, description: schema.description ?? '', schema: headerSchema, source });
          return true;
        }
        case 'body': {
          // A "request parameter" the query string names, a path placeholder, or any row of a bodyless method: a parameter.
          // On an S3-style page the body is XML elements; its other "request parameters" are the query string.
          if (bodyless || (!elements && (line.s3 === true || queryNames.has(name.toLowerCase()))) || pathName(name) !== undefined) {
            const inPath = pathName(name);
            return addParam(inPath ?? name, inPath !== undefined ? 'path' : 'query', required, schema, schema.description ?? '', source, name);
          }
          if (Object.hasOwn(bodyProps, name)) return 'an earlier row';
          setOwn(bodyProps, name, schema);
          if (required) bodyRequired.push(name);
          bodySource ??= source;
          if (isXml) xmlRequest = true;
          return true;
        }
        case 'response': {
          if (Object.hasOwn(respProps, name)) return 'an earlier row';
          setOwn(respProps, name, stripRequired(schema));
          respSource ??= source;
          if (isXml) xmlResponse = true;
          return true;
        }
      }
    });
  }
  // Nested-looking tables nothing claimed.
  for (const { block, columns } of paramTables) {
    if (claimed.has(block.table) || pointedTo.has(block.table)) continue;
    flagOperation(file, 'unreferenced-table', { caption: block.caption ?? headerLine(block.table) }, block.table.position);
    countExplained(block.table, columns);
  }
  // Tables pointed to by a `:ref:` but never read (a cycle, or pointed to only from a status table).
  for (const { block, columns } of paramTables) {
    if (claimed.has(block.table) || !pointedTo.has(block.table)) continue;
    flagOperation(file, 'unreferenced-table', { caption: block.caption ?? headerLine(block.table) }, block.table.position);
    countExplained(block.table, columns);
  }

  // Path placeholders and query-string names no table documents.
  for (const name of pathNames) {
    if (!parameters.some((p) => p.in === 'path' && p.name === name)) {
      flagOperation(file, 'undocumented-path-parameter', { name }, { line: lineAt, column: 1 });
      addParam(name, 'path', true, { type: 'string' }, '', at(ctx, lineAt));
    }
  }
  for (const name of line.query) {
    if (!parameters.some((p) => p.name.toLowerCase() === name.toLowerCase())) addParam(name, 'query', false, { type: 'string' }, '', at(ctx, lineAt));
  }

  // Examples.
  let requestExample: unknown;
  let responseExample: unknown;
  const requestSchema: Schema | undefined =
    Object.keys(bodyProps).length > 0 ? { type: 'object', properties: bodyProps, ...(bodyRequired.length > 0 ? { required: bodyRequired } : {}) } : undefined;
  const responseSchema: Schema | undefined = Object.keys(respProps).length > 0 ? { type: 'object', properties: respProps } : undefined;
  const resolve = (ref: string): Schema | undefined => ctx.registry.get(ref.replace('#/components/schemas/', ''));
  let lead = '';
  for (const block of view.blocks) {
    if (block.kind === 'paragraph') lead = block.text.length <= 200 ? block.text : '';
    if (block.kind === 'table') lead = '';
    if (block.kind !== 'code') continue;
    // The enclosing sections and list items, and a short paragraph right before ("Example response (successful request)").
    const trail = `${block.context.trail.join(' ')} ${lead}`.toLowerCase();
    lead = '';
    const isResponse = /\bresponse|returned|output/.test(trail);
    const isRequest = !isResponse && /\brequest/.test(trail);
    if (!isResponse && !isRequest) continue;
    if (!EXAMPLE.test(trail) && !/^json$/i.test(block.language)) continue;
    const what = isResponse ? 'response' : 'request';
    const reading = readExample(block.text);
    if (reading.kind === 'xml') {
      if (isResponse) xmlResponse = true;
      else xmlRequest = true;
      continue;
    }
    if (reading.kind === 'invalid') {
      flagOperation(file, 'invalid-example', { what, reason: reading.reason }, { line: block.line, column: block.column });
      ctx.stats.examplesReported++;
      continue;
    }
    if (reading.kind !== 'json') continue;
    const schema = isResponse ? responseSchema : requestSchema;
    if (schema) {
      const mismatch = firstMismatch(reading.value, schema, resolve);
      if (mismatch) {
        flagOperation(file, 'example-mismatch', { what, field: mismatch.field, reason: mismatch.reason }, { line: block.line, column: block.column });
        ctx.stats.examplesReported++;
        continue;
      }
    }
    ctx.stats.examplesValid++;
    if (isResponse) responseExample ??= reading.value;
    else requestExample ??= reading.value;
  }

  const statuses = readStatuses(view, statusTables);
  const description = view.blocks
    .filter(
      (b): b is Extract<Block, { kind: 'paragraph' }> =>
        b.kind === 'paragraph' && /^(?:functions?|description|api description|overview)$/i.test(b.context.trail[0] ?? ''),
    )
    .map((b) => b.text)
    .join('\n\n');
  const draft: Draft = {
    line,
    title: view.title,
    description,
    parameters,
    requestRequired: bodyRequired.length > 0,
    responseHeaders,
    statuses,
    source: at(ctx, view.titleLine),
  };
  if (requestSchema || requestExample !== undefined) {
    draft.requestBody = {
      mediaType: xmlRequest ? 'application/xml' : 'application/json',
      schema: requestSchema ?? { type: 'object' },
      ...(requestExample !== undefined ? { example: requestExample } : {}),
      source: bodySource ?? draft.source,
    };
  }
  if (responseSchema || responseExample !== undefined) {
    draft.responseBody = {
      mediaType: xmlResponse ? 'application/xml' : 'application/json',
      schema: responseSchema ?? { type: 'object' },
      ...(responseExample !== undefined ? { example: responseExample } : {}),
      source: respSource ?? draft.source,
    };
  }
  return draft;

  function countExplained(table: RstTable, columns: Columns): void {
    const n = parameterRows(table, columns).length;
    ctx.stats.rows += n;
    ctx.stats.explained += n;
  }
}

/** `token.user` of a caption `Table 6 token.user` (a dotted field path), else null. */
function dottedCaption(caption: string | null, single = false): string | null {
  if (caption === null) return null;
  const text = caption.replace(/^table\s+\d+(?:[-.]\d+)*\s*[.:]?\s*/i, '').trim();
  return (single ? /^[A-Za-z_][\w-]*(?:\.[\w<>-]+)*$/ : /^[A-Za-z_][\w-]*(?:\.[\w<>-]+)+$/).test(text) ? text : null;
}

const headerLine = (table: RstTable): string =>
  table.cells
    .filter((c) => c.row < Math.max(1, table.headerRows))
    .map((c) => c.text)
    .join(' | ');

const stripRequired = (schema: Schema): Schema => schema;

/** Parameters are scalars: an object or untyped parameter is read as a string (its description kept). */
function scalarOrString(schema: Schema): Schema {
  if (schema.$ref !== undefined || schema.type === 'object') return { type: 'string', ...(schema.description ? { description: schema.description } : {}) };
  if (schema.type === undefined) return { ...schema, type: 'string' };
  return schema;
}
