/**
 * `npm run conformance`: the document tree against docutils on every page of
 * the shared corpus (test/parse/doctree-conformance.test.ts; `npm test` checks
 * every 8th page). CI runs it after `npm test`.
 */
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/parse/doctree-conformance.test.ts'],
    env: { DOCTREE_CONFORMANCE: 'all' },
  },
});
