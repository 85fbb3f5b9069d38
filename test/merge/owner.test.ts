/** Owners on merged entries, clashes between services, and merging side by side with a prefix. */
import { describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { prefixDocument } from '../../src/merge/generated.js';
import { ownershipOf, withOwner } from '../../src/merge/owner.js';
import { validateSpec } from '../../src/merge/validate.js';
import { data } from './helpers.js';

const SPEC = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';

/** A small generated document of `service`: an error schema and a 404 response pointing at it. */
function service(name: string, description = `Not found in ${name}.`): GeneratedDocument {
  return {
    components: {
      schemas: { ErrorResponse: { type: 'object', title: `${name} error`, 'x-generated-by': 'rst-codegen' } },
      responses: {
        NotFound: {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
          'x-status-code': 404,
          'x-generated-by': 'rst-codegen',
        },
      },
    },
  };
}

const evs = { service: 'evs', sources: ['docs/evs/status_codes.rst', 'docs/evs/error_codes.rst'] };
const iam = { service: 'iam', sources: ['docs/iam/status_codes.rst'] };

type Components = Record<string, Record<string, Record<string, unknown>>>;
const components = (text: string): Components => data(text)['components'] as Components;

describe('owner marker', () => {
  it('records the service and its pages on every merged entry, on one line', () => {
    const result = merge(SPEC, service('evs'), { owner: evs });
    expect(result.writable).toBe(true);
    const merged = components(result.text);
    expect(merged['schemas']?.['ErrorResponse']?.['x-generated-by']).toEqual({ tool: 'rst-codegen', ...evs });
    expect(merged['responses']?.['NotFound']?.['x-generated-by']).toEqual({ tool: 'rst-codegen', ...evs });
    expect(result.text).toContain(
      '      x-generated-by: { tool: rst-codegen, service: evs, sources: [ docs/evs/status_codes.rst, docs/evs/error_codes.rst ] }\n',
    );
  });

  it('reads the old string marker as generated, owner unknown, and anything else as hand-written', () => {
    expect(ownershipOf({ 'x-generated-by': 'rst-codegen' })).toEqual({ kind: 'generated', service: undefined, sources: [] });
    expect(ownershipOf({ 'x-generated-by': { tool: 'rst-codegen', service: 'evs', sources: ['a.rst'] } })).toEqual({
      kind: 'generated',
      service: 'evs',
      sources: ['a.rst'],
    });
    expect(ownershipOf({ 'x-generated-by': { tool: 'other', service: 'evs' } })).toEqual({ kind: 'hand' });
    expect(ownershipOf({ 'x-generated-by': 'other-tool' })).toEqual({ kind: 'hand' });
    expect(ownershipOf({})).toEqual({ kind: 'hand' });
  });

  it('keeps the sources a generated entry names itself', () => {
    const entry = { description: 'x', 'x-generated-by': { tool: 'rst-codegen', service: 'evs', sources: ['docs/evs/api/list.rst'] } };
    expect(withOwner(entry, evs)).toEqual({ description: 'x', 'x-generated-by': { tool: 'rst-codegen', service: 'evs', sources: ['docs/evs/api/list.rst'] } });
  });

  it("updates its own service's entries in place, idempotently", () => {
    const first = merge(SPEC, service('evs'), { owner: evs }).text;
    const second = merge(first, service('evs', 'Changed.'), { owner: evs });
    expect(second.summary.updated).toEqual(['responses/NotFound']);
    expect(components(second.text)['responses']?.['NotFound']?.['description']).toBe('Changed.');
    const third = merge(second.text, service('evs', 'Changed.'), { owner: evs });
    expect(third.changed).toBe(false);
  });

  it('reports, and leaves, an entry its service no longer generates', () => {
    const first = merge(SPEC, service('evs'), { owner: evs }).text;
    const fewer: GeneratedDocument = { components: { schemas: service('evs').components?.schemas ?? {} } };
    const result = merge(first, fewer, { owner: evs, specPath: 'api.yaml' });
    expect(result.changed).toBe(false);
    const stale = result.diagnostics.filter((m) => m.ruleId === 'merge-stale-entry');
    expect(stale.map((m) => m.reason)).toEqual([
      '`components.responses.NotFound` was generated for service `evs`, which no longer generates it; it was left as it is (remove it by hand when nothing refers to it).',
    ]);
    expect(stale[0]?.line).toBeGreaterThan(5);
    expect(merge(first, fewer, { owner: iam, onConflict: 'keep' }).diagnostics.filter((m) => m.ruleId === 'merge-stale-entry')).toEqual([]);
  });

  it('adopts an entry with the old string marker, warning when its content differs', () => {
    const old = merge(SPEC, service('evs')).text;
    expect(old).toContain('x-generated-by: rst-codegen');
    const same = merge(old, service('evs'), { owner: evs });
    expect(same.writable).toBe(true);
    expect(same.summary.updated).toHaveLength(2);
    expect(same.diagnostics.filter((m) => m.ruleId === 'merge-owner-unknown')).toEqual([]);
    const other = merge(old, service('iam'), { owner: iam });
    expect(other.writable).toBe(true);
    const warnings = other.diagnostics.filter((m) => m.ruleId === 'merge-owner-unknown');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]?.reason).toContain('did not record its service');
  });
});

