/**
 * `npm run conformance`: the document tree against docutils
 * (test/parse/doctree-conformance.test.ts; `npm test` checks every 8th page)
 * and the tables, cells and messages against docutils' oracle
 * (test/parse/conformance.test.ts; `npm test` checks every 4th page) on every
 * page of the shared corpus. CI runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/parse/doctree-conformance.test.ts', 'test/parse/conformance.test.ts'],
    env: { DOCTREE_CONFORMANCE: 'all', TABLE_CONFORMANCE: 'all' },
  },
});
