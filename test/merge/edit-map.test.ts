/** Map edits in less common layouts: flow maps in YAML, null and aliased values, document end markers. */
import { describe, expect, it } from 'vitest';
import { merge } from '../../src/merge/index.js';

const gen = {
  responses: { NotFound: { description: 'NF', 'x-generated-by': 'rst-codegen' } },
  schemas: { S: { type: 'object', required: ['a'], 'x-generated-by': 'rst-codegen' } },
};
const head = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';

describe('edits on YAML flow maps', () => {
  it('appends to a one-line flow map on the same line', () => {
    const result = merge(`${head}components: {schemas: {A: {type: string}}}\n`, gen);
    expect(result.text).toBe(
      `${head}components: {schemas: {A: {type: string}, "S": {"type":"object","required":["a"],"x-generated-by":"rst-codegen"}}, "responses": {"NotFound":{"description":"NF","x-generated-by":"rst-codegen"}}}\n`,
    );
    expect(merge(result.text, gen).changed).toBe(false);
  });

  it('appends after a trailing comma without doubling it', () => {
    const result = merge(`${head}components: {\n  schemas: {\n    A: {type: string},\n  }\n}\n`, { schemas: gen.schemas });
    expect(result.text).toBe(
      `${head}components: {\n  schemas: {\n    A: {type: string},\n    "S": {"type":"object","required":["a"],"x-generated-by":"rst-codegen"}\n  }\n}\n`,
    );
  });
});

describe('edits on null and aliased values', () => {
  it('fills a null components below its key, keeping the comment on the key line and after', () => {
    const result = merge(`${head}components:   # later\n# trailing\n`, { schemas: gen.schemas });
    expect(result.text).toBe(
      `${head}components:   # later\n  schemas:\n    S:\n      type: object\n      required:\n        - a\n      x-generated-by: rst-codegen\n# trailing\n`,
    );
  });

  it('refuses to edit components given as an alias', () => {
    const spec = `openapi: 3.1.0\ninfo: {title: t, version: "1"}\nx-c: &c\n  schemas: {}\npaths: {}\ncomponents: *c\n`;
    const result = merge(spec, gen);
    expect(result.writable).toBe(false);
    expect(result.diagnostics[0]?.ruleId).toBe('merge-layout-unsupported');
    expect(result.diagnostics[0]?.line).toBe(6);
  });

  it('wires an anchored responses map once; its aliases get the refs through it', () => {
    const spec = `${head.replace('paths: {}\n', '')}paths:\n  /a:\n    get:\n      responses: &r\n        "200": {description: ok}\n  /b:\n    get:\n      responses: *r\n`;
    const result = merge(spec, gen, { wire: true });
    expect(result.diagnostics.filter((m) => m.ruleId === 'wire-skipped')).toEqual([]);
    expect(result.text).toContain(
      '      responses: &r\n        "200": {description: ok}\n        "404":\n          $ref: "#/components/responses/NotFound"\n  /b:\n',
    );
    expect(result.summary.wired).toBe(1);
  });

  it('warns about an aliased responses map it cannot wire', () => {
    const spec = `${head.replace('paths: {}\n', '')}x-r: &r\n  "200": {description: ok}\npaths:\n  /b:\n    get:\n      responses: *r\n`;
    const result = merge(spec, gen, { wire: true });
    const warning = result.diagnostics.find((m) => m.ruleId === 'wire-skipped');
    expect(warning?.reason).toContain('`GET /b`');
    expect(warning?.line).toBe(8);
    expect(result.summary.wired).toBe(0);
  });
});

describe('document markers', () => {
  it('inserts before a document end marker', () => {
    const result = merge(`${head}...\n`, { schemas: gen.schemas });
    expect(result.text.endsWith('x-generated-by: rst-codegen\n...\n')).toBe(true);
  });

  it('keeps a directive and a document start marker', () => {
    const result = merge(`%YAML 1.2\n---\n${head}`, { schemas: gen.schemas });
    expect(result.text.startsWith(`%YAML 1.2\n---\n${head}components:\n  schemas:\n`)).toBe(true);
  });
});

describe('indentation', () => {
  it("uses the spec's indentation step (4 spaces)", () => {
    const spec = 'openapi: 3.1.0\ninfo:\n    title: t\n    version: "1"\npaths: {}\n';
    const result = merge(spec, { schemas: gen.schemas });
    expect(result.text).toBe(
      `${spec}components:\n    schemas:\n        S:\n            type: object\n            required:\n                - a\n            x-generated-by: rst-codegen\n`,
    );
  });

  it('writes block sequences flush with their key when the spec does', () => {
    const spec = 'openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\ntags:\n- name: a\npaths: {}\n';
    const result = merge(spec, { schemas: gen.schemas });
    expect(result.text).toContain('      required:\n      - a\n');
  });
});
