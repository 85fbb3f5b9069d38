/**
 * Vitest setup file (vitest.config.ts `setupFiles`), run in every test file's
 * context before it: every fast-check property of `npm test` runs with one
 * fixed seed, so a run is repeatable and CI never fails by luck. A property
 * must not pass its own `seed` (test/determinism.test.ts checks). To explore
 * other inputs, run `npm run fuzz` (random seed, printed) or set FC_SEED.
 */
import fc from 'fast-check';

export const FC_SEED = 20261125;

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : FC_SEED });
