/**
 * The public OpenAPI validator (`@seriousme/openapi-schema-validator`) for tests, its compiled OpenAPI
 * meta-schemas shared: a module of its own (no TypeScript to load), used by validators.ts and the merge tests.
 *
 *   const validator = openApiValidator();
 *   const { valid, errors } = await validator.validate(doc);
 */
import { Validator } from '@seriousme/openapi-schema-validator';

/** The compiled OpenAPI meta-schemas by version, filled by the validators on first use (a validator instance keeps no other state in them). */
const compiledOpenApiSchemas: Record<string, unknown> = {};

/**
 * A new public OpenAPI validator (`@seriousme/openapi-schema-validator`, default options) that shares its
 * compiled OpenAPI meta-schemas with every other one made here, in every test file of a worker (vitest's `isolate: false`): compiling
 * them is the slow part (~0.15 s idle per version, more before the JIT warms up).
 */
export function openApiValidator(): Validator {
  const validator = new Validator();
  // A private field of the pinned version: fail loudly if an upgrade renames it (sharing would silently stop).
  if (!Object.hasOwn(validator, 'ajvValidators'))
    throw new Error('@seriousme/openapi-schema-validator no longer has `ajvValidators`: update test/helpers/openapi-validator.ts');
  (validator as unknown as { ajvValidators: object }).ajvValidators = compiledOpenApiSchemas;
  return validator;
}
