/**
 * Issue 11.8: the generated OpenAPI documents pass `redocly lint` with its
 * recommended ruleset without an error. What remains are two warnings a
 * components-only document cannot avoid (README "Linting the OpenAPI
 * documents"): `no-unused-components` (the components are there to be
 * referenced from the user's spec) and `info-license` (the docs state no license).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../src/emit/openapi/document.js';
import type { ServiceModel } from '../../../src/model/types.js';
import { ACCEPTED_REDOCLY_WARNINGS, redoclyLint } from '../../helpers/redocly.js';
import { hostileModel } from '../hostile-model.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/emit');
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

describe('redocly lint (recommended)', () => {
  it('finds no error, and no warning besides the accepted ones; a document with empty servers fails (the check can fail)', async () => {
    const good = { cbr: openApiDocument(cbr, 'd'), hostile: openApiDocument(hostileModel, 'd'), bare: openApiDocument({ ...cbr, errorCodes: [] }, 'd') };
    const bad = { ...openApiDocument(cbr, 'd'), servers: [] };
    const problems = await redoclyLint({ ...good, bad });
    const ofGood = problems.filter((p) => p.file !== 'bad');
    expect(ofGood.filter((p) => p.severity === 'error')).toEqual([]);
    const rules = (file: string) => [...new Set(ofGood.filter((p) => p.file === file).map((p) => p.ruleId))].sort();
    expect(rules('cbr')).toEqual([...ACCEPTED_REDOCLY_WARNINGS].sort());
    expect(rules('bare')).toEqual([...ACCEPTED_REDOCLY_WARNINGS].sort());
    // Docs text is kept exactly, so `<script>` in a hostile description is reported, as it should be.
    expect(rules('hostile')).toEqual([...ACCEPTED_REDOCLY_WARNINGS, 'no-unsafe-markdown'].sort());
    expect(problems.filter((p) => p.file === 'bad' && p.severity === 'error').map((p) => p.ruleId)).toEqual(['no-empty-servers']);
  });
});
