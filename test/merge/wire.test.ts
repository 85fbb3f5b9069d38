/** `--wire`: which statuses are wired (a list, named sets), and what counts as covering one. */
import { describe, expect, it } from 'vitest';
import type { GeneratedComponents } from '../../src/merge/index.js';
import { WIRE_SETS, merge } from '../../src/merge/index.js';
import { chooseStatuses, parseWireList } from '../../src/merge/wire.js';
import { data } from './helpers.js';

const DOCUMENTED = [400, 401, 403, 404, 405, 407, 408, 409, 415, 429, 500, 501, 502, 503, 504];

/** One error response per documented status, as the emitter writes them. */
const generated: GeneratedComponents = {
  responses: Object.fromEntries(
    DOCUMENTED.map((code) => [`Status${code}`, { description: `Status ${code}.`, 'x-status-code': code, 'x-generated-by': 'rst-codegen' }]),
  ),
};

const SPEC = `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /a:
    get:
      responses:
        '200': {description: ok}
  /b:
    get:
      responses:
        '200': {description: ok}
        default: {description: any error}
  /c:
    get:
      responses:
        '200': {description: ok}
        4XX: {description: client error}
        '503': {description: down}
`;

type Paths = Record<string, Record<string, { responses: Record<string, unknown> }>>;
const statuses = (text: string, path: string): string[] => Object.keys((data(text)['paths'] as Paths)[path]?.['get']?.responses ?? {});

describe('wire lists', () => {
  it('reads codes, classes and named sets', () => {
    expect(parseWireList('common, 409,5XX')).toEqual({
      items: [
        { kind: 'set', name: 'common' },
        { kind: 'status', code: 409 },
        { kind: 'class', digit: 5 },
      ],
    });
    expect(parseWireList('all')).toEqual({ items: [{ kind: 'set', name: 'all' }] });
    expect(parseWireList('200')).toHaveProperty('reason');
    expect(parseWireList('teapot')).toEqual({ reason: expect.stringContaining('`teapot` is not a wire item') });
    expect(parseWireList(' , ')).toEqual({ reason: 'the list of statuses to wire is empty' });
  });

  it('chooses among the documented statuses; `common` is 400 401 403 404 429 500 503', () => {
    expect(WIRE_SETS['common']).toEqual([400, 401, 403, 404, 429, 500, 503]);
    const common = parseWireList('common');
    if ('reason' in common) throw new Error(common.reason);
    expect(chooseStatuses(common.items, [400, 404, 405, 500, 501])).toEqual({ chosen: [400, 404, 500], undocumented: [] });
    const list = parseWireList('409,4XX,418');
    if ('reason' in list) throw new Error(list.reason);
    expect(chooseStatuses(list.items, [400, 409, 500])).toEqual({ chosen: [400, 409], undocumented: [418] });
  });
});

describe('merge with wire', () => {
  it('wires the common set by default, not 405, 407, 415 or 501', () => {
    const result = merge(SPEC, generated, { wire: true });
    expect(statuses(result.text, '/a')).toEqual(['200', '400', '401', '403', '404', '429', '500', '503']);
    expect(statuses(result.text, '/c').sort()).toEqual(['200', '4XX', '500', '503']);
    expect(result.summary.wired).toBe(7 + 0 + 1);
  });

  it('counts `default` and range keys as covering', () => {
    const result = merge(SPEC, generated, { wire: 'all' });
    expect(statuses(result.text, '/b')).toEqual(['200', 'default']);
    expect(statuses(result.text, '/c').sort()).toEqual(['200', '4XX', '500', '501', '502', '503', '504']);
    expect(statuses(result.text, '/a')).toHaveLength(1 + DOCUMENTED.length);
  });

  it('wires a chosen list, and warns about a status the service does not document', () => {
    const result = merge(SPEC, generated, { wire: '404,418' });
    expect(statuses(result.text, '/a')).toEqual(['200', '404']);
    expect(result.diagnostics.find((m) => m.ruleId === 'wire-status-undocumented')?.reason).toContain('Status `418`');
  });

  it('refuses an unreadable list', () => {
    const result = merge(SPEC, generated, { wire: 'most' });
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('wire-list-invalid');
  });
});
