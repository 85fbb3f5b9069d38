/**
 * What importing one member costs in a real bundle: the generated TypeScript
 * of every service (all 41 corpus services, or the fixture services without
 * ../shared) transpiled file by file, as build tools do, by TypeScript
 * (`transpileModule`, what `tsc` and @rollup/plugin-typescript emit) or by
 * esbuild (what vite, tsup and rollup-plugin-esbuild emit), then bundled by
 * rollup from an entry that imports one member through `index.ts` (or the
 * service's own module). The bundle is run, so it is proven to hold the
 * member. Sizes are rollup's output, unminified (comments kept); the README
 * ("Bundle size") gives the corpus figures this test prints.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { rollup, type Plugin } from 'rollup';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { emitIndex } from '../../src/emit/index.js';
import type { EnumStyle, OutputFile } from '../../src/emit/types.js';
import { serviceDirectory, serviceNamespaceNames } from '../../src/emit/typescript/names.js';
import { documentedStatuses } from '../../src/emit/view.js';
import type { ServiceModel } from '../../src/model/types.js';
import { sharedPresent } from '../helpers/corpus.js';
import { codesCorpusRun, emittedService } from '../helpers/corpus-run.js';
import { hostileModel } from './hostile-model.js';

type Transpiler = 'tsc' | 'esbuild';

const fixtures = fileURLToPath(new URL('../fixtures/emit/', import.meta.url));
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;

function transpile(text: string, transpiler: Transpiler): string {
  if (transpiler === 'esbuild') return transformSync(text, { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  return ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText;
}

/** The generated modules of `models` as JavaScript, by path (`/index.js`, `/<service>/status-codes.js`, ...); each service emitted once per style. */
function compiled(models: readonly ServiceModel[], style: EnumStyle, transpiler: Transpiler): Map<string, string> {
  const files: readonly OutputFile[] = [...models.flatMap((model) => emittedService(model, style)), emitIndex(models, { style })];
  return new Map(
    files.filter((file) => file.path.endsWith('.ts')).map((file) => [`/${file.path.replace(/\.ts$/, '.js')}`, transpile(file.contents, transpiler)]),
  );
}

/** Serves the modules from memory: no file is written. */
function memory(modules: ReadonlyMap<string, string>): Plugin {
  return {
    name: 'memory',
    resolveId: (source, importer) => {
      const id = importer === undefined ? source : path.posix.resolve(path.posix.dirname(importer), source);
      return modules.has(id) ? id : null;
    },
    load: (id) => modules.get(id) ?? null,
  };
}

/** Bundles `entry` (an ES module exporting `value`) over `modules`; returns the bundle's text and its `value` when run. */
async function bundle(modules: ReadonlyMap<string, string>, entry: string, moduleSideEffects = true): Promise<{ bytes: number; value: unknown }> {
  const all = new Map(modules).set('/entry.js', entry);
  const build = await rollup({ input: '/entry.js', plugins: [memory(all)], treeshake: { moduleSideEffects }, onwarn: () => undefined });
  const es = (await build.generate({ format: 'es' })).output[0].code;
  // The same tree shaking as CommonJS, to run it here: `exports.value`.
  const cjs = (await build.generate({ format: 'cjs' })).output[0].code;
  await build.close();
  const exports: { value?: unknown } = {};
  new Function('exports', 'console', cjs)(exports, { log: () => undefined });
  return { bytes: Buffer.byteLength(es), value: exports.value };
}

/** One status member of the first model, imported through index.ts and through the service's module. */
function entries(models: readonly ServiceModel[]): { index: string; direct: string; code: number } {
  const namespaces = serviceNamespaceNames(models.map((model) => ({ service: model.service, hasErrorCodes: model.errorCodes.length > 0 })));
  const model = models[0];
  const ns = namespaces.find((n) => n.service === model?.service);
  const status = model === undefined ? undefined : documentedStatuses(model).find((s) => s.code === 404);
  if (!model || !ns || !status) throw new Error('the first model needs a documented 404');
  return {
    index: `import { ${ns.status} } from './index.js';\nexport const value = ${ns.status}.StatusCode.NOT_FOUND;\n`,
    direct: `import { StatusCode } from './${serviceDirectory(model.service)}/status-codes.js';\nexport const value = StatusCode.NOT_FOUND;\n`,
    code: status.code,
  };
}

const KB = 1024;

function sizeChecks(label: string, read: () => readonly ServiceModel[], report: boolean): void {
  let models: readonly ServiceModel[] | undefined;
  const load = (): readonly ServiceModel[] => (models ??= read());
  describe(`bundle size: one member of ${label}`, () => {
    it.each(['tsc', 'esbuild'] as const)('const style costs a few KB through index.ts (%s)', async (transpiler) => {
      const { index, code } = entries(load());
      const result = await bundle(compiled(load(), 'const', transpiler), index);
      if (report) console.log(`bundle size (${label}): const style, ${transpiler}, through index.ts: ${result.bytes} B`);
      expect(result.value).toBe(code);
      expect(result.bytes).toBeLessThan(4 * KB);
    });

    it('enum style costs a few KB through index.ts when enums are transpiled as pure (esbuild)', async () => {
      const { index, code } = entries(load());
      const result = await bundle(compiled(load(), 'enum', 'esbuild'), index);
      if (report) console.log(`bundle size (${label}): enum style, esbuild, through index.ts: ${result.bytes} B`);
      expect(result.value).toBe(code);
      expect(result.bytes).toBeLessThan(8 * KB);
    });

    it('enum style transpiled by tsc costs its own service only, through its module or with side-effect-free modules', async () => {
      const { index, direct, code } = entries(load());
      const modules = compiled(load(), 'enum', 'tsc');
      const own = await bundle(modules, direct);
      const pure = await bundle(modules, index, false);
      const all = await bundle(modules, index);
      if (report) {
        console.log(
          `bundle size (${label}): enum style, tsc: through the service module ${own.bytes} B, ` +
            `through index.ts with moduleSideEffects false ${pure.bytes} B, through index.ts ${all.bytes} B (every service's enums: TypeScript's enum IIFEs)`,
        );
      }
      expect([own.value, pure.value, all.value]).toEqual([code, code, code]);
      // The service's own enum with its JSDoc, and nothing of its lookups: they are keyed by literals, not by enum reads.
      expect(own.bytes).toBeLessThan(16 * KB);
      expect(pure.bytes).toBe(own.bytes);
      expect(all.bytes).toBeGreaterThanOrEqual(own.bytes);
    });
  });
}

sizeChecks('the fixture services', () => [cbr, hostileModel], false);

const present = sharedPresent('bundle size over the corpus');
if (present) {
  sizeChecks(
    'the 41 corpus services',
    () => {
      const models = codesCorpusRun().models;
      const first = models.find((model) => model.service === 'cloud-container-engine');
      return first ? [first, ...models.filter((model) => model !== first)] : models;
    },
    true,
  );
}
