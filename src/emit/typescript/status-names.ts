/**
 * The member name of every registered HTTP status code (the codes of
 * src/model/http-status.ts), as the `http-status-codes` npm package (2.3.0,
 * `StatusCodes`) names it: `408` -> `REQUEST_TIMEOUT`, `413` ->
 * `REQUEST_TOO_LONG`, `302` -> `MOVED_TEMPORARILY`. The six registered codes
 * the package does not name (208, 226, 425, 506, 508, 510) take UPPER_SNAKE of
 * their registry phrase. test/emit/typescript/status-names.test.ts compares
 * this table with the installed package, so a drift fails the build.
 *
 * A registered code has this one name in every service, whatever phrase its
 * page uses (the page's phrase stays in `statusPhrase`, the JSDoc and the schema).
 */
export const registeredStatusNames: ReadonlyMap<number, string> = new Map<number, string>([
  [100, 'CONTINUE'],
  [101, 'SWITCHING_PROTOCOLS'],
  [102, 'PROCESSING'],
  [103, 'EARLY_HINTS'],
  [200, 'OK'],
  [201, 'CREATED'],
  [202, 'ACCEPTED'],
  [203, 'NON_AUTHORITATIVE_INFORMATION'],
  [204, 'NO_CONTENT'],
  [205, 'RESET_CONTENT'],
  [206, 'PARTIAL_CONTENT'],
  [207, 'MULTI_STATUS'],
  [208, 'ALREADY_REPORTED'], // not in http-status-codes: registry phrase
  [226, 'IM_USED'], // not in http-status-codes: registry phrase
  [300, 'MULTIPLE_CHOICES'],
  [301, 'MOVED_PERMANENTLY'],
  [302, 'MOVED_TEMPORARILY'],
  [303, 'SEE_OTHER'],
  [304, 'NOT_MODIFIED'],
  [305, 'USE_PROXY'],
  [307, 'TEMPORARY_REDIRECT'],
  [308, 'PERMANENT_REDIRECT'],
  [400, 'BAD_REQUEST'],
  [401, 'UNAUTHORIZED'],
  [402, 'PAYMENT_REQUIRED'],
  [403, 'FORBIDDEN'],
  [404, 'NOT_FOUND'],
  [405, 'METHOD_NOT_ALLOWED'],
  [406, 'NOT_ACCEPTABLE'],
  [407, 'PROXY_AUTHENTICATION_REQUIRED'],
  [408, 'REQUEST_TIMEOUT'],
  [409, 'CONFLICT'],
  [410, 'GONE'],
  [411, 'LENGTH_REQUIRED'],
  [412, 'PRECONDITION_FAILED'],
  [413, 'REQUEST_TOO_LONG'],
  [414, 'REQUEST_URI_TOO_LONG'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [416, 'REQUESTED_RANGE_NOT_SATISFIABLE'],
  [417, 'EXPECTATION_FAILED'],
  [421, 'MISDIRECTED_REQUEST'],
  [422, 'UNPROCESSABLE_ENTITY'],
  [423, 'LOCKED'],
  [424, 'FAILED_DEPENDENCY'],
  [425, 'TOO_EARLY'], // not in http-status-codes: registry phrase
  [426, 'UPGRADE_REQUIRED'],
  [428, 'PRECONDITION_REQUIRED'],
  [429, 'TOO_MANY_REQUESTS'],
  [431, 'REQUEST_HEADER_FIELDS_TOO_LARGE'],
  [451, 'UNAVAILABLE_FOR_LEGAL_REASONS'],
  [500, 'INTERNAL_SERVER_ERROR'],
  [501, 'NOT_IMPLEMENTED'],
  [502, 'BAD_GATEWAY'],
  [503, 'SERVICE_UNAVAILABLE'],
  [504, 'GATEWAY_TIMEOUT'],
  [505, 'HTTP_VERSION_NOT_SUPPORTED'],
  [506, 'VARIANT_ALSO_NEGOTIATES'], // not in http-status-codes: registry phrase
  [507, 'INSUFFICIENT_STORAGE'],
  [508, 'LOOP_DETECTED'], // not in http-status-codes: registry phrase
  [510, 'NOT_EXTENDED'], // not in http-status-codes: registry phrase
  [511, 'NETWORK_AUTHENTICATION_REQUIRED'],
]);
