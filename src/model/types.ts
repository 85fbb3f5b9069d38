/**
 * The intermediate model: what the docs say about a service's HTTP status
 * codes and service error codes, independent of RST and of any output format.
 * Plain JSON-serialisable data; `generated/<service>/model.json` is this,
 * serialised with sorted, stable ordering.
 */
import type { RstRoot } from '../parse/types.js';
import type { OperationsModel } from './operations/types.js';

import type { SourceRef } from './source-ref.js';

export type { SourceRef } from './source-ref.js';

export interface StatusCode {
  /** The numeric HTTP status, 100..599 (or another 3-digit code the docs use, e.g. 441). */
  code: number;
  /** The phrase as documented ("Bad Request", "NoContent"), or null when the docs give none. */
  phrase: string | null;
  /** RFC 9110 (or IANA registry) phrase for `code`, or null when the code is not registered. */
  standardPhrase: string | null;
  /** Description text from the docs ("" when the docs have none). */
  description: string;
  /** "Normal" / "Abnormal" / a section or caption title, or null when nothing groups it. */
  group: string | null;
  /** Every place the code is documented; the first is where it is defined. */
  sources: SourceRef[];
}

/** A documented class of codes such as `4xx`: kept, but not an enum member. */
export interface StatusClass {
  /** "1xx".."5xx", lower-case. */
  class: string;
  description: string;
  group: string | null;
  sources: SourceRef[];
}

export interface ErrorCode {
  /** The service error code exactly as documented: "BackupService.0001", "KMS.DisabledException", "1100". */
  code: string;
  /** HTTP statuses the error is returned with (sorted, unique); empty when the docs say N/A or nothing. */
  statuses: number[];
  /**
   * The documented error messages, one per distinct message in document order
   * (a code documented in several rows can be sent with each); empty when none.
   */
  messages: ErrorMessage[];
  description: string;
  /** The fix (Solution / Handling Measure / Measure / Troubleshooting column), "" when none. */
  solution: string;
  sources: SourceRef[];
}

/** One documented message of an error code. */
export interface ErrorMessage {
  text: string;
  /** The statuses of the rows that give this message (sorted, unique); empty when they name none. */
  statuses: number[];
}

/** The error response body a service documents (an example block on its pages). */
export interface ErrorBody {
  mediaType: 'application/json' | 'application/xml';
  /** The one member wrapping the body (`{"error": {...}}`), else null. */
  wrapper: string | null;
  /** XML: the root element's name (`Error`); JSON: null. */
  root: string | null;
  /** The member (JSON) or child element (XML) holding the error code: `error_code`, `errorCode`, `Code`. */
  codeField: string;
  /** The member holding the message, or null when the example has none. */
  messageField: string | null;
  /** Every member of the example, in its order (the code and message fields included). */
  fields: string[];
  /** The documented examples, as JSON values (XML: child element name -> text). */
  examples: unknown[];
  /** Where each example is. */
  sources: SourceRef[];
}

export interface ServiceModel {
  /** Service id: lower-case kebab (`cloud-backup-recovery`), unique in a run. */
  service: string;
  /** Human title (from the config, else derived from the id). */
  title: string;
  /** Sorted by code. */
  statusCodes: StatusCode[];
  /** Sorted by class. */
  statusClasses: StatusClass[];
  /** Sorted by code (code-point order). */
  errorCodes: ErrorCode[];
  /** The documented error body, or absent when the docs show none (the common `{error_code, error_msg}` is assumed). */
  errorBody?: ErrorBody;
  /** The RST files read for this service, in config order. */
  sources: string[];
  /** The operations of the service's API reference pages (absent when it has none). */
  operations?: OperationsModel;
}

export interface ModelRoot {
  /** Model format version. */
  version: 1;
  /** Sorted by service id. */
  services: ServiceModel[];
}

/** The pages of one service to read. Every table of every page is classified by its headers and values (status table, error table, or neither), so a page's name or place in the config does not matter. */
export interface ServiceInput {
  service: string;
  title?: string;
  pages: Array<{ path: string; root: RstRoot }>;
}
