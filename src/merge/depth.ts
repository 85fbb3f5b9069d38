/**
 * Nesting bounds. The `yaml` composer, `toJS`, the OpenAPI validator and the
 * merge's own comparisons recurse once per nesting level, so a spec nested
 * thousands of levels deep would overflow the stack. Both checks here are
 * iterative: the first on the CST (before anything recursive runs), the
 * second on the data (where an alias can nest an anchor's value again).
 */
import type { CST } from 'yaml';

/** Deepest nesting accepted in a spec or a generated document (real specs stay below 50). */
export const MAX_DEPTH = 400;

/** The offset of the first CST token nested deeper than `max`, or undefined. */
export function cstTooDeep(tokens: readonly CST.Token[], max = MAX_DEPTH): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number };
    if (depth > max) return 'offset' in token ? token.offset : 0;
    if (token.type === 'document') {
      if (token.value) stack.push({ token: token.value, depth });
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) {
        if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
        if (item.value) stack.push({ token: item.value, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/**
 * Whether plain data (objects and arrays, possibly shared, as aliases make
 * them) nests deeper than `max`, or holds itself (an alias inside its own
 * anchor): `deep`, `cyclic` or `ok`. Each object is measured once.
 */
export function dataShape(value: unknown, max = MAX_DEPTH): 'ok' | 'deep' | 'cyclic' {
  const depthOf = new Map<object, number>();
  const stack: Array<{ node: object; expanded: boolean }> = [];
  const children = (node: object): object[] =>
    (Array.isArray(node) ? node : Object.values(node)).filter((child): child is object => typeof child === 'object' && child !== null);
  if (typeof value !== 'object' || value === null) return 'ok';
  stack.push({ node: value, expanded: false });
  const open = new Set<object>();
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as { node: object; expanded: boolean };
    if (depthOf.has(top.node)) {
      stack.pop();
      continue;
    }
    if (!top.expanded) {
      top.expanded = true;
      open.add(top.node);
      if (open.size > max) return 'deep';
      for (const child of children(top.node)) {
        if (open.has(child)) return 'cyclic';
        if (!depthOf.has(child)) stack.push({ node: child, expanded: false });
      }
      continue;
    }
    stack.pop();
    open.delete(top.node);
    let depth = 1;
    for (const child of children(top.node)) depth = Math.max(depth, 1 + (depthOf.get(child) ?? 0));
    if (depth > max) return 'deep';
    depthOf.set(top.node, depth);
  }
  return 'ok';
}

/** Whether `value` nests deeper than `max` (or holds itself). */
export function dataTooDeep(value: unknown, max = MAX_DEPTH): boolean {
  return dataShape(value, max) !== 'ok';
}
