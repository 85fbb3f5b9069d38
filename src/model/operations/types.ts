/**
 * The operation model: what a service's API reference pages say about its
 * HTTP operations (method, path, parameters, bodies, responses, examples),
 * independent of RST and of OpenAPI. Plain JSON-serialisable data; it is the
 * `operations` part of `model.json` and the source of `openapi.json`'s paths.
 *
 * Schemas are JSON Schema 2020-12 objects (the OpenAPI 3.1 dialect); nested
 * objects documented by their own tables are named component schemas,
 * referenced as `{ "$ref": "#/components/schemas/<Name>" }`.
 */
import type { SourceRef } from '../source-ref.js';

/** A JSON Schema 2020-12 object as built from the docs (only the keywords the builder writes). */
export interface Schema {
  $ref?: string;
  type?: JsonType | JsonType[];
  format?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  enum?: Array<string | number | boolean>;
  default?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  oneOf?: Schema[];
}

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  description: string;
  schema: Schema;
  source: SourceRef;
  /** The name the page's table writes when the path key spells the placeholder differently (`id` for `{volume_id}`). */
  documentedAs?: string;
}

export interface Body {
  /** `application/json`, `application/xml`, `application/octet-stream`. */
  mediaType: string;
  schema: Schema;
  /** The first example of the page that is valid JSON (or the raw text for XML), else absent. */
  example?: unknown;
  source: SourceRef;
}

export interface Response {
  /** `200`, `404`, or `default`. */
  status: string;
  description: string;
  body?: Body;
  headers?: Parameter[];
}

export interface Operation {
  /** Unique in the service; readable, from the page title (`createAnAsGroup`). */
  operationId: string;
  method: HttpMethod;
  /** The path template (`/v1/{project_id}/groups`), scheme/host/markup removed, query parameters moved out. */
  path: string;
  summary: string;
  description: string;
  tags: string[];
  deprecated: boolean;
  parameters: Parameter[];
  requestBody?: Body & { required: boolean };
  responses: Response[];
  /** Every page documenting this method + path (more than one when pages share it). */
  sources: SourceRef[];
  /** The pages' own file names, in the order read. */
  pages: string[];
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export interface OperationsModel {
  /** Sorted by path, then method. */
  operations: Operation[];
  /** Component schemas, by name (sorted). */
  schemas: Record<string, Schema>;
}
