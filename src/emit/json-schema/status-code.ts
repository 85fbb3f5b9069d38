/**
 * `<service>/status-code.schema.json`: JSON Schema 2020-12 (Validation §6.1.3
 * `const`, Core §10.2.1.3 `oneOf`) accepting exactly the documented codes.
 * Each code is a `{ const, title, description }` branch of `oneOf` (portable,
 * no vendor keywords); an empty list becomes `not: {}` (matches nothing).
 */
import type { ServiceModel, StatusCode } from '../../model/types.js';
import { documentedStatuses, statusTitle } from '../view.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** `urn:rst-codegen:<service>:<kind>`: the `$id` of a generated schema (service id as given; it is kebab-case). */
export function schemaId(model: ServiceModel, kind: string): string {
  return `urn:rst-codegen:${encodeURIComponent(model.service)}:${kind}`;
}

/** The `oneOf` branch of one status code. */
function statusBranch(status: StatusCode): Record<string, unknown> {
  const branch: Record<string, unknown> = { const: status.code, title: statusTitle(status) };
  if (status.description !== '') branch['description'] = status.description;
  return branch;
}

/** The schema body shared by the file and the OpenAPI `StatusCode` component (no `$schema`/`$id`). */
export function statusCodeSchemaBody(model: ServiceModel): Record<string, unknown> {
  const statuses = documentedStatuses(model);
  return {
    title: `${model.title} status code`,
    description: `An HTTP status code documented for ${model.title}.`,
    type: 'integer',
    ...(statuses.length === 0 ? { not: {} } : { oneOf: statuses.map(statusBranch) }),
  };
}

/** The JSON value of `status-code.schema.json` (`$comment` carries the do-not-edit header). */
export function statusCodeSchema(model: ServiceModel, comment: string): Record<string, unknown> {
  return {
    $comment: comment,
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(model, 'status-code'),
    ...statusCodeSchemaBody(model),
  };
}
