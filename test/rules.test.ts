/**
 * The rule catalog (src/rules.ts): ids unique and kebab-case, every rule has
 * a fixture that triggers it (an input run through the CLI or the merge), and
 * the README's rules table is the one the catalog generates.
 *
 * Model rules are triggered by their fixture pair test/fixtures/model/<id>.rst
 * (linted); parse rules by test/parse/rule-triggers.ts (test/parse/rules.test.ts
 * runs them, with docutils); the other stages' inputs are written below, one
 * per rule (a few parse rules too, through the CLI).
 */
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge } from '../src/merge/index.js';
import { rules as modelRules } from '../src/model/rules.js';
import { catalog, rulesTable } from '../src/rules.js';
import { parseTriggers, parseUntriggerable } from './parse/rule-triggers.js';
import { config, project, repoRoot, run, seedText } from './cli/helpers.js';

const modelFixtures = path.join(repoRoot, 'test/fixtures/model');
const mergeFixtures = path.join(repoRoot, 'test/fixtures/merge');
const service = { name: 'svc', status: ['status_codes.rst'] };
const generated = JSON.parse(readFileSync(path.join(mergeFixtures, 'generated.openapi.json'), 'utf8')) as {
  components: Record<string, Record<string, object>>;
};
const head = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\n';

/** The rule ids of the diagnostics in a CLI run's `--format json` output (stdout for lint, stderr otherwise). */
function ids(output: string): string[] {
  const arrays = output.match(/^\[\n[\s\S]*?^\]$/gm) ?? [];
  return arrays.flatMap((a) => (JSON.parse(a) as Array<{ ruleId: string }>).map((m) => m.ruleId));
}

async function cli(files: Record<string, string | Uint8Array>, argv: string[]): Promise<string[]> {
  const dir = project(files);
  const result = await run([...argv, '--format', 'json', '--verbose'], dir);
  return ids(`${result.stdout}\n${result.stderr}`);
}
const lint = (rst: string) => cli({ 'page.rst': rst }, ['lint', 'page.rst']);
const generate = (configText: string, files: Record<string, string | Uint8Array> = {}) =>
  cli({ 'rst-codegen.config.json': configText, ...files }, ['generate']);
const mergeIds = (spec: string, doc: object = generated, options: Parameters<typeof merge>[2] = {}) =>
  merge(spec, doc, options).diagnostics.map((m) => m.ruleId ?? '');

/** One generate run over the operation-page fixtures (a page twice, for `duplicate-operation`); cached, as twelve rules share it. */
let operationIds: Promise<string[]> | undefined;
const operations = (): Promise<string[]> => {
  const dir = path.join(repoRoot, 'test/fixtures/rules/operations');
  const page = (name: string) => readFileSync(path.join(dir, name), 'utf8');
  operationIds ??= generate(config([{ name: 'svc', docs: 'docs' }]), {
    'docs/status_codes.rst': seedText,
    'docs/create_thing.rst': page('create_thing.rst'),
    'docs/create_thing_again.rst': page('create_thing.rst'),
    'docs/list_things.rst': page('list_things.rst'),
    'docs/get_thing.rst': page('get_thing.rst'),
    'docs/deep_thing.rst': page('deep_thing.rst'),
    'docs/delete_thing.rst': page('delete_thing.rst'),
  });
  return operationIds;
};

