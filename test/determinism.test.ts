/**
 * The suite is deterministic: fast-check runs with the one seed of
 * test/setup.ts, no property overrides it, and no test reads the clock to
 * judge speed (speed is measured by `npm run bench`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FC_SEED } from './setup.js';

const testDir = path.dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(testDir, { recursive: true, encoding: 'utf8' })
  .filter((p) => p.endsWith('.ts') && !p.startsWith('fixtures'))
  .sort()
  .map((p) => ({ path: p, text: readFileSync(path.join(testDir, p), 'utf8') }));

describe('determinism of the test suite', () => {
  it('fast-check runs with the fixed seed of test/setup.ts', () => {
    expect(fc.readConfigureGlobal().seed).toBe(process.env.FC_SEED ? Number(process.env.FC_SEED) : FC_SEED);
  });

  it('no test passes its own fast-check seed', () => {
    const offenders = sources.filter((s) => s.path !== 'setup.ts' && /\bseed\s*:/.test(s.text) && /from 'fast-check'/.test(s.text)).map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('no test times code (speed is for `npm run bench`)', () => {
    // Date.now() stays allowed: file times, and give-up deadlines while polling another process.
    const clock = /performance\.now\(|process\.hrtime/;
    // property.ts is shared with `npm run fuzz`, which bounds the time per input; the tests pass no bound.
    const allowed = new Set(['determinism.test.ts', path.join('fuzz', 'property.ts')]);
    expect(sources.filter((s) => !allowed.has(s.path) && clock.test(s.text)).map((s) => s.path)).toEqual([]);
  });
});
