/**
 * `<service>/model.json`: the ServiceModel (src/model/types.ts) as RFC 8259
 * JSON with a fixed key order (the interface's), preceded by a
 * `generatedBy` do-not-edit field.
 */
import type { ErrorCode, ServiceModel, SourceRef, StatusClass, StatusCode } from '../model/types.js';

const sourceRef = (ref: SourceRef): SourceRef => ({ file: ref.file, line: ref.line, column: ref.column });

const statusCode = (status: StatusCode): StatusCode => ({
  code: status.code,
  phrase: status.phrase,
  standardPhrase: status.standardPhrase,
  description: status.description,
  group: status.group,
  sources: status.sources.map(sourceRef),
});

const statusClass = (entry: StatusClass): StatusClass => ({
  class: entry.class,
  description: entry.description,
  group: entry.group,
  sources: entry.sources.map(sourceRef),
});

const errorCode = (error: ErrorCode): ErrorCode => ({
  code: error.code,
  statuses: [...error.statuses],
  messages: error.messages.map((message) => ({ text: message.text, statuses: [...message.statuses] })),
  description: error.description,
  solution: error.solution,
  sources: error.sources.map(sourceRef),
});

/** The JSON value of `model.json`: `{ generatedBy, ...model }` with every object's keys in the model's interface order. */
export function modelJson(model: ServiceModel, generatedBy: string): { generatedBy: string } & ServiceModel {
  return {
    generatedBy,
    service: model.service,
    title: model.title,
    statusCodes: model.statusCodes.map(statusCode),
    statusClasses: model.statusClasses.map(statusClass),
    errorCodes: model.errorCodes.map(errorCode),
    ...(model.errorBody ? { errorBody: model.errorBody } : {}),
    sources: [...model.sources],
    ...(model.operations ? { operations: model.operations } : {}),
  };
}