const triggers: Record<string, () => Promise<string[]> | string[]> = {
  // config
  'config-syntax': () => generate('{"services": [,]}'),
  'config-type': () => generate('{"services": {}}'),
  'config-value': () => generate(config([service], { style: 'enums' })),
  'config-missing': () => generate('{}'),
  'config-unknown-key': () => generate(config([service], { colour: 'red' })),
  'config-duplicate': () => generate(config([service, service])),
  'config-unknown-rule': () => generate(config([service], { rules: { 'nonstandard-phrse': 'off' } })),
  'config-path-outside': () => generate(config([{ name: 'svc', status: ['../x.rst'] }])),
  // read
  'read-failed': () => cli({}, ['lint', 'missing.rst']),
  'read-directory': () => cli({ 'folder/.keep': '' }, ['tables', 'folder']),
  'read-not-a-file': () => cli({}, ['tables', '/dev/null']),
  'read-outside-project': async () => {
    const outside = project({ 'status_codes.rst': seedText });
    const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['link.rst'] }]) });
    symlinkSync(path.join(outside, 'status_codes.rst'), path.join(dir, 'link.rst'));
    return ids((await run(['generate', '--format', 'json'], dir)).stderr);
  },
  'read-encoding': () => cli({ 'page.rst': Buffer.from([0x41, 0x0a, 0x42, 0xff]) }, ['lint', 'page.rst']),
  'no-pages': () => generate(config([{ name: 'svc', docs: 'docs' }]), { 'docs/readme.rst': 'Hello\n' }),
  // parse (docutils' messages)
  'malformed-table': () => lint('+---+---+\n| a | b |\n+---+--+\n'),
  'blank-line-after-table': () => lint('+---+\n| a |\n+---+\ntext\n'),
  'enumerated-list-start': () => lint('3. three\n4. four\n'),
  'unexpected-title-overline': () => lint('- item\n\n  ===\n  x\n'),
  'unexpected-section-title-or-transition': () => lint('- item\n\n  -----\n'),
  'unexpected-section-title': () => lint('- item\n\n  Title\n  =====\n'),
  'unexpected-indentation': () => lint('a\nb\n  c\n'),
  'unexpected-unindent': () => lint('- item\ntext\n'),
  'duplicate-implicit-target': () => lint('Title\n=====\n\ntext\n\nTitle\n=====\n\ntext\n'),
  'duplicate-explicit-target': () => lint('.. _a: http://x\n.. _a: http://y\n'),
  'title-underline-too-short': () => lint('Long title here\n=====\n\ntext\n'),
  'title-level-inconsistent': () => lint('A\n=\n\nB\n-\n\nC\n~\n\nD\n-\n\nE\n~\n\nF\n=\n\nG\n~\n'),
  'directive-error': () => lint('.. csv-table::\n   :widths: x\n\n   a,b\n'),
  'directive-content-error': () => lint('.. list-table::\n\n   not a list\n'),
  'directive-content-missing': () => lint('.. note::\n'),
  'literal-block-expected': () => lint('Example::\n\nNot indented.\n'),
  'inline-markup': () => lint('an *unclosed emphasis and :pep:`abc`\n'),
  'skeleton-too-large': () => lint(`${'word '.repeat(220_000)}\n`),
  'skeleton-too-complex': () => lint(Array.from({ length: 20 }, (_, i) => `${' '.repeat(i)}p\n\n`).join('')),
  // operations: the API pages of test/fixtures/rules/operations beside the seed, read through a docs folder
  ...Object.fromEntries(
    [
      'no-request-path',
      'no-request-line',
      'unknown-type',
      'unresolved-ref',
      'unreferenced-table',
      'table-nesting-too-deep',
      'unreadable-parameter',
      'invalid-example',
      'example-mismatch',
      'duplicate-operation',
      'unused-table',
      'undocumented-path-parameter',
      'duplicate-parameter',
      'path-placeholders-renamed',
    ].map((id) => [id, operations]),
  ),
  'package-json-unreadable': () => generate(config([service]), { 'status_codes.rst': seedText, 'package.json': '{ "type": "module",\n' }),
  // generate
  'empty-page': () => generate(config([{ name: 'svc', status: ['status_codes.rst', 'empty.rst'] }]), { 'status_codes.rst': seedText, 'empty.rst': '' }),
  'empty-service': () => generate(config([service]), { 'status_codes.rst': 'No table here.\n' }),
  // merge
  'spec-syntax': () => mergeIds('openapi: 3.1.0\ninfo:\n  title: "unclosed\n'),
  'spec-alias-bomb': () =>
    mergeIds(
      `${head}paths: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ).join('\n')}\n`,
    ),
  'spec-alias-cycle': () => mergeIds(`${head}paths: {}\nx-a: &a [*a]\n`),
  'spec-not-object': () => mergeIds('- openapi\n'),
  'spec-version-unsupported': () => mergeIds('swagger: "2.0"\ninfo: {title: t, version: "1"}\npaths: {}\n'),
  'spec-too-deep': () => mergeIds(`${head}paths: {}\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
  'spec-already-invalid': () => mergeIds(`${head}paths:\n  /a:\n    get:\n      responses:\n        "200": {$ref: "#/components/responses/Nope"}\n`),
  'openapi-30-unsupported-keyword': () =>
    mergeIds(readFileSync(path.join(mergeFixtures, 'storage-30.yaml'), 'utf8'), { schemas: { Pair: { type: 'array', prefixItems: [{ type: 'string' }] } } }),
  'merge-conflict': () => mergeIds(readFileSync(path.join(mergeFixtures, 'conflict.yaml'), 'utf8')),
  'merge-conflict-kept': () => mergeIds(readFileSync(path.join(mergeFixtures, 'conflict.yaml'), 'utf8'), generated, { onConflict: 'keep' }),
  'merge-conflict-overwritten': () => mergeIds(readFileSync(path.join(mergeFixtures, 'conflict.yaml'), 'utf8'), generated, { onConflict: 'overwrite' }),
  'merge-layout-unsupported': () => mergeIds(`${head}x-c: &c\n  schemas: {}\npaths: {}\ncomponents: *c\n`),
  'merge-invalid-result': () => mergeIds(`${head}paths: {}\n`, { responses: { Broken: { content: {} } } }),
  'merge-summary': () => mergeIds(`${head}paths: {}\n`),
  'merge-prefix-invalid': () => mergeIds(`${head}paths: {}\n`, generated, { prefix: 'a b' }),
  'merge-stale-entry': () =>
    mergeIds(`${head}paths: {}\ncomponents:\n  schemas:\n    Old:\n      type: string\n      x-generated-by: {tool: rst-codegen, service: s}\n`, generated, {
      owner: { service: 's' },
    }),
  'wire-list-invalid': () => mergeIds(`${head}paths: {}\n`, generated, { wire: 'nonsense' }),
  'wire-status-undocumented': () =>
    mergeIds(`${head}paths:\n  /a:\n    get:\n      responses:\n        "200": {description: ok}\n`, generated, { wire: '418' }),
  'wire-skipped': () => mergeIds(`${head}x-r: &r\n  "200": {description: ok}\npaths:\n  /b:\n    get:\n      responses: *r\n`, generated, { wire: true }),
  'wire-unknown-status': () =>
    mergeIds(
      `${head}paths:\n  /a:\n    get:\n      responses:\n        "200": {description: ok}\n`,
      { responses: { Odd: { description: 'Odd.' } } },
      { wire: 'all' },
    ),
  'generated-too-deep': () => mergeIds(`${head}paths: {}\n`, { schemas: { Deep: nested(3000) } }),
  'generated-invalid': () => mergeIds(`${head}paths: {}\n`, { components: { nonsense: { A: {} } } } as never),
};

/** Rules no input can trigger, each with the reason. */
const untriggerable: Record<string, string> = {
  'merge-internal': 'reported only when the merged text does not read back as intended: a bug in rst-codegen, not an input',
  'read-too-large': 'needs a page over 64 MB; covered by test/cli/bad-input.test.ts, too big for a per-rule fixture',
  'merge-owner-unknown': 'needs a spec merged by rst-codegen before owners were recorded; covered by test/merge',
  'merge-path-clash': 'needs generated operations (paths); covered by test/merge',
  'merge-operation-id-clash': 'needs generated operations (paths); covered by test/merge',
};

function nested(depth: number): object {
  let node: object = { type: 'string' };
  for (let i = 0; i < depth; i++) node = { type: 'array', items: node };
  return node;
}

describe('rule catalog', () => {
  it('has unique kebab-case ids, each with a severity and a one-sentence description', () => {
    expect(catalog.size).toBeGreaterThan(60);
    for (const { rule } of catalog.values()) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/^[A-Z`].*[.)]$/);
    }
  });

  it('keeps the model rule ids', () => {
    for (const id of Object.keys(modelRules)) expect(catalog.get(id)?.stage).toBe('model');
  });

  it('every rule has a trigger or a stated reason why none exists', () => {
    const covered = (id: string) => id in modelRules || id in triggers || id in untriggerable || id in parseTriggers || id in parseUntriggerable;
    const missing = [...catalog.keys()].filter((id) => !covered(id));
    expect(missing).toEqual([]);
    expect(Object.keys(triggers).filter((id) => !catalog.has(id))).toEqual([]);
  });

  for (const id of Object.keys(modelRules)) {
    it(`${id} (model): its fixture triggers it`, async () => {
      const dir = path.join(modelFixtures, id);
      const pages = id === 'duplicate-across-pages' ? ['a.rst', 'b.rst'].map((p) => path.join(dir, p)) : [`${dir}.rst`];
      const found = await cli({}, [id === 'duplicate-across-pages' ? 'model' : 'lint', ...pages]);
      expect(found).toContain(id);
    });
  }
  for (const [id, trigger] of Object.entries(triggers)) {
    if (id in untriggerable) continue;
    it(`${id}: its fixture triggers it`, async () => {
      expect(await trigger()).toContain(id);
    });
  }
});

describe('README rules table', () => {
  it('is the one the catalog generates (refresh: npm run docs:rules)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const table = /<!-- rules -->\n([\s\S]*?)\n<!-- \/rules -->/.exec(readme)?.[1];
    expect(table).toBe(rulesTable());
  });
});
