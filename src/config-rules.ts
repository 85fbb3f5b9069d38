/** The config's rules (see src/diagnostics.ts for the shape); every one is an error, exit 2. */
import { asText, defineRules } from './diagnostics.js';

/** The config's rules (see src/diagnostics.ts for the shape); every one is an error, exit 2. */
export const configRules = defineRules({
  'config-syntax': { id: 'config-syntax', severity: 'error', description: 'The config is not valid JSON.', message: asText },
  'config-type': {
    id: 'config-type',
    severity: 'error',
    description: 'A config value has the wrong type (a string where an array is needed…).',
    message: asText,
  },
  'config-value': {
    id: 'config-value',
    severity: 'error',
    description: 'A config value is not allowed (an unknown style, a bad service name, a NUL in a path…).',
    message: asText,
  },
  'config-missing': {
    id: 'config-missing',
    severity: 'error',
    description: "A required config key is missing (`services`, a service's `name` or pages).",
    message: asText,
  },
  'config-unknown-key': { id: 'config-unknown-key', severity: 'error', description: 'A config key rst-codegen does not know (often a typo).', message: asText },
  'config-duplicate': {
    id: 'config-duplicate',
    severity: 'error',
    description: 'A service listed twice, or a key given twice in one object.',
    message: asText,
  },
  'config-unknown-rule': {
    id: 'config-unknown-rule',
    severity: 'error',
    description: "A rule id in the config's `rules` that no stage defines (the message lists the closest).",
    message: asText,
  },
  'config-path-outside': {
    id: 'config-path-outside',
    severity: 'error',
    description: "A path in the config leaves the project (absolute, or `..` above the config's folder).",
    message: asText,
  },
});
export type ConfigRuleId = keyof typeof configRules;
