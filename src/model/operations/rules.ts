/**
 * The operation model's doc-lint rules, as data (same shape as
 * `src/model/rules.ts`): each id has a severity, a one-line description and a
 * sentence builder.
 *
 * Severity policy: `error` is never used here (an operation page that cannot
 * be read must not stop a whole service's run); `warning` when something the
 * docs say is lost or contradicts itself (an unreadable path, an unknown type,
 * a broken reference, an invalid example); `info` for what the model did on
 * the reader's behalf (merged pages, unused tables).
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { defineRules, flag } from '../../diagnostics.js';
import type { Rule } from '../../diagnostics.js';
import type { Point, Position } from '../../parse/types.js';

export interface OperationRuleArgs {
  'no-request-path': { method: string; text: string };
  'no-request-line': Record<string, never>;
  'unknown-type': { name: string; type: string };
  'unresolved-ref': { name: string; target: string };
  'unreferenced-table': { caption: string };
  'table-nesting-too-deep': { caption: string; limit: number };
  'unreadable-parameter': { row: number; text: string };
  'invalid-example': { what: string; reason: string };
  'example-mismatch': { what: string; field: string; reason: string };
  'duplicate-operation': { method: string; path: string; first: string };
  'unused-table': { caption: string };
  'undocumented-path-parameter': { name: string };
  'duplicate-parameter': { name: string; first: string };
  'path-placeholders-renamed': { path: string; as: string };
}

export type OperationRuleId = keyof OperationRuleArgs;

/** An operation rule: the shape every stage's rules share (src/diagnostics.ts), with its id typed. */
export interface OperationRule<Id extends OperationRuleId = OperationRuleId> extends Rule<OperationRuleArgs[Id]> {
  readonly id: Id;
}

const clip = (text: string, max = 80): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export const operationRules: { readonly [Id in OperationRuleId]: OperationRule<Id> } = defineRules({
  'no-request-path': {
    id: 'no-request-path',
    severity: 'warning',
    description: 'A request line names an HTTP method but no readable path: the page yields no operation.',
    message: (a) => `Request line \`${clip(a.text)}\` names method \`${a.method}\` but no readable path, so the page yields no operation`,
  },
  'no-request-line': {
    id: 'no-request-line',
    severity: 'warning',
    description: 'A page with a URI section but no readable method and path: it yields no operation.',
    message: () => 'This page has a URI section but no readable method and path, so it yields no operation',
  },
  'unknown-type': {
    id: 'unknown-type',
    severity: 'warning',
    description: 'A parameter whose type cell is not a recognisable type: it keeps its description, with no type.',
    message: (a) => `Parameter \`${clip(a.name, 40)}\` has type \`${clip(a.type, 60)}\`, which is not a known type, so it gets no type`,
  },
  'unresolved-ref': {
    id: 'unresolved-ref',
    severity: 'warning',
    description: 'A `:ref:` in a parameter row that leads to no table of the service: the field stays an untyped object.',
    message: (a) => `Parameter \`${clip(a.name, 40)}\` refers to \`${clip(a.target, 60)}\`, which is no table of this service`,
  },
  'unreferenced-table': {
    id: 'unreferenced-table',
    severity: 'warning',
    description: 'A table that describes the fields of a nested object, but no row points to it: its rows are not in any schema.',
    message: (a) => `Table \`${clip(a.caption)}\` describes a nested object, but no field points to it, so its rows are left out`,
  },
  'table-nesting-too-deep': {
    id: 'table-nesting-too-deep',
    severity: 'warning',
    description:
      'A nested-object table deeper than the nesting bound: its rows, and the tables nested in it, are left out (the field stays an untyped object).',
    message: (a) => `Table \`${clip(a.caption)}\` is nested more than ${a.limit} levels deep, so its rows and the tables nested in it are left out`,
  },
  'unreadable-parameter': {
    id: 'unreadable-parameter',
    severity: 'warning',
    description: 'A parameter-table row without a readable parameter name: it is left out.',
    message: (a) => `Row ${a.row} has no readable parameter name (\`${clip(a.text, 60)}\`), so it is left out`,
  },
  'invalid-example': {
    id: 'invalid-example',
    severity: 'warning',
    description: 'An example code block that looks like JSON but does not parse: it is left out of the spec.',
    message: (a) => `The ${a.what} example is not valid JSON (${clip(a.reason, 80)}), so it is left out`,
  },
  'example-mismatch': {
    id: 'example-mismatch',
    severity: 'warning',
    description: 'A JSON example that does not match the schema built from the parameter tables: it is left out of the spec.',
    message: (a) => `The ${a.what} example does not match the parameter tables at \`${clip(a.field, 60)}\`: ${clip(a.reason, 80)}; it is left out`,
  },
  'duplicate-operation': {
    id: 'duplicate-operation',
    severity: 'info',
    description: 'Two pages document the same method and path: they become one operation (bodies as `oneOf`, every page listed).',
    message: (a) => `\`${a.method.toUpperCase()} ${clip(a.path, 80)}\` is also documented at ${a.first}; both pages are merged into one operation`,
  },
  'unused-table': {
    id: 'unused-table',
    severity: 'info',
    description: 'A table on an operation page that is not read as parameters, status codes or a nested object.',
    message: (a) => `Table \`${clip(a.caption)}\` is not a parameter or status-code table and is not used`,
  },
  'undocumented-path-parameter': {
    id: 'undocumented-path-parameter',
    severity: 'info',
    description: 'A `{placeholder}` of the path that no table documents: it is declared as a required string path parameter.',
    message: (a) => `Path parameter \`${clip(a.name, 60)}\` is not documented in a table, so it is declared as a string`,
  },
  'duplicate-parameter': {
    id: 'duplicate-parameter',
    severity: 'info',
    description: 'A parameter documented twice on the same page and location: the first row is kept.',
    message: (a) => `Parameter \`${clip(a.name, 60)}\` is documented again; the row at ${a.first} is kept`,
  },
  'path-placeholders-renamed': {
    id: 'path-placeholders-renamed',
    severity: 'info',
    description: 'A path that differs from another path of the service only in placeholder names (one path to OpenAPI): it takes the first spelling.',
    message: (a) => `Path \`${clip(a.path, 80)}\` differs from \`${clip(a.as, 80)}\` only in placeholder names, so it is written as the latter`,
  },
});

/** Reports operation rule `id` on `file` at `place`. */
export function flagOperation<Id extends OperationRuleId>(file: VFile, id: Id, args: OperationRuleArgs[Id], place: Point | Position | undefined): VFileMessage {
  const rule: OperationRule<Id> = operationRules[id];
  return flag(file, rule, args, place);
}
