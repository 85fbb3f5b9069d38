/**
 * Naming for generated identifiers (enum members, guards, OpenAPI component
 * keys, index namespaces). Every name is a pure function of its own input
 * (one status code, one error code, one group title), never of which other
 * codes a service documents, so adding or removing a code or a page renames
 * nothing else. Every name is a plain ASCII identifier
 * (`[A-Za-z_$][A-Za-z0-9_$]*`), so it cannot start with a digit or smuggle code.
 *
 * - Status members ({@link statusMemberName}): a registered code is named as
 *   the `http-status-codes` package names it (`408` -> `REQUEST_TIMEOUT`,
 *   `413` -> `REQUEST_TOO_LONG`), whatever the page's phrase; an unregistered
 *   one is UPPER_SNAKE of its phrase plus `_<code>` (`STATUS_<code>` without).
 * - Error members ({@link errorMemberName}): the code itself with `.` written
 *   `_` (`BackupService.0001` -> `BackupService_0001`), with an exact,
 *   decodable escape for the rare codes that are not dot-separated letters and digits.
 * - Response components ({@link responseName}): PascalCase of the same.
 * - Group guards ({@link groupGuardName}): the group title without noise words,
 *   so "Normal codes" and "Normal status codes" share `isNormalStatus`.
 *
 * Words (for phrases, group titles and service ids): the text is NFKD-normalised,
 * diacritics and apostrophes are dropped, camelCase is split (`NoContent` ->
 * `No Content`, `KMSDisabled` -> `KMS Disabled`), then every run of characters
 * other than ASCII letters and digits separates words; phrases are cut at the
 * last whole word within {@link MAX_NAME_LENGTH} characters.
 *
 * Only index-module namespaces (service ids, unique per run) still use the
 * collision rule of {@link uniqueNames}: the first holder keeps a name, a
 * later one gets `_2`, `_3`, ...
 */
import type { ErrorCode, StatusCode } from '../../model/types.js';
import { registeredStatusNames } from './status-names.js';

/** Longest base name (before a collision suffix) derived from text. */
export const MAX_NAME_LENGTH = 64;

