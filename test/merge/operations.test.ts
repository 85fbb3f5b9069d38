/**
 * Generated operations (`paths.<path>.<method>` of a generated document)
 * upserted into a user's spec, as components are: added, updated in place
 * when this service generated them, refused when written by hand.
 * The generated documents here are made by hand, in the emitter's shape.
 */
import { describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../src/merge/index.js';
import { merge } from '../../src/merge/index.js';
import { generatedOperations } from '../../src/merge/operations.js';
import { validateSpec } from '../../src/merge/validate.js';
import { comments, data, lostLines } from './helpers.js';

const owner = { service: 'evs', sources: ['docs/evs/api/volumes.rst'] };

function generatedDoc(description = 'List volumes.'): GeneratedDocument {
  return {
    components: {
      schemas: { ErrorResponse: { type: 'object', properties: { error_code: { type: ['string', 'null'] } } } },
      responses: {
        NotFound: {
          description: 'Not found.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
          'x-status-code': 404,
        },
      },
    },
    paths: {
      '/v2/{project_id}/volumes': {
        parameters: [{ name: 'project_id', in: 'path', required: true, schema: { type: 'string' } }],
        get: {
          operationId: 'listVolumes',
          description,
          parameters: [{ name: 'limit', in: 'query', schema: { type: ['integer', 'null'] } }],
          responses: { '200': { description: 'The volumes.' }, '404': { $ref: '#/components/responses/NotFound' } },
        },
        post: { operationId: 'createVolume', responses: { '202': { description: 'Accepted.' } } },
      },
    },
  };
}

const SPEC = `openapi: 3.1.0
info:
  title: Volumes
  version: '1'
paths:
  # The team's own endpoints.
  /health:
    get:
      responses:
        '200':
          description: OK.
components:
  schemas:
    Pet:
      type: object
  # end of components
`;

type Paths = Record<string, Record<string, Record<string, unknown>>>;
const paths = (text: string): Paths => data(text)['paths'] as Paths;

describe('merge: generated operations', () => {
  const first = merge(SPEC, generatedDoc(), { owner, specPath: 'api.yaml' });

  it('adds them, marked with their owner, with Path Item parameters folded in', () => {
    expect(first.diagnostics.filter((m) => m.fatal === true).map(String)).toEqual([]);
    expect(first.summary.added).toEqual([
      'schemas/ErrorResponse',
      'responses/NotFound',
      'paths/GET /v2/{project_id}/volumes',
      'paths/POST /v2/{project_id}/volumes',
    ]);
    const get = paths(first.text)['/v2/{project_id}/volumes']?.['get'];
    expect(get?.['x-generated-by']).toEqual({ tool: 'rst-codegen', ...owner });
    expect(get?.['parameters']).toEqual([
      { name: 'limit', in: 'query', schema: { type: ['integer', 'null'] } },
      { name: 'project_id', in: 'path', required: true, schema: { type: 'string' } },
    ]);
    expect(validateSpec(data(first.text), '3.1').valid).toBe(true);
    expect(lostLines(SPEC, first.text)).toEqual([]);
    expect(comments(first.text)).toEqual(comments(SPEC));
    expect(first.text.endsWith('  # end of components\n')).toBe(true);
  });

  it('is idempotent', () => {
    const again = merge(first.text, generatedDoc(), { owner });
    expect(again.changed).toBe(false);
    expect(again.summary.unchanged).toHaveLength(4);
  });

  it('updates a generated operation in place, keeping the comments and operations around it', () => {
    const commented = first.text.replace('  /v2/{project_id}/volumes:\n', '  # Generated: do not edit by hand.\n  /v2/{project_id}/volumes:   # EVS\n');
    const updated = merge(commented, generatedDoc('All the volumes.'), { owner });
    expect(updated.summary.updated).toEqual(['paths/GET /v2/{project_id}/volumes']);
    expect(paths(updated.text)['/v2/{project_id}/volumes']?.['get']?.['description']).toBe('All the volumes.');
    expect(updated.text).toContain('  # Generated: do not edit by hand.\n  /v2/{project_id}/volumes:   # EVS\n    get:\n');
    expect(comments(updated.text)).toEqual(comments(commented));
    expect(paths(updated.text)['/v2/{project_id}/volumes']?.['post']).toEqual(paths(commented)['/v2/{project_id}/volumes']?.['post']);
    expect(merge(updated.text, generatedDoc('All the volumes.'), { owner }).changed).toBe(false);
  });

  it("adds a generated method to a path the user wrote, keeping the user's operation (--on-conflict keep)", () => {
    const spec = SPEC.replace('  /health:', '  /v2/{project_id}/volumes:');
    const result = merge(spec, generatedDoc(), { owner, onConflict: 'keep' });
    expect(result.writable).toBe(true);
    const item = paths(result.text)['/v2/{project_id}/volumes'];
    expect(Object.keys(item ?? {})).toEqual(['get', 'post']);
    expect(item?.['get']).toEqual({ responses: { '200': { description: 'OK.' } } });
    expect(result.summary.kept).toEqual(['paths/GET /v2/{project_id}/volumes']);
    expect(result.diagnostics.filter((m) => m.ruleId === 'merge-conflict-kept')).toHaveLength(1);
    expect(lostLines(spec, result.text)).toEqual([]);
  });

  it('refuses to replace a hand-written operation, unless told', () => {
    const spec = SPEC.replace('  /health:', '  /v2/{project_id}/volumes:');
    const refused = merge(spec, generatedDoc(), { owner, specPath: 'api.yaml' });
    expect(refused.writable).toBe(false);
    expect(refused.diagnostics.find((m) => m.ruleId === 'merge-conflict')?.reason).toMatch(
      /^operation `GET \/v2\/\{project_id\}\/volumes` at api\.yaml:8:5 was written by hand .* and clashes with the one generated for service `evs` from the generated document#\/paths\/~1v2~1\{project_id\}~1volumes\/get; rename one of them/,
    );
    const overwritten = merge(spec, generatedDoc(), { owner, onConflict: 'overwrite' });
    expect(paths(overwritten.text)['/v2/{project_id}/volumes']?.['get']?.['operationId']).toBe('listVolumes');
  });

  it('refuses a path the spec writes with other template names, and a taken operationId', () => {
    const renamed = SPEC.replace('  /health:', '  /v2/{projectId}/volumes:');
    const clash = merge(renamed, generatedDoc(), { owner });
    expect(clash.writable).toBe(false);
    expect(clash.diagnostics.filter((m) => m.ruleId === 'merge-path-clash')).toHaveLength(2);
    const taken = SPEC.replace('    get:\n      responses:', '    get:\n      operationId: listVolumes\n      responses:');
    const dup = merge(taken, generatedDoc(), { owner });
    expect(dup.writable).toBe(false);
    expect(dup.diagnostics.find((m) => m.ruleId === 'merge-operation-id-clash')?.reason).toContain('has the operationId `listVolumes` of `GET /health`');
  });

  it('never wires the generated operations (they carry their own documented errors)', () => {
    const wired = merge(first.text, generatedDoc(), { owner, wire: 'all' });
    expect(wired.summary.wired).toBe(1);
    expect(Object.keys(paths(wired.text)['/health']?.['get']?.['responses'] as object)).toEqual(['200', '404']);
    expect(Object.keys(paths(wired.text)['/v2/{project_id}/volumes']?.['post']?.['responses'] as object)).toEqual(['202']);
  });

  it("translates the operations' schemas for an OpenAPI 3.0 spec", () => {
    const result = merge(SPEC.replace('openapi: 3.1.0', 'openapi: 3.0.3'), generatedDoc(), { owner });
    expect(result.writable).toBe(true);
    const get = paths(result.text)['/v2/{project_id}/volumes']?.['get'] as { parameters: Array<{ schema: unknown }> };
    expect(get.parameters[0]?.schema).toEqual({ type: 'integer', nullable: true });
    expect(validateSpec(data(result.text), '3.0').valid).toBe(true);
  });

  it('merges into a JSON spec and a spec without paths', () => {
    const json = JSON.stringify(
      { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/health': { get: { responses: { '200': { description: 'OK' } } } } } },
      null,
      2,
    );
    const result = merge(json, generatedDoc(), { owner, specPath: 'api.json' });
    expect(result.writable).toBe(true);
    expect(Object.keys(JSON.parse(result.text).paths)).toEqual(['/health', '/v2/{project_id}/volumes']);
    const bare = merge('openapi: 3.1.0\ninfo: {title: t, version: "1"}\n', generatedDoc(), { owner });
    expect(bare.writable).toBe(true);
    expect(Object.keys(paths(bare.text))).toEqual(['/v2/{project_id}/volumes']);
  });

  it("records the pages an operation names in x-rst-sources as its owner's sources", () => {
    const doc = generatedDoc();
    const get = (doc.paths?.['/v2/{project_id}/volumes'] as Record<string, Record<string, unknown>>)['get'] as Record<string, unknown>;
    get['x-rst-sources'] = ['docs/evs/api/list.rst:10:1', 'docs/evs/api/list.rst:40:1', 'docs/evs/api/common.rst:3:1'];
    const result = merge(SPEC, doc, { owner });
    expect(paths(result.text)['/v2/{project_id}/volumes']?.['get']?.['x-generated-by']).toEqual({
      tool: 'rst-codegen',
      service: 'evs',
      sources: ['docs/evs/api/list.rst', 'docs/evs/api/common.rst'],
    });
    expect(paths(result.text)['/v2/{project_id}/volumes']?.['post']?.['x-generated-by']).toEqual({ tool: 'rst-codegen', ...owner });
  });

  it('refuses an operation another service generated, and merges the rest with --on-conflict keep', () => {
    const iam = { service: 'iam', sources: ['docs/iam/api.rst'] };
    const other = merge(first.text, generatedDoc(), { owner: iam, prefix: 'Iam', specPath: 'api.yaml' });
    expect(other.writable).toBe(false);
    const errors = other.diagnostics.filter((m) => m.ruleId === 'merge-conflict');
    expect(errors).toHaveLength(2);
    expect(errors[0]?.reason).toMatch(
      /^operation `GET \/v2\/\{project_id\}\/volumes` at api\.yaml:\d+:5 was generated for service `evs` \(docs\/evs\/api\/volumes\.rst\) and clashes with the one generated for service `iam` .*; one operation cannot belong to two services: pass --on-conflict keep to merge the rest without it, or merge the services into separate specs\.$/,
    );
    const kept = merge(first.text, generatedDoc(), { owner: iam, prefix: 'Iam', onConflict: 'keep' });
    expect(kept.writable).toBe(true);
    expect(kept.summary.added).toEqual(['schemas/IamErrorResponse', 'responses/IamNotFound']);
    expect(kept.summary.kept).toHaveLength(2);
  });

  it('reports a generated document whose paths are not operations', () => {
    expect(generatedOperations({ '/x': 'nope', y: {} }).invalid).toEqual(['paths./x', 'paths.y']);
    const result = merge(SPEC, { paths: { '/x': { get: 'nope' } } } as unknown as GeneratedDocument, { owner });
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('generated-invalid');
  });
});