describe('two services in one spec', () => {
  const withEvs = merge(SPEC, service('evs'), { owner: evs, specPath: 'api.yaml' }).text;

  it('refuses, by default, a second service whose entries clash, naming both services and places', () => {
    const result = merge(withEvs, service('iam'), {
      owner: iam,
      specPath: 'api.yaml',
      sourcePath: 'generated/iam/openapi.json',
      sourceText: JSON.stringify(service('iam'), null, 2),
    });
    expect(result.writable).toBe(false);
    expect(result.text).toBe(withEvs);
    const errors = result.diagnostics.filter((m) => m.fatal === true);
    expect(errors.map((m) => m.ruleId)).toEqual(['merge-conflict', 'merge-conflict']);
    expect(errors[0]?.reason).toBe(
      '`components.schemas.ErrorResponse` at api.yaml:6:5 was generated for service `evs` (docs/evs/status_codes.rst, docs/evs/error_codes.rst) and clashes with the one generated for service `iam` from generated/iam/openapi.json:4:7; merge each service with its own --prefix to keep both side by side, or pass --on-conflict keep|overwrite.',
    );
    expect(errors[0]?.line).toBe(6);
  });

  it("keeps or overwrites the other service's entries when told", () => {
    const kept = merge(withEvs, service('iam'), { owner: iam, onConflict: 'keep' });
    expect(kept.summary.kept).toEqual(['schemas/ErrorResponse', 'responses/NotFound']);
    expect(kept.changed).toBe(false);
    const overwritten = merge(withEvs, service('iam'), { owner: iam, onConflict: 'overwrite' });
    expect(components(overwritten.text)['schemas']?.['ErrorResponse']?.['title']).toBe('iam error');
  });

  it('merges side by side with a prefix per service: names and internal $refs renamed together', () => {
    const both = merge(withEvs, service('iam'), { owner: iam, prefix: 'Iam' });
    expect(both.writable).toBe(true);
    expect(both.summary.added).toEqual(['schemas/IamErrorResponse', 'responses/IamNotFound']);
    const merged = components(both.text);
    expect(merged['schemas']?.['ErrorResponse']?.['title']).toBe('evs error');
    expect(merged['schemas']?.['IamErrorResponse']?.['title']).toBe('iam error');
    expect(merged['responses']?.['IamNotFound']?.['content']).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/IamErrorResponse' } } });
    expect(validateSpec(data(both.text), '3.1').valid).toBe(true);
    expect(merge(both.text, service('iam'), { owner: iam, prefix: 'Iam' }).changed).toBe(false);
    expect(merge(both.text, service('evs'), { owner: evs }).changed).toBe(false);
  });

  it('wires each prefixed service to its own responses', () => {
    const spec = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /x:\n    get:\n      responses:\n        "200": {description: ok}\n';
    const result = merge(spec, service('iam'), { owner: iam, prefix: 'Iam', wire: true });
    expect(
      (data(result.text) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }).paths['/x']?.['get']?.responses['404'],
    ).toEqual({
      $ref: '#/components/responses/IamNotFound',
    });
  });

  it('refuses a prefix that cannot start a component name', () => {
    const result = merge(SPEC, service('iam'), { prefix: 'I am/' });
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('merge-prefix-invalid');
  });

  it('prefixes $refs with escaped names and leaves refs to other components alone', () => {
    const doc: GeneratedDocument = {
      components: {
        schemas: { 'A/B': { type: 'string' }, C: { $ref: '#/components/schemas/A~1B' }, D: { $ref: '#/components/schemas/Elsewhere/properties/x' } },
      },
      paths: { '/x': { get: { responses: { '404': { $ref: '#/components/schemas/C' } } } } },
    };
    const out = prefixDocument(doc, 'P');
    expect(Object.keys(out.components?.schemas ?? {})).toEqual(['PA/B', 'PC', 'PD']);
    expect(out.components?.schemas?.['PC']).toEqual({ $ref: '#/components/schemas/PA~1B' });
    expect(out.components?.schemas?.['PD']).toEqual({ $ref: '#/components/schemas/Elsewhere/properties/x' });
    expect(out.paths?.['/x']).toEqual({ get: { responses: { '404': { $ref: '#/components/schemas/PC' } } } });
  });
});
