/**
 * Naming for generated identifiers (enum members, guards, OpenAPI component
 * keys, index namespaces), following the http-status-codes convention
 * (`"Non-Authoritative Information"` -> `NON_AUTHORITATIVE_INFORMATION`,
 * `"I'm a teapot"` -> `IM_A_TEAPOT`). Every name is a pure function of the
 * input and is a plain ASCII identifier (`[A-Za-z_][A-Za-z0-9_]*`), so it
 * can never be a reserved word problem, start with a digit, or smuggle code.
 *
 * Words: the text is NFKD-normalised, diacritics and apostrophes are dropped,
 * camelCase is split (`NoContent` -> `No Content`, `KMSDisabled` -> `KMS Disabled`),
 * then every run of characters other than ASCII letters and digits separates
 * words. Text with no ASCII word (e.g. only Chinese) falls back as documented
 * per name kind. Names are cut at the last whole word within
 * {@link MAX_NAME_LENGTH} characters.
 *
 * Collision rule (one rule everywhere, see {@link uniqueNames}): names are
 * assigned in input order (status codes by code, error codes in code-point
 * order, services by id); the first holder of a name keeps it; a later one
 * gets `_<suffix>` appended (the status code for status members and
 * responses, e.g. `BAD_REQUEST_499`), and while that is still taken, `_2`,
 * `_3`, ... is appended.
 */
import type { ErrorCode, StatusCode } from '../../model/types.js';

/** Longest base name (before a collision suffix) derived from text. */
export const MAX_NAME_LENGTH = 64;

const APOSTROPHES = /['\u2018\u2019\u02BC`]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** The ASCII words of `text`: `"Non-Authoritative Information"` -> `['Non', 'Authoritative', 'Information']`. */
export function words(text: string): string[] {
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

/**
 * Enum member names for status codes, in the given order: UPPER_SNAKE of the
 * documented phrase, else of the standard phrase, else `STATUS_<code>`;
 * `STATUS_` is prefixed when the name would start with a digit.
 */
export function statusMemberNames(codes: readonly StatusCode[]): string[] {
  return uniqueNames(
    codes.map((status) => {
      const name = toUpperSnake(status.phrase ?? '') || toUpperSnake(status.standardPhrase ?? '');
      const base = name === '' ? `STATUS_${status.code}` : startsWithDigit(name) ? `STATUS_${name}` : name;
      return { base, suffix: String(status.code) };
    }),
  );
}

/**
 * Enum member names for service error codes: UPPER_SNAKE of the code
 * (`BackupService.0001` -> `BACKUP_SERVICE_0001`, `KMS.DisabledException` ->
 * `KMS_DISABLED_EXCEPTION`); `ERROR_` is prefixed when it would start with a
 * digit (`1100` -> `ERROR_1100`); `ERROR` when the code has no ASCII word.
 */
export function errorMemberNames(codes: readonly ErrorCode[]): string[] {
  return uniqueNames(
    codes.map((error) => {
      const name = toUpperSnake(error.code);
      return { base: name === '' ? 'ERROR' : startsWithDigit(name) ? `ERROR_${name}` : name };
    }),
  );
}

/**
 * OpenAPI `components.responses` keys: PascalCase of the phrase, else of the
 * standard phrase, else `Status<code>` (`Status` also prefixed before a digit).
 */
export function responseNames(codes: readonly StatusCode[]): string[] {
  return uniqueNames(
    codes.map((status) => {
      const name = toPascalCase(status.phrase ?? '') || toPascalCase(status.standardPhrase ?? '');
      const base = name === '' ? `Status${status.code}` : startsWithDigit(name) ? `Status${name}` : name;
      return { base, suffix: String(status.code) };
    }),
  );
}

/** Name of the `isStatusCode` guard, reserved so no group guard can take it. */
export const STATUS_GUARD_NAME = 'isStatusCode';

const GROUP_NOISE = /^(status(es)?|codes?|values?)$/i;

/**
 * Type-guard names for status groups, in the given order: `"Normal"` ->
 * `isNormalStatus`; trailing words "status", "code(s)", "value(s)" are
 * dropped unless nothing else is left (`"Abnormal Status Codes"` ->
 * `isAbnormalStatus`, `"Status Codes"` -> `isStatusCodesStatus`); a title
 * with no ASCII word -> `isGroup<n>Status` (n = 1-based position of the group).
 */
export function groupGuardNames(groups: readonly string[]): string[] {
  return uniqueNames(
    groups.map((group, index) => {
      const all = words(group);
      let end = all.length;
      while (end > 0 && GROUP_NOISE.test(all[end - 1] ?? '')) end -= 1;
      const title = toPascalCase((end === 0 ? all : all.slice(0, end)).join(' '));
      return { base: `is${title || `Group${index + 1}`}Status` };
    }),
    new Set([STATUS_GUARD_NAME]),
  );
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
export function serviceNamespaceNames(
  services: readonly { service: string; hasErrorCodes: boolean }[],
): ServiceNamespaces[] {
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