const APOSTROPHES = /['\u2018\u2019\u02BC`]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** The ASCII words of `text`: `"Non-Authoritative Information"` -> `['Non', 'Authoritative', 'Information']`. */
function words(text: string): string[] {
  const spaced = text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(APOSTROPHES, '')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return spaced.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
}

function joinWithin(parts: readonly string[], separator: string): string {
  let joined = '';
  for (const part of parts) {
    const next = joined === '' ? part : joined + separator + part;
    if (next.length > MAX_NAME_LENGTH) return joined === '' ? part.slice(0, MAX_NAME_LENGTH) : joined;
    joined = next;
  }
  return joined;
}

/** `"I'm a teapot"` -> `IM_A_TEAPOT`; `""` when the text has no ASCII word. */
export function toUpperSnake(text: string): string {
  return joinWithin(
    words(text).map((word) => word.toUpperCase()),
    '_',
  );
}

/** `"Bad Request"` -> `BadRequest`, `"OK"` -> `OK` (the rest of each word kept as written); `""` when the text has no ASCII word. */
export function toPascalCase(text: string): string {
  return joinWithin(
    words(text).map((word) => word.charAt(0).toUpperCase() + word.slice(1)),
    '',
  );
}

const startsWithDigit = (name: string): boolean => /^[0-9]/.test(name);

/** A wanted name and the suffix it takes on collision (when absent, only the `_2`, `_3`... counter applies). */
export interface NameRequest {
  base: string;
  suffix?: string;
}

/**
 * Resolves collisions by the module's rule: first holder keeps `base`, a
 * later one gets `base_<suffix>`, then `_2`, `_3`... until unused. Names in
 * `reserved` are never handed out.
 */
export function uniqueNames(requests: readonly NameRequest[], reserved: ReadonlySet<string> = new Set()): string[] {
  const taken = new Set(reserved);
  const names: string[] = [];
  for (const { base, suffix } of requests) {
    let name = base;
    if (taken.has(name)) {
      const stem = suffix === undefined ? base : `${base}_${suffix}`;
      name = stem;
      for (let counter = 2; taken.has(name); counter += 1) name = `${stem}_${counter}`;
    }
    taken.add(name);
    names.push(name);
  }
  return names;
}

/** A status code as a name suffix: its decimal digits, `M<digits>` for a negative code. */
function codeSuffix(code: number): string {
  const digits = Number.isSafeInteger(code) ? String(Math.abs(code)) : BigInt(Math.trunc(code)).toString().replace('-', '');
  return code < 0 ? `M${digits}` : digits;
}

/**
 * The enum member name of one status code, a function of that code alone
 * (its phrase only for an unregistered code):
 * - a registered code: its http-status-codes name ({@link registeredStatusNames}),
 *   whatever phrase the page uses (`413` is `REQUEST_TOO_LONG` in every service);
 * - an unregistered code: UPPER_SNAKE of the documented phrase, then `_<code>`
 *   (`499 Client Closed Request` -> `CLIENT_CLOSED_REQUEST_499`; `STATUS_` is
 *   prefixed before a digit), or `STATUS_<code>` without a phrase.
 * Injective: registered names never end in `_<digits>`, every other name ends
 * in `_<its code>`, so two codes never share a name and no suffixing is needed.
 */
export function statusMemberName(status: Pick<StatusCode, 'code' | 'phrase'>): string {
  const registered = registeredStatusNames.get(status.code);
  if (registered !== undefined) return registered;
  const phrase = toUpperSnake(status.phrase ?? '');
  const stem = phrase === '' ? 'STATUS' : startsWithDigit(phrase) ? `STATUS_${phrase}` : phrase;
  return `${stem}_${codeSuffix(status.code)}`;
}

/** {@link statusMemberName} of each status, in the given order. */
export function statusMemberNames(codes: readonly StatusCode[]): string[] {
  return codes.map(statusMemberName);
}

const IDENTIFIER_CODE = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
const NUMERIC_CODE = /^[0-9][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;
const UNDERSCORE_CODE = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `"__a b"` -> `"5fx5f_20_"`: each separator run as code points in hex joined by `x`, runs joined by `_`. */
function encodeSeparators(separators: readonly string[]): string {
  return separators.map((run) => Array.from(run, (char) => (char.codePointAt(0) ?? 0).toString(16)).join('x')).join('_');
}

/**
 * The enum member name of one service error code, a function of that code
 * alone, injective (no two codes share a name, so adding or removing a code
 * never renames another) and as close to the code as an identifier can be:
 *
 * 1. letters and digits in dot-separated parts, starting with a letter: the
 *    code with each `.` written `_`, case kept (`BackupService.0001` ->
 *    `BackupService_0001`, `SVCSTG.SWR.4001048` -> `SVCSTG_SWR_4001048`,
 *    `AccessDenied` -> `AccessDenied`);
 * 2. the same starting with a digit: `_` before it (`1100` -> `_1100`,
 *    `11.02` -> `_11_02`);
 * 3. an identifier with underscores (`SVCSTG_AMS_4000115`): the code and `$`
 *    (`SVCSTG_AMS_4000115$`), since rule 1 can give the same letters;
 * 4. anything else (spaces, hyphens, other characters): its ASCII letter and
 *    digit runs joined by `_` (`_` first when that starts with a digit or is
 *    empty), `$`, then the characters between the runs, as hex code points
 *    (`x` between characters, `_` between gaps, the gaps before the first
 *    and after the last run included): `Bad Request` -> `Bad_Request$_20_`,
 *    `错误` -> `_$9519x8bef`.
 *
 * Names of rules 1 and 2 have no `$` and start with a letter or `_`
 * respectively, and `.` is their only rewritten character; rule 3 names end
 * in their single `$`; rule 4 names hold the exact text around their runs
 * after the `$`. So each name decodes to exactly one code.
 */
export function errorMemberName(code: string): string {
  if (IDENTIFIER_CODE.test(code)) return code.replaceAll('.', '_');
  if (NUMERIC_CODE.test(code)) return `_${code.replaceAll('.', '_')}`;
  if (UNDERSCORE_CODE.test(code)) return `${code}$`;
  const runs = code.match(/[A-Za-z0-9]+/g) ?? [];
  const separators = code.split(/[A-Za-z0-9]+/);
  const readable = runs.join('_');
  const head = readable === '' || startsWithDigit(readable) ? `_${readable}` : readable;
  return `${head}$${encodeSeparators(separators)}`;
}

/** {@link errorMemberName} of each error code, in the given order. */
export function errorMemberNames(codes: readonly ErrorCode[]): string[] {
  return codes.map((error) => errorMemberName(error.code));
}

/** Words of registered names that stay upper-case in PascalCase. */
const ACRONYMS: ReadonlySet<string> = new Set(['OK', 'IM', 'URI', 'HTTP']);

/** `REQUEST_TOO_LONG` -> `RequestTooLong`; acronyms stay upper-case (`OK`, `IMUsed`, `RequestURITooLong`). */
function pascalFromUpperSnake(name: string): string {
  return name
    .split('_')
    .map((word) => (ACRONYMS.has(word) ? word : word.charAt(0) + word.slice(1).toLowerCase()))
    .join('');
}

/**
 * The OpenAPI `components.responses` key of one status code, a function of
 * that code alone: a registered code's member name in PascalCase
 * (`REQUEST_TOO_LONG` -> `RequestTooLong`, `OK` -> `OK`); an unregistered
 * code: PascalCase of its phrase, then `_<code>` (`ClientClosedRequest_499`),
 * or `Status_<code>` without one.
 */
function responseName(status: Pick<StatusCode, 'code' | 'phrase'>): string {
  const registered = registeredStatusNames.get(status.code);
  if (registered !== undefined) return pascalFromUpperSnake(registered);
  const phrase = toPascalCase(status.phrase ?? '');
  const stem = phrase === '' ? 'Status' : startsWithDigit(phrase) ? `Status${phrase}` : phrase;
  return `${stem}_${codeSuffix(status.code)}`;
}

/** {@link responseName} of each status, in the given order. */
export function responseNames(codes: readonly StatusCode[]): string[] {
  return codes.map(responseName);
}

/** Name of the `isStatusCode` guard; no group guard can take it (they all end in `Status`). */
export const STATUS_GUARD_NAME = 'isStatusCode';

/** Words that say nothing about a group: "Normal status codes" and "Normal values" are both "Normal". */
const GROUP_NOISE = /^(?:status(?:es)?|codes?|values?|http|responses?|returned|return)$/i;

/**
 * The type-guard name of a status group, or null when the title is only
 * noise words ("Status codes": the whole table, not a group). Noise words
 * ("status", "code(s)", "value(s)", "HTTP", "response(s)", "return(ed)") are
 * dropped wherever they stand, the rest is PascalCased: `"Normal"`,
 * `"Normal codes"` and `"Normal status codes"` are all `isNormalStatus`, so
 * groups with the same name share one guard. A title with no ASCII word is
 * named by its code points: `"错误"` -> `isGroup_9519x8bef_Status`.
 */
export function groupGuardName(group: string): string | null {
  const all = words(group);
  const kept = all.filter((word) => !GROUP_NOISE.test(word));
  if (all.length > 0 && kept.length === 0) return null;
  const title = toPascalCase(kept.join(' '));
  if (title !== '') return `is${startsWithDigit(title) ? `Group${title}` : title}Status`;
  const hex = encodeSeparators([group.trim()]);
  return hex === '' ? null : `isGroup_${hex}_Status`;
}

/**
 * Output directory of a service: its id lower-cased, every run of characters
 * other than `a-z0-9` replaced by `-`, outer dashes trimmed; `service` when
 * nothing is left. Model ids are already kebab-case, so this is the id itself.
 */
export function serviceDirectory(service: string): string {
  const dir = service
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return dir === '' ? 'service' : dir;
}

/** Namespace names of one service in the index module. */
export interface ServiceNamespaces {
  service: string;
  /** Namespace of `status-codes.ts`: PascalCase of the id (`cloud-backup-recovery` -> `CloudBackupRecovery`). */
  status: string;
  /** Namespace of `error-codes.ts` (`CloudBackupRecoveryErrors`), or null when the service has no error codes. */
  errors: string | null;
}

/**
 * Namespace names for the index module, assigned in the given order (status
 * then errors per service) under the collision rule; `Service` is prefixed
 * when the id starts with a digit, `Service` alone when it has no ASCII word.
 */
export function serviceNamespaceNames(services: readonly { service: string; hasErrorCodes: boolean }[]): ServiceNamespaces[] {
  const requests: NameRequest[] = [];
  for (const { service, hasErrorCodes } of services) {
    const pascal = toPascalCase(service);
    const base = pascal === '' ? 'Service' : startsWithDigit(pascal) ? `Service${pascal}` : pascal;
    requests.push({ base });
    if (hasErrorCodes) requests.push({ base: `${base}Errors` });
  }
  const names = uniqueNames(requests);
  let next = 0;
  return services.map(({ service, hasErrorCodes }) => {
    const status = names[next++] ?? '';
    const errors = hasErrorCodes ? (names[next++] ?? '') : null;
    return { service, status, errors };
  });
}
