/**
 * The emitters' view of a ServiceModel (src/model/types.ts): status and error
 * codes sorted and de-duplicated (first entry of a code wins), groups in
 * order of first use, so every output is a pure function of the model.
 */
import type { ErrorCode, ServiceModel, StatusCode } from '../model/types.js';
import { compareCodePoints } from '../order.js';

export { compareCodePoints };

/** Status codes sorted by code, one entry per code (the first documented). */
export function documentedStatuses(model: ServiceModel): StatusCode[] {
  const seen = new Set<number>();
  return [...model.statusCodes]
    .sort((a, b) => a.code - b.code)
    .filter((status) => Number.isInteger(status.code) && !seen.has(status.code) && seen.add(status.code) !== undefined);
}

/** Error codes in code-point order, one entry per code (the first documented). */
export function documentedErrors(model: ServiceModel): ErrorCode[] {
  const seen = new Set<string>();
  return [...model.errorCodes].sort((a, b) => compareCodePoints(a.code, b.code)).filter((error) => !seen.has(error.code) && seen.add(error.code) !== undefined);
}

/** Distinct non-null group titles of `statuses`, in order of first use. */
export function statusGroups(statuses: readonly StatusCode[]): string[] {
  return [...new Set(statuses.flatMap((status) => (status.group === null ? [] : [status.group])))];
}

/** The phrase to show for a status: documented, else standard, else null. */
export function phraseOf(status: StatusCode): string | null {
  return status.phrase ?? status.standardPhrase;
}

/** `"400 Bad Request"`, or `"441"` when the code has no phrase at all. */
export function statusTitle(status: StatusCode): string {
  const phrase = phraseOf(status);
  return phrase === null || phrase === '' ? String(status.code) : `${status.code} ${phrase}`;
}
