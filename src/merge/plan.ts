/**
 * Every write of a merge as one tree of keys: the entries to set, under the
 * maps that hold them. Turning the tree into text edits is the same for a
 * component (`components.schemas.ErrorCode`), an operation
 * (`paths./v1/volumes.get`) and a wired `$ref`
 * (`paths./pets.get.responses.404`):
 *
 *   tree                       spec has            edit
 *   components                 components:
 *     schemas                    schemas:
 *       ErrorCode = {..}           Pet: ...        append `ErrorCode:` to schemas
 *     responses                                    append `responses:` (with its entries) to components
 *       NotFound = {..}
 *
 * An existing leaf is replaced in place; a missing map is written whole; an
 * empty one (`{}`, `~`) is filled. Edits at one offset are ordered deepest
 * first, so an inner map's new entries come before its parent's.
 */
import { isAlias, isMap } from 'yaml';
import type { Scalar, YAMLMap } from 'yaml';
import type { EditContext, EditProblem, Planned } from './edit-map.js';
import { appendEntries, fillEntries, isEmptyValue, replaceEntry } from './edit-map.js';
import type { NewEntry } from './layout.js';
import { findPair, nodeRange } from './spec.js';
import type { Edit } from './text.js';

export type Tree = Map<string, TreeNode>;
type TreeNode = { kind: 'map'; children: Tree } | { kind: 'leaf'; value: unknown; keyType?: Scalar.Type };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets the leaf at `keys` (creating the maps on the way). */
export function setLeaf(tree: Tree, keys: readonly string[], value: unknown, keyType?: Scalar.Type): void {
  let level = tree;
  keys.forEach((key, index) => {
    if (index === keys.length - 1) {
      level.set(key, keyType === undefined ? { kind: 'leaf', value } : { kind: 'leaf', value, keyType });
      return;
    }
    let next = level.get(key);
    if (next?.kind !== 'map') {
      next = { kind: 'map', children: new Map() };
      level.set(key, next);
    }
    level = next.children;
  });
}

function plain(node: TreeNode): unknown {
  return node.kind === 'leaf' ? node.value : Object.fromEntries([...node.children].map(([key, child]) => [key, plain(child)]));
}

function entries(tree: Tree): NewEntry[] {
  return [...tree].map(([key, node]) =>
    node.kind === 'leaf' && node.keyType ? { key, keyType: node.keyType, value: node.value } : { key, value: plain(node) },
  );
}

/** The spec's data with the tree applied: what the merged text must read back as. */
export function applyTree(data: Json, tree: Tree): void {
  for (const [key, node] of tree) {
    if (node.kind === 'leaf') data[key] = node.value;
    else {
      if (!isRecord(data[key])) data[key] = {};
      applyTree(data[key] as Json, node.children);
    }
  }
}

/** Edits at one offset: deeper maps first. */
function order(depth: number): number {
  return 100 - depth;
}

/** Plans the edits that write `tree` into the map `map` (the document's root at depth 0). */
export function planTree(ctx: EditContext, map: YAMLMap, tree: Tree, edits: Edit[], problems: EditProblem[], path: readonly string[] = []): void {
  const take = (planned: Planned): void => {
    if ('problem' in planned) problems.push(planned.problem);
    else edits.push(...planned.edits);
  };
  const depth = path.length;
  const missing: NewEntry[] = [];
  for (const [key, node] of tree) {
    const pair = findPair(map, key);
    if (!pair) {
      missing.push(...entries(new Map([[key, node]])));
      continue;
    }
    if (node.kind === 'leaf') {
      const keyType = (pair.key as { type?: Scalar.Type } | null)?.type;
      take(replaceEntry(ctx, map, pair, { key, value: node.value, ...(keyType ? { keyType } : {}) }, order(depth)));
      continue;
    }
    const value = pair.value;
    if (isEmptyValue(value)) take(fillEntries(ctx, map, pair, entries(node.children), order(depth + 1)));
    else if (isMap(value)) planTree(ctx, value, node.children, edits, problems, [...path, key]);
    else {
      const where = [...path, key].map((k) => (/^[\w-]+$/.test(k) ? k : `'${k}'`)).join('.');
      problems.push({
        reason: `\`${where}\` is not a mapping${isAlias(value) ? ' (it is an alias)' : ''}; cannot add entries to it.`,
        offset: nodeRange(pair.key)?.[0] ?? 0,
      });
    }
  }
  if (missing.length > 0) take(appendEntries(ctx, map, missing, order(depth)));
}
