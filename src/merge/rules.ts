/**
 * The merge stage's rules (see src/diagnostics.ts for the shape). Their
 * sentences are built where the problem is found, so each takes `{ text }`.
 */
import { asText, defineRules } from '../diagnostics.js';

export const mergeRules = defineRules({
  'spec-syntax': { id: 'spec-syntax', severity: 'error', description: 'The spec is not readable YAML or JSON.', message: asText },
  'spec-alias-bomb': {
    id: 'spec-alias-bomb',
    severity: 'error',
    description: 'The spec expands YAML aliases beyond the limit (an alias bomb); it is not read.',
    message: asText,
  },
  'spec-not-object': { id: 'spec-not-object', severity: 'error', description: 'The spec is not a mapping.', message: asText },
  'spec-version-unsupported': {
    id: 'spec-version-unsupported',
    severity: 'error',
    description: 'The spec is not OpenAPI 3.0.x or 3.1.x (Swagger 2.0, no `openapi` string, another version).',
    message: asText,
  },
  'spec-too-deep': {
    id: 'spec-too-deep',
    severity: 'error',
    description: 'The spec nests deeper than the limit (also once its aliases are expanded); it is not read.',
    message: asText,
  },
  'spec-alias-cycle': {
    id: 'spec-alias-cycle',
    severity: 'error',
    description: 'The spec holds a YAML alias inside its own anchor (its data would contain itself); it is not read.',
    message: asText,
  },
  'generated-invalid': {
    id: 'generated-invalid',
    severity: 'error',
    description: 'The generated document given to merge is not one rst-codegen wrote (an unknown component section…).',
    message: asText,
  },
  'generated-too-deep': {
    id: 'generated-too-deep',
    severity: 'error',
    description: 'The generated document given to merge nests deeper than the limit.',
    message: asText,
  },
  'merge-owner-unknown': {
    id: 'merge-owner-unknown',
    severity: 'warning',
    description: 'An entry merged by an older rst-codegen, without its owner recorded, was replaced.',
    message: asText,
  },
  'merge-stale-entry': {
    id: 'merge-stale-entry',
    severity: 'warning',
    description: 'An entry the service generated earlier is no longer in its generated document; it is left in the spec.',
    message: asText,
  },
  'merge-path-clash': {
    id: 'merge-path-clash',
    severity: 'error',
    description: 'A generated path has the shape of a spec path written with other template names (error, or warning with --on-conflict keep).',
    message: asText,
  },
  'merge-operation-id-clash': {
    id: 'merge-operation-id-clash',
    severity: 'error',
    description: 'A generated operation has the operationId of another operation of the spec (error, or warning with --on-conflict keep).',
    message: asText,
  },
  'merge-prefix-invalid': {
    id: 'merge-prefix-invalid',
    severity: 'error',
    description: 'The --prefix given to merge cannot start a component name.',
    message: asText,
  },
  'wire-list-invalid': {
    id: 'wire-list-invalid',
    severity: 'error',
    description: 'The --wire-statuses list names no status or set rst-codegen knows.',
    message: asText,
  },
  'wire-status-undocumented': {
    id: 'wire-status-undocumented',
    severity: 'warning',
    description: 'A status asked for in --wire-statuses has no generated error response, so it is not wired.',
    message: asText,
  },
  'spec-already-invalid': { id: 'spec-already-invalid', severity: 'warning', description: 'The spec was invalid OpenAPI before the merge.', message: asText },
  'openapi-30-unsupported-keyword': {
    id: 'openapi-30-unsupported-keyword',
    severity: 'warning',
    description: 'A generated schema keyword that OpenAPI 3.0 cannot express is left out.',
    message: asText,
  },
  'merge-conflict': {
    id: 'merge-conflict',
    severity: 'error',
    description: 'An entry of the spec written by hand, or generated for another service, has the name of a generated one (with `--on-conflict error`).',
    message: asText,
  },
  'merge-conflict-kept': {
    id: 'merge-conflict-kept',
    severity: 'warning',
    description: 'An entry written by hand or for another service, with a generated name, was kept (`--on-conflict keep`).',
    message: asText,
  },
  'merge-conflict-overwritten': {
    id: 'merge-conflict-overwritten',
    severity: 'warning',
    description: 'An entry written by hand or for another service, with a generated name, was overwritten (`--on-conflict overwrite`).',
    message: asText,
  },
  'merge-layout-unsupported': {
    id: 'merge-layout-unsupported',
    severity: 'error',
    description: "The spec's `components` or `paths` cannot take new entries as written (an alias…).",
    message: asText,
  },
  'merge-invalid-result': {
    id: 'merge-invalid-result',
    severity: 'error',
    description: 'The merged spec would be invalid OpenAPI or have a `$ref` that does not resolve; nothing is written.',
    message: asText,
  },
  'merge-internal': {
    id: 'merge-internal',
    severity: 'error',
    description: 'The merged text does not read back as the spec plus the generated entries (a bug; nothing is written).',
    message: asText,
  },
  'merge-summary': {
    id: 'merge-summary',
    severity: 'info',
    description: 'How many generated components and operations were added, updated, kept or wired.',
    message: asText,
  },
  'wire-unknown-status': {
    id: 'wire-unknown-status',
    severity: 'info',
    description: 'A generated response whose HTTP status is unknown is not wired into operations.',
    message: asText,
  },
  'wire-skipped': {
    id: 'wire-skipped',
    severity: 'warning',
    description: "An operation's responses are not a mapping written in place (an alias…), so nothing is wired into it.",
    message: asText,
  },
});
