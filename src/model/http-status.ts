/**
 * HTTP status codes and their reason phrases: RFC 9110 §15 plus the other
 * permanent entries of the IANA "HTTP Status Code Registry"
 * (https://www.iana.org/assignments/http-status-codes). Codes the registry
 * marks "(Unused)" (306, 418) are not listed: they are not usable statuses.
 */

/** Registered status code -> its current phrase. */
export const httpStatus: ReadonlyMap<number, string> = new Map<number, string>([
  [100, 'Continue'], // RFC 9110
  [101, 'Switching Protocols'], // RFC 9110
  [102, 'Processing'], // RFC 2518
  [103, 'Early Hints'], // RFC 8297
  [200, 'OK'],
  [201, 'Created'],
  [202, 'Accepted'],
  [203, 'Non-Authoritative Information'],
  [204, 'No Content'],
  [205, 'Reset Content'],
  [206, 'Partial Content'],
  [207, 'Multi-Status'], // RFC 4918
  [208, 'Already Reported'], // RFC 5842
  [226, 'IM Used'], // RFC 3229
  [300, 'Multiple Choices'],
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [304, 'Not Modified'],
  [305, 'Use Proxy'],
  [307, 'Temporary Redirect'],
  [308, 'Permanent Redirect'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout'],
  [409, 'Conflict'],
  [410, 'Gone'],
  [411, 'Length Required'],
  [412, 'Precondition Failed'],
  [413, 'Content Too Large'],
  [414, 'URI Too Long'],
  [415, 'Unsupported Media Type'],
  [416, 'Range Not Satisfiable'],
  [417, 'Expectation Failed'],
  [421, 'Misdirected Request'],
  [422, 'Unprocessable Content'],
  [423, 'Locked'], // RFC 4918
  [424, 'Failed Dependency'], // RFC 4918
  [425, 'Too Early'], // RFC 8470
  [426, 'Upgrade Required'],
  [428, 'Precondition Required'], // RFC 6585
  [429, 'Too Many Requests'], // RFC 6585
  [431, 'Request Header Fields Too Large'], // RFC 6585
  [451, 'Unavailable For Legal Reasons'], // RFC 7725
  [500, 'Internal Server Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
  [505, 'HTTP Version Not Supported'],
  [506, 'Variant Also Negotiates'], // RFC 2295
  [507, 'Insufficient Storage'], // RFC 4918
  [508, 'Loop Detected'], // RFC 5842
  [510, 'Not Extended'], // RFC 2774 (obsoleted, still registered)
  [511, 'Network Authentication Required'], // RFC 6585
]);

/** Codes the IANA registry reserves as "(Unused)". */
export const unusedStatus: ReadonlySet<number> = new Set([306, 418]);

/**
 * Former phrases of registered codes (RFC 2616, RFC 7231, RFC 4918 …), which
 * docs still use: `Request Entity Too Large` for 413, `Moved Temporarily` for 302.
 */
export const obsoletePhrases: ReadonlyMap<number, readonly string[]> = new Map<number, readonly string[]>([
  [302, ['Moved Temporarily']],
  [408, ['Request Time-out']],
  [413, ['Request Entity Too Large', 'Payload Too Large']],
  [414, ['Request-URI Too Long', 'Request-URI Too Large']],
  [416, ['Requested Range Not Satisfiable', 'Requested range not satisfiable']],
  [422, ['Unprocessable Entity']],
  [504, ['Gateway Time-out']],
  [505, ['HTTP Version not supported']],
]);

/** Lower-case letters and digits only: `NoContent`, `No Content` and `no-content` compare equal. */
export function phraseKey(phrase: string): string {
  return phrase.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const knownKeys: ReadonlySet<string> = new Set([...[...httpStatus.values()].map(phraseKey), ...[...obsoletePhrases.values()].flat().map(phraseKey)]);

/** True when `text` is (a spelling of) any registered or former reason phrase. */
export function isKnownPhrase(text: string): boolean {
  return knownKeys.has(phraseKey(text));
}

/** How a documented phrase relates to the registered one for `code`. */
export type PhraseCheck = { kind: 'standard' } | { kind: 'obsolete'; standard: string } | { kind: 'different'; standard: string } | { kind: 'unregistered' };

/** Compares a documented phrase with the registry; spelling (case, spaces, hyphens) is ignored. */
export function checkPhrase(code: number, phrase: string): PhraseCheck {
  const standard = httpStatus.get(code);
  if (standard === undefined) return { kind: 'unregistered' };
  const key = phraseKey(phrase);
  if (key === phraseKey(standard)) return { kind: 'standard' };
  const former = obsoletePhrases.get(code) ?? [];
  if (former.some((p) => phraseKey(p) === key)) return { kind: 'obsolete', standard };
  return { kind: 'different', standard };
}
