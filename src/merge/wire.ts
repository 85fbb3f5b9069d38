/**
 * `--wire`: `$ref`s from hand-written operations to the generated error
 * responses, for the statuses the user chose. An operation gets a `$ref` for
 * a chosen, documented status only when none of its responses answers for it
 * already: the status itself, its range (`4XX`) or `default`.
 *
 *   paths./pets.get.responses:        chosen: common = 400 401 403 404 429 500 503
 *     '200': ...                      documented: 400 404 500
 *     '400': {own}                    -> adds '404': {$ref: '#/components/responses/NotFound'}
 *     5XX: {own}                         and '500'? no: 5XX answers for it
 */
import { isAlias, isMap, isScalar } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import type { Layout } from './layout.js';
import { METHODS } from './generated.js';
import type { ParsedSpec } from './spec.js';
import { findPair, keyText, nodeRange } from './spec.js';
import { keyCovers } from './status.js';
import { isEmptyValue } from './edit-map.js';

/** The named sets of `--wire`; `common` is the default. */
export const WIRE_SETS: Readonly<Record<string, readonly number[] | 'all'>> = {
  /** The errors most APIs can return on any operation: bad input, authentication, authorisation, missing resource, rate limit, server error, unavailable. */
  common: [400, 401, 403, 404, 429, 500, 503],
  /** Every documented error status (400-599): what `--wire` did before there was a choice. */
  all: 'all',
};
export const DEFAULT_WIRE = 'common';

/** One item of a `--wire` list: a named set, a class (`4XX`) or a status. */
export type WireItem = { kind: 'set'; name: string } | { kind: 'class'; digit: number } | { kind: 'status'; code: number };

/** Reads `common,409,5XX`; an unknown item is a reason to refuse. */
export function parseWireList(text: string): { items: WireItem[] } | { reason: string } {
  const items: WireItem[] = [];
  for (const raw of text.split(',')) {
    const item = raw.trim();
    if (item === '') continue;
    if (Object.hasOwn(WIRE_SETS, item.toLowerCase())) items.push({ kind: 'set', name: item.toLowerCase() });
    else if (/^[45]xx$/i.test(item)) items.push({ kind: 'class', digit: Number(item[0]) });
    else if (/^[45]\d\d$/.test(item)) items.push({ kind: 'status', code: Number(item) });
    else
      return {
        reason: `\`${item}\` is not a wire item: give error statuses (\`404\`), classes (\`4XX\`, \`5XX\`) or a named set (${Object.keys(WIRE_SETS)
          .map((n) => `\`${n}\``)
          .join(', ')})`,
      };
  }
  if (items.length === 0) return { reason: 'the list of statuses to wire is empty' };
  return { items };
}

/** The chosen statuses among the `documented` ones, and the statuses asked for by number that the service does not document. */
export function chooseStatuses(items: readonly WireItem[], documented: readonly number[]): { chosen: number[]; undocumented: number[] } {
  const chosen = new Set<number>();
  const undocumented: number[] = [];
  for (const item of items) {
    if (item.kind === 'status') {
      if (documented.includes(item.code)) chosen.add(item.code);
      else undocumented.push(item.code);
    } else if (item.kind === 'class') {
      for (const code of documented) if (Math.floor(code / 100) === item.digit) chosen.add(code);
    } else {
      const set = WIRE_SETS[item.name];
      for (const code of documented) if (set === 'all' || set?.includes(code)) chosen.add(code);
    }
  }
  return { chosen: [...chosen].sort((a, b) => a - b), undocumented };
}

/** A `$ref` to add: `paths[path][method].responses[status]`. */
export interface WireRef {
  path: string;
  method: string;
  status: string;
  keyType: Scalar.Type;
  ref: string;
}

/** An operation whose responses are not a map written in place (an alias): left alone. */
export interface WireSkip {
  path: string;
  method: string;
  keyRange: [number, number, number] | undefined;
}

/** The quoting of the status keys of one responses map, if it has any. */
function statusKeyType(map: YAMLMap): Scalar.Type | undefined {
  for (const pair of map.items) {
    const key = pair.key;
    if (isScalar(key) && /^[1-5](\d\d|XX)$/i.test(String(key.value)) && key.type) return key.type;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `$ref`s to add: for every operation of the spec that `skip` does not
 * exclude (generated ones) and that has a `responses` map, each chosen
 * status (`refFor` gives its response's `$ref`) none of its keys covers.
 */
export function planWire(
  spec: ParsedSpec,
  layout: Layout,
  statuses: readonly number[],
  refFor: (status: number) => string,
  skip: (path: string, method: string) => boolean,
): { refs: WireRef[]; skipped: WireSkip[] } {
  const refs: WireRef[] = [];
  const skipped: WireSkip[] = [];
  const paths = findPair(spec.root, 'paths')?.value;
  const pathsData = isRecord(spec.data['paths']) ? spec.data['paths'] : {};
  if (statuses.length === 0 || !isMap(paths)) return { refs, skipped };
  const wiredMaps = new Set<unknown>();
  const aliased: Array<WireSkip & { node: unknown }> = [];
  for (const pathPair of paths.items) {
    const path = keyText(pathPair.key);
    const item = pathPair.value;
    if (path === undefined || !isMap(item)) continue;
    for (const opPair of item.items) {
      const method = keyText(opPair.key);
      const op = opPair.value;
      if (method === undefined || !METHODS.has(method) || !isMap(op) || skip(path, method)) continue;
      const responsesPair = findPair(op, 'responses');
      if (!responsesPair) continue;
      const node = responsesPair.value;
      const opData = (pathsData[path] as Record<string, unknown> | undefined)?.[method];
      const existing = isRecord(opData) && isRecord(opData['responses']) ? Object.keys(opData['responses']) : [];
      const missing = statuses.filter((status) => !existing.some((key) => keyCovers(key, status)));
      if (missing.length === 0) continue;
      if (!isMap(node) && !isEmptyValue(node)) {
        aliased.push({ node, path, method, keyRange: nodeRange(responsesPair.key) });
        continue;
      }
      if (isMap(node)) wiredMaps.add(node);
      const keyType = (isMap(node) ? statusKeyType(node) : undefined) ?? layout.statusKeyType;
      for (const status of missing) refs.push({ path, method, status: String(status), keyType, ref: refFor(status) });
    }
  }
  // An alias of a responses map wired above gets the same refs through its anchor; any other is left alone.
  for (const { node, ...skip } of aliased) {
    if (isAlias(node) && wiredMaps.has(node.resolve(spec.doc))) continue;
    skipped.push(skip);
  }
  return { refs, skipped };
}
