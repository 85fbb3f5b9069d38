/**
 * Which HTTP status a generated response component documents, for `--wire`,
 * in this order: the component says so itself in `x-status-code` (or
 * `x-http-status`); the generated `StatusCode` schema has exactly one
 * `oneOf` branch `{ const: 441, title: '441 Quota Exceeded', description }`
 * whose description (or, without one, title) is the response's description;
 * its name is an IANA reason phrase in PascalCase (`BadRequest` -> 400,
 * RFC 9110 §15); its name ends in three digits (`Status441` -> 441).
 */

const REASONS: Record<string, number> = {
  BadRequest: 400, Unauthorized: 401, PaymentRequired: 402, Forbidden: 403, NotFound: 404,
  MethodNotAllowed: 405, NotAcceptable: 406, ProxyAuthenticationRequired: 407, RequestTimeout: 408,
  Conflict: 409, Gone: 410, LengthRequired: 411, PreconditionFailed: 412, ContentTooLarge: 413,
  PayloadTooLarge: 413, RequestEntityTooLarge: 413, UriTooLong: 414, URITooLong: 414, RequestUriTooLong: 414,
  UnsupportedMediaType: 415, RangeNotSatisfiable: 416, RequestedRangeNotSatisfiable: 416,
  ExpectationFailed: 417, ImATeapot: 418, MisdirectedRequest: 421, UnprocessableContent: 422,
  UnprocessableEntity: 422, Locked: 423, FailedDependency: 424, TooEarly: 425, UpgradeRequired: 426,
  PreconditionRequired: 428, TooManyRequests: 429, RequestHeaderFieldsTooLarge: 431,
  UnavailableForLegalReasons: 451, InternalServerError: 500, NotImplemented: 501, BadGateway: 502,
  ServiceUnavailable: 503, GatewayTimeout: 504, HttpVersionNotSupported: 505, HTTPVersionNotSupported: 505,
  VariantAlsoNegotiates: 506, InsufficientStorage: 507, LoopDetected: 508, NotExtended: 510,
  NetworkAuthenticationRequired: 511,
};

function asStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Status by description, from a generated `StatusCode` schema's `oneOf`
 * branches; a description two branches share maps to nothing.
 */
export function statusesByDescription(statusSchema: unknown): Map<string, number | undefined> {
  const byText = new Map<string, number | undefined>();
  const branches = isRecord(statusSchema) ? statusSchema['oneOf'] : undefined;
  if (!Array.isArray(branches)) return byText;
  for (const branch of branches) {
    if (!isRecord(branch)) continue;
    const code = asStatus(branch['const']);
    const text = typeof branch['description'] === 'string' ? branch['description'] : branch['title'];
    if (code === undefined || typeof text !== 'string') continue;
    byText.set(text, byText.has(text) && byText.get(text) !== code ? undefined : code);
  }
  return byText;
}

/**
 * The HTTP status a response component documents, or undefined when neither
 * its content, the `StatusCode` schema (`byDescription`) nor its name tells.
 */
export function statusOfResponse(name: string, response: unknown, byDescription?: ReadonlyMap<string, number | undefined>): number | undefined {
  if (isRecord(response)) {
    const declared = asStatus(response['x-status-code']) ?? asStatus(response['x-http-status']);
    if (declared !== undefined) return declared;
    const description = response['description'];
    const described = typeof description === 'string' ? byDescription?.get(description) : undefined;
    if (described !== undefined) return described;
  }
  const known = REASONS[name];
  if (known !== undefined) return known;
  const digits = /(\d{3})$/.exec(name);
  return digits ? asStatus(digits[1]) : undefined;
}

/** Whether the responses key `key` (`404`, `4XX`, `default`) already answers for `status`. `default` does not. */
export function keyCovers(key: string, status: number): boolean {
  if (key === String(status)) return true;
  return /^[1-5]XX$/i.test(key) && key[0] === String(status)[0];
}
