/**
 * Rules of the whole-service pipeline (see src/diagnostics.ts for the shape).
 * In their own module so that the rule catalog (src/rules.ts, read by the
 * CLI's help and config check) does not load the pipeline and its emitters.
 */
import { defineRules } from './diagnostics.js';

export const generateRules = defineRules({
  'empty-page': {
    id: 'empty-page',
    severity: 'warning',
    description: 'A configured page is empty.',
    message: (a: { path: string }) => `\`${a.path}\` is empty.`,
  },
  'empty-service': {
    id: 'empty-service',
    severity: 'error',
    description: 'A service yields no status codes and no error codes from all its pages, so nothing would be generated for it.',
    message: (a: { service: string; pages: number }) =>
      `Service \`${a.service}\` yields no status codes and no error codes (and no operations) from its ${a.pages} page(s); nothing would be generated for it.`,
  },
});
