/**
 * The merge on the real specs of ../shared/openapi-specs (YAML with comments,
 * anchors and merge keys, tab-indented JSON, 3.0 and 3.1, up to 1 MB).
 * Two of them are invalid before any merge (anpr-dashboard: remote `$ref`s
 * the validator cannot resolve; grocy: a `$ref` to a schema it lacks): for
 * those the test asserts that the merge adds no invalidity, i.e. the
 * validator says exactly the same before and after.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffLines } from 'diff';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MergeResult } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { sharedDir, sharedPresent } from '../helpers/corpus.js';
import { comments, data, generated, lostLines } from './helpers.js';
import { openApiValidator } from '../helpers/openapi-validator.js';

const specsDir = path.join(sharedDir, 'openapi-specs');
const present = sharedPresent('merge shared-spec tests', [specsDir]);

const SPECS = ['oai-tictactoe.yaml', 'anpr-dashboard.yaml', 'nginx-unit.yaml', 'grocy.json', 'linode-api-v4.yaml'];

type Operations = Record<string, Record<string, { responses?: Record<string, unknown> }>>;

/** One validator (it compiles the OpenAPI schemas once); it does not modify the data it validates. */
const validator = openApiValidator();

async function validity(spec: Record<string, unknown>): Promise<{ valid: boolean; errors: unknown }> {
  const result = await validator.validate(spec);
  return { valid: result.valid, errors: result.errors };
}

describe.skipIf(!present)('merge into the shared OpenAPI specs', () => {
  for (const name of SPECS) {
    describe(name, () => {
      const isJson = name.endsWith('.json');
      let original = '';
      let result: MergeResult;
      // The spec's data before and after, read once by the tests below (none modifies them).
      let before: Record<string, unknown> = {};
      let after: Record<string, unknown> = {};
      beforeAll(() => {
        original = readFileSync(path.join(specsDir, name), 'utf8');
        result = merge(original, generated(), { specPath: name, wire: true });
        before = data(original);
        after = data(result.text);
      }, 60_000);

      it('merges, writable, with no error', () => {
        expect(result.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
        expect(result.writable).toBe(true);
        expect(result.changed).toBe(true);
        expect(result.summary.added).toHaveLength(5);
        expect(result.summary.wired).toBeGreaterThan(0);
      });

      it('keeps every comment (count and text, in order)', () => {
        if (isJson) return;
        const before = comments(original);
        expect(before.length).toBeGreaterThan(0);
        expect(comments(result.text)).toEqual(before);
      });

      it('keeps every original line byte-identical and in order', () => {
        expect(lostLines(original, result.text, isJson)).toEqual([]);
      }, 60_000);

      it('adds lines indented like the file (tabs in a tab-indented JSON)', () => {
        const added = diffLines(original, result.text)
          .filter((part) => part.added)
          .flatMap((part) => part.value.split('\n').filter((line) => line !== ''));
        expect(added.length).toBeGreaterThan(0);
        for (const line of added) expect(line).toMatch(isJson ? /^\t*[^\s]/ : /^ *[^\s]/);
      }, 60_000);

      it('is idempotent: a second merge changes no byte', () => {
        const again = merge(result.text, generated(), { specPath: name, wire: true });
        expect(again.changed).toBe(false);
        expect(again.text).toBe(result.text);
      }, 60_000);

      it('adds no invalidity (public validator: same verdict and errors before and after)', async () => {
        const was = await validity(before);
        const is = await validity(after);
        if (was.valid) expect(is).toEqual({ valid: true, errors: undefined });
        else expect(is).toEqual(was);
      }, 60_000);

      it('leaves everything but the new components and wired refs as it was', () => {
        for (const key of Object.keys(before)) {
          if (key !== 'paths' && key !== 'components') expect(after[key]).toEqual(before[key]);
        }
        const beforeComponents = (before['components'] ?? {}) as Record<string, Record<string, unknown>>;
        const afterComponents = after['components'] as Record<string, Record<string, unknown>>;
        for (const [section, entries] of Object.entries(beforeComponents)) {
          for (const [entry, value] of Object.entries(entries)) expect(afterComponents[section]?.[entry]).toEqual(value);
        }
        const beforePaths = before['paths'] as Operations;
        const afterPaths = after['paths'] as Operations;
        let added = 0;
        for (const [p, item] of Object.entries(afterPaths)) {
          for (const [method, op] of Object.entries(item)) {
            const own = beforePaths[p]?.[method];
            expect(Object.keys(op).filter((k) => k !== 'responses')).toEqual(Object.keys(own ?? {}).filter((k) => k !== 'responses'));
            for (const [status, response] of Object.entries(op.responses ?? {})) {
              const mine = own?.responses?.[status];
              if (mine !== undefined) expect(response).toEqual(mine);
              else {
                expect(response).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\/(BadRequest|NotFound|InternalServerError)$/) });
                added++;
              }
            }
          }
        }
        expect(added).toBe(result.summary.wired);
      });
    });
  }
});
