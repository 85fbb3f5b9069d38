/**
 * `<service>/error-response.schema.json`: JSON Schema 2020-12 (Validation
 * §6.5.3 `required`, §6.1.2 `enum`) of the service's error body
 * `{ error_code, error_msg, request_id? }`, `error_code` limited to the
 * documented codes; other properties stay allowed.
 */
import type { ServiceModel } from '../../model/types.js';
import { documentedErrors } from '../view.js';
import { JSON_SCHEMA_DIALECT, schemaId } from './status-code.js';

/** The schema of `error_code` alone (the OpenAPI `ErrorCode` component). */
export function errorCodeSchemaBody(model: ServiceModel): Record<string, unknown> {
  return {
    title: `${model.title} error code`,
    description: `A service error code documented for ${model.title}.`,
    type: 'string',
    enum: documentedErrors(model).map((error) => error.code),
  };
}

/** The error body schema; `errorCode` is the `error_code` property's schema (inline or a `$ref`). */
export function errorResponseSchemaBody(model: ServiceModel, errorCode: Record<string, unknown>): Record<string, unknown> {
  return {
    title: `${model.title} error response`,
    description: `The body of an error response from ${model.title}.`,
    type: 'object',
    required: ['error_code', 'error_msg'],
    properties: {
      error_code: errorCode,
      error_msg: { type: 'string', description: 'The error message.' },
      request_id: { type: 'string', description: 'The request ID.' },
    },
  };
}

/** The JSON value of `error-response.schema.json` (`$comment` carries the do-not-edit header). */
export function errorResponseSchema(model: ServiceModel, comment: string): Record<string, unknown> {
  return {
    $comment: comment,
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(model, 'error-response'),
    ...errorResponseSchemaBody(model, errorCodeSchemaBody(model)),
  };
}
