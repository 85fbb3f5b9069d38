/**
 * `paths` of `openapi.json` (OAS 3.1 §4.8.8 Paths, §4.8.10 Operation,
 * §4.8.12 Parameter, §4.8.13 Request Body, §4.8.16 Responses): one Operation
 * Object per documented operation, its schemas as built by the operation
 * model (nested objects as `#/components/schemas/...`).
 *
 * Responses: the documented success status with its schema and example; every
 * documented error status as a `$ref` to the service's generated response
 * component for that status (inline `{ description }` when the codes pages do
 * not document it). An operation whose page documents no error status (it
 * only links to the appendix, or says nothing) gets a `$ref` to every error
 * response (4xx, 5xx) the service's codes pages document, marked
 * `x-error-responses: "appendix"`.
 */
import type { Body, Operation, Parameter, Response } from '../../model/operations/types.js';
import type { ServiceModel } from '../../model/types.js';
import { responseNames } from '../typescript/names.js';
import { documentedStatuses } from '../view.js';

/** The description, and the table's own name when the path key spells the placeholder differently. */
const describe = (p: Parameter): string =>
  p.documentedAs === undefined ? p.description : `${p.description}${p.description === '' ? '' : '\n\n'}Documented as \`${p.documentedAs}\` on its page.`;

const parameter = (p: Parameter): Record<string, unknown> => ({
  name: p.name,
  in: p.in,
  ...(describe(p) === '' ? {} : { description: describe(p) }),
  required: p.required,
  schema: p.schema,
});

const content = (body: Body): Record<string, unknown> => ({
  [body.mediaType]: { schema: body.schema, ...(body.example !== undefined ? { example: body.example } : {}) },
});

function response(r: Response): Record<string, unknown> {
  return {
    description: r.description,
    ...(r.headers && r.headers.length > 0
      ? { headers: Object.fromEntries(r.headers.map((h) => [h.name, { ...(h.description === '' ? {} : { description: h.description }), schema: h.schema }])) }
      : {}),
    ...(r.body ? { content: content(r.body) } : {}),
  };
}

/** The Operation Object of one operation; `errorRefs` maps a documented status to its response component. */
function operationObject(op: Operation, errorRefs: ReadonlyMap<string, string>): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  let documentedError = false;
  for (const r of op.responses) {
    const isError = /^[45]\d\d$/.test(r.status);
    if (isError) documentedError = true;
    const ref = isError ? errorRefs.get(r.status) : undefined;
    responses[r.status] = ref !== undefined ? { $ref: `#/components/responses/${ref}` } : response(r);
  }
  let appendix = false;
  if (!documentedError) {
    for (const [status, ref] of errorRefs) {
      if (!Object.hasOwn(responses, status)) {
        responses[status] = { $ref: `#/components/responses/${ref}` };
        appendix = true;
      }
    }
  }
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description === '' ? {} : { description: op.description }),
    ...(op.tags.length > 0 ? { tags: op.tags } : {}),
    ...(op.deprecated ? { deprecated: true } : {}),
    ...(op.parameters.length > 0 ? { parameters: op.parameters.map(parameter) } : {}),
    ...(op.requestBody ? { requestBody: { required: op.requestBody.required, content: content(op.requestBody) } } : {}),
    responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    ...(appendix ? { 'x-error-responses': 'appendix' } : {}),
    'x-rst-sources': op.sources.map((s) => `${s.file}:${s.line}:${s.column}`),
  };
}

/** The `paths` object and the operations' component schemas. */
export function openApiPaths(model: ServiceModel): { paths: Record<string, unknown>; schemas: Record<string, unknown>; tags: string[] } {
  const operations = model.operations;
  if (!operations || operations.operations.length === 0) return { paths: {}, schemas: operations?.schemas ?? {}, tags: [] };
  const statuses = documentedStatuses(model);
  const names = responseNames(statuses);
  const errorRefs = new Map<string, string>();
  statuses.forEach((s, i) => {
    if (s.code >= 400 && s.code <= 599) errorRefs.set(String(s.code), names[i] ?? `Status${s.code}`);
  });
  const paths: Record<string, Record<string, unknown>> = {};
  const tags = new Set<string>();
  for (const op of operations.operations) {
    const item = (paths[op.path] ??= {});
    item[op.method] = operationObject(op, errorRefs);
    for (const t of op.tags) tags.add(t);
  }
  return { paths, schemas: operations.schemas, tags: [...tags].sort() };
}
