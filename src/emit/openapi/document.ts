/**
 * `<service>/openapi.json`: an OpenAPI 3.1.0 document (OAS 3.1 §4.8.7
 * Components, §4.8.17 Response, §4.8.19 Example) with one response component
 * per documented status code and the StatusCode / ErrorCode / ErrorResponse
 * schemas. Every generated component carries {@link GENERATED_MARKER}.
 */
import type { ErrorBody, ErrorCode, ServiceModel } from '../../model/types.js';
import { errorBodyOf, errorCodeSchemaBody, errorResponseSchemaBody } from '../json-schema/error-response.js';
import { statusCodeSchemaBody } from '../json-schema/status-code.js';
import { GENERATOR } from '../text.js';
import { responseNames } from '../typescript/names.js';
import { documentedErrors, documentedStatuses, statusTitle } from '../view.js';
import { openApiPaths } from './paths.js';

/** Extension key and value on every generated component (and the document): `"x-generated-by": "rst-codegen"`. */
export const GENERATED_MARKER = { key: 'x-generated-by', value: GENERATOR } as const;

const marker = { [GENERATED_MARKER.key]: GENERATED_MARKER.value };

/** Version written to `info.version`: the docs carry none, so this is fixed. */
const DOCUMENT_VERSION = '1.0.0';

/**
 * `servers`: the docs name no endpoint, so the one server is OAS 3.1 §4.8.1's
 * default, `/` (relative to where the document is served), written out so
 * the list is not empty (redocly's `no-empty-servers`).
 */
const SERVERS: readonly Record<string, string>[] = [
  { url: '/', description: 'Relative to where this document is served: the docs name no endpoint. Replace it with the service endpoint.' },
];

/**
 * The example body of one error code sent with `message` (null: the docs give
 * none), in the documented shape. An XML body's example is its JSON form
 * (element name -> text), which the schema (with its `xml` names) describes
 * and redocly checks.
 */
function exampleBody(body: ErrorBody, code: string, message: string | null): unknown {
  const members: Record<string, string> = { [body.codeField]: code };
  if (body.messageField !== null) members[body.messageField] = message ?? '';
  return body.wrapper === null ? members : { [body.wrapper]: members };
}

/**
 * The `examples` of one error response: one per message documented for each
 * error code with `status` (a message from rows that name other statuses
 * only is left out; one example without a message when none is left).
 * Keys: the code for its first message, then `<code> (message 2)`, ...; a
 * key some other code already took gets the next number, so keys are unique
 * and depend only on the codes and their messages.
 */
function errorExamples(body: ErrorBody, errors: readonly ErrorCode[], status: number): Record<string, unknown> {
  // A Map, turned into an object with Object.fromEntries (own properties), so even a code such as `__proto__` stays a plain key.
  const examples = new Map<string, unknown>();
  const sent = errors.filter((error) => error.statuses.includes(status));
  const codes = new Set(sent.map((error) => error.code));
  for (const error of sent) {
    const sentWith = error.messages.filter((message) => message.statuses.length === 0 || message.statuses.includes(status)).map((message) => message.text);
    const messages: Array<string | null> = sentWith.length === 0 ? [null] : sentWith;
    let n = 1;
    messages.forEach((message, index) => {
      let key = error.code;
      if (index > 0) {
        do key = `${error.code} (message ${++n})`;
        while (codes.has(key) || examples.has(key));
      }
      examples.set(key, { ...(error.description === '' ? {} : { summary: error.description }), value: exampleBody(body, error.code, message) });
    });
  }
  return Object.fromEntries(examples);
}

/** The JSON value of `openapi.json`; `description` is the do-not-edit sentence. */
export function openApiDocument(model: ServiceModel, description: string): Record<string, unknown> {
  const statuses = documentedStatuses(model);
  const errors = documentedErrors(model);
  const names = responseNames(statuses);
  const hasErrors = errors.length > 0;
  const body = errorBodyOf(model);

  const responses: Record<string, unknown> = {};
  statuses.forEach((status, index) => {
    const response: Record<string, unknown> = {
      description: status.description === '' ? statusTitle(status) : status.description,
    };
    if (hasErrors && status.code >= 400 && status.code <= 599) {
      const examples = errorExamples(body, errors, status.code);
      response['content'] = {
        [body.mediaType]: {
          schema: { $ref: '#/components/schemas/ErrorResponse' },
          ...(Object.keys(examples).length === 0 ? {} : { examples }),
        },
      };
    }
    // `x-status-code` says which status the response is for (merge --wire reads it).
    responses[names[index] ?? `Status${status.code}`] = { ...response, 'x-status-code': status.code, ...marker };
  });

  const schemas: Record<string, unknown> = { StatusCode: { ...statusCodeSchemaBody(model), ...marker } };
  if (hasErrors) {
    schemas['ErrorCode'] = { ...errorCodeSchemaBody(model), ...marker };
    schemas['ErrorResponse'] = { ...errorResponseSchemaBody(model, { $ref: '#/components/schemas/ErrorCode' }, true), ...marker };
  }

  // The operations of the API reference pages (paths.ts); their schemas never take the names above.
  const api = openApiPaths(model);
  for (const [name, schema] of Object.entries(api.schemas)) if (!Object.hasOwn(schemas, name)) schemas[name] = { ...(schema as object), ...marker };
  const hasPaths = Object.keys(api.paths).length > 0;

  return {
    openapi: '3.1.0',
    info: { title: hasPaths ? `${model.title} API` : `${model.title} status and error codes`, description, version: DOCUMENT_VERSION },
    ...marker,
    servers: SERVERS.map((server) => ({ ...server })),
    ...(api.tags.length > 0 ? { tags: api.tags.map((name) => ({ name })) } : {}),
    paths: api.paths,
    components: { schemas, responses },
  };
}
