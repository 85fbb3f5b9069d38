/**
 * `npm run conformance`: the document tree against docutils
 * (test/parse/doctree-conformance.test.ts; `npm test` checks every 8th page)
 * and the tables, cells and messages against docutils' oracle
 * (test/parse/conformance.test.ts; `npm test` checks every 4th page) on every
 * page of the shared corpus; and the pipeline fuzz properties
 * (test/fuzz/pipeline.test.ts) at 150 runs each (as `npm test` did before), where `npm test` runs 60, on
 * the same fixed seed. CI runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/parse/doctree-conformance.test.ts', 'test/parse/conformance.test.ts', 'test/fuzz/pipeline.test.ts'],
    env: { DOCTREE_CONFORMANCE: 'all', TABLE_CONFORMANCE: 'all', FUZZ_RUNS: '150' },
  },
});
