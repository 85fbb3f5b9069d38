/**
 * `<service>/error-response.schema.json`: JSON Schema 2020-12 (Validation
 * §6.5.3 `required`, Core §10.2.1.2 `anyOf`) of the service's error body as
 * its docs show it (model `errorBody`: the members of the documented example,
 * JSON or XML, with OpenAPI `xml` names for XML), else the common
 * `{ error_code, error_msg, request_id? }`. The code member lists the
 * documented codes but also accepts any other string, so a code the docs do
 * not list never makes a real error body invalid; other members stay allowed.
 */
import type { ErrorBody, ServiceModel } from '../../model/types.js';
import { documentedErrors } from '../view.js';
import { JSON_SCHEMA_DIALECT, schemaId } from './status-code.js';

/** The common body, assumed when the docs show none. */
const COMMON_ERROR_BODY: ErrorBody = {
  mediaType: 'application/json',
  wrapper: null,
  root: null,
  codeField: 'error_code',
  messageField: 'error_msg',
  fields: ['error_code', 'error_msg', 'request_id'],
  examples: [],
  sources: [],
};

/** The documented body of `model`, else {@link COMMON_ERROR_BODY}. */
export function errorBodyOf(model: ServiceModel): ErrorBody {
  return model.errorBody ?? COMMON_ERROR_BODY;
}

/** The schema of the error code alone (the OpenAPI `ErrorCode` component): a documented code, or any other string. */
export function errorCodeSchemaBody(model: ServiceModel): Record<string, unknown> {
  return {
    title: `${model.title} error code`,
    description: `A service error code: one documented for ${model.title}, or another string (a code the docs do not list).`,
    anyOf: [
      { title: 'Documented error code', type: 'string', enum: documentedErrors(model).map((error) => error.code) },
      { title: 'Other error code', type: 'string' },
    ],
  };
}

/** The schema of one member of the body: the code (`errorCode`), the message, or what the example shows. */
function memberSchema(body: ErrorBody, field: string, errorCode: Record<string, unknown>): Record<string, unknown> {
  if (field === body.codeField) return errorCode;
  if (field === body.messageField) return { type: 'string', description: 'The error message.' };
  if (body === COMMON_ERROR_BODY && field === 'request_id') return { type: 'string', description: 'The request ID.' };
  const example = body.examples.map((value) => (body.wrapper === null ? value : (value as Record<string, unknown>)[body.wrapper]))[0] as
    Record<string, unknown> | undefined;
  const value = example?.[field];
  const type = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : typeof value === 'string' ? 'string' : null;
  return type === null ? {} : { type };
}

/**
 * The error body schema; `errorCode` is the code member's schema (inline or a
 * `$ref`). `openApi` adds the OpenAPI `xml` object (root element name) for an
 * XML body; plain JSON Schema has no such keyword.
 */
export function errorResponseSchemaBody(model: ServiceModel, errorCode: Record<string, unknown>, openApi = false): Record<string, unknown> {
  const body = errorBodyOf(model);
  const required = [body.codeField, ...(body.messageField === null ? [] : [body.messageField])];
  const object: Record<string, unknown> = {
    type: 'object',
    required,
    properties: Object.fromEntries(body.fields.map((field) => [field, memberSchema(body, field, errorCode)])),
  };
  if (openApi && body.mediaType === 'application/xml' && body.root !== null) object['xml'] = { name: body.root };
  const shape = body.wrapper === null ? object : { type: 'object', required: [body.wrapper], properties: { [body.wrapper]: object } };
  return {
    title: `${model.title} error response`,
    description: `The body of an error response from ${model.title}${body.mediaType === 'application/xml' ? ' (XML)' : ''}.`,
    ...shape,
  };
}

/** The JSON value of `error-response.schema.json` (`$comment` carries the do-not-edit header). */
export function errorResponseSchema(model: ServiceModel, comment: string): Record<string, unknown> {
  const body = errorBodyOf(model);
  return {
    $comment: comment,
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(model, 'error-response'),
    ...errorResponseSchemaBody(model, errorCodeSchemaBody(model)),
    ...(body.examples.length === 0 ? {} : { examples: body.examples }),
  };
}
