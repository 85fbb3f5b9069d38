/**
 * Rules of the CLI's loading stage: reading pages and resolving the config's
 * `docs` folders (see src/diagnostics.ts for the shape). The file-system
 * detail is part of the sentence, so each takes `{ text }`.
 */
import { asText, defineRules } from '../diagnostics.js';

export const readRules = defineRules({
  'read-failed': {
    id: 'read-failed',
    severity: 'error',
    description: 'A page or docs folder cannot be read (missing, permission denied…); exit 3.',
    message: asText,
  },
  'read-directory': { id: 'read-directory', severity: 'error', description: 'A page is a directory; exit 3.', message: asText },
  'read-not-a-file': {
    id: 'read-not-a-file',
    severity: 'error',
    description: 'A page is not a regular file (a FIFO, a device, a socket): refused before it is read; exit 3.',
    message: asText,
  },
  'read-outside-project': {
    id: 'read-outside-project',
    severity: 'error',
    description: 'A page leads outside the project through a symbolic link (real paths must stay inside); exit 3.',
    message: asText,
  },
  'read-too-large': { id: 'read-too-large', severity: 'error', description: 'A page or the config is larger than its size limit; exit 3.', message: asText },
  'read-encoding': {
    id: 'read-encoding',
    severity: 'error',
    description: 'A page or the config is not valid UTF-8 (the first bad byte is shown at its line and column); exit 3.',
    message: asText,
  },
  'package-json-unreadable': {
    id: 'package-json-unreadable',
    severity: 'warning',
    description:
      "The package.json above the output folder cannot be read or is not a JSON object, so its `type` is unknown and the output folder's own package.json (config `packageJson`) is not written.",
    message: asText,
  },
  'no-pages': { id: 'no-pages', severity: 'warning', description: "A service's `docs` folder holds no status or error-code pages.", message: asText },
});
