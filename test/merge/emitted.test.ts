/**
 * The emit stage's own openapi.json (its golden files, read where the emit
 * tests keep them) merged into a fixture spec: the real shape, hostile names
 * included. The goldens are part of the repository: a missing one fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeneratedComponents } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { validateSpec } from '../../src/merge/validate.js';
import { comments, data, lostLines, readFixture, repoRoot } from './helpers.js';

const goldens = ['cloud-backup-recovery/expected/enum/cloud-backup-recovery', 'hostile/expected/enum/hostile-service'].map((dir) =>
  path.join(repoRoot, 'test', 'fixtures', 'emit', dir, 'openapi.json'),
);

describe('merge of the emitted openapi.json', () => {
  for (const golden of goldens) {
    for (const fixture of ['pets-31.yaml', 'storage-30.yaml', 'tabs.json']) {
      it(`${path.basename(path.dirname(golden))} into ${fixture}`, () => {
        const doc = JSON.parse(readFileSync(golden, 'utf8')) as { components: GeneratedComponents };
        const input = readFixture(fixture);
        const result = merge(input, doc.components, { wire: true, specPath: fixture });
        expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
        expect(result.summary.added).toHaveLength(Object.keys(doc.components.responses ?? {}).length + Object.keys(doc.components.schemas ?? {}).length);
        expect(result.diagnostics.filter((m) => m.ruleId === 'wire-unknown-status').map(String)).toEqual([]);
        if (!fixture.endsWith('.json')) expect(comments(result.text)).toEqual(comments(input));
        const merged = data(result.text);
        expect(validateSpec(merged, String(merged['openapi']).startsWith('3.0') ? '3.0' : '3.1').valid).toBe(true);
        const again = merge(result.text, doc.components, { wire: true, specPath: fixture });
        expect(again.text).toBe(result.text);
        const filled = fixture === 'storage-30.yaml' ? [13] : fixture === 'tabs.json' ? [17] : [];
        expect(lostLines(input, result.text, fixture.endsWith('.json'))).toEqual(filled);
      });
    }
  }
});
