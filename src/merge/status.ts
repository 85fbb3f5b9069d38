/**
 * Which HTTP status a generated response component documents, for `--wire`,
 * in this order: the component says so itself in `x-status-code` (or
 * `x-http-status`); the generated `StatusCode` schema has exactly one
 * `oneOf` branch `{ const: 441, title: '441 Quota Exceeded', description }`
 * whose description (or, without one, title) is the response's description;
 * its name is a registered reason phrase, current or former, in PascalCase
 * (`BadRequest` -> 400, `PayloadTooLarge` -> 413; src/model/http-status.ts);
 * its name ends in three digits (`Status441` -> 441).
 */
import { httpStatus, obsoletePhrases, phraseKey } from '../model/http-status.js';

/** Reason phrase (any spelling, see `phraseKey`) -> status, from the registry and its former phrases. */
const byPhrase: ReadonlyMap<string, number> = new Map([
  ...[...obsoletePhrases].flatMap(([code, phrases]) => phrases.map((phrase): [string, number] => [phraseKey(phrase), code])),
  ...[...httpStatus].map(([code, phrase]): [string, number] => [phraseKey(phrase), code]),
]);

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
  const known = byPhrase.get(phraseKey(name));
  if (known !== undefined) return known;
  const digits = /(\d{3})$/.exec(name);
  return digits ? asStatus(digits[1]) : undefined;
}

/** Whether the responses key `key` (`404`, `4XX`, `default`) already answers for `status`: `default` answers for every status. */
export function keyCovers(key: string, status: number): boolean {
  if (key === String(status) || key === 'default') return true;
  return /^[1-5]XX$/i.test(key) && key[0] === String(status)[0];
}
