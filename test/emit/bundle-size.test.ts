/**
 * What importing one member costs a user, measured with real bundlers on
 * disk: the generated TypeScript of every service (all 41 corpus services,
 * or the fixture services without ../shared), with the `package.json`
 * generate writes beside it, in a temporary project (`"type": "module"`).
 * Each module is transpiled as `tsc` writes it (`transpileModule`, what
 * @rollup/plugin-typescript and ts-loader emit: every enum an IIFE no bundler
 * can prove pure, TypeScript #27604), then an entry that imports one status
 * member through `index.js` is bundled by rollup with
 * @rollup/plugin-node-resolve, by webpack (production) and by esbuild. Each
 * bundle is run, so it is proven to hold the member. The README ("Bundle
 * size") gives the corpus figures this test prints.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { build, transformSync } from 'esbuild';
import { rollup } from 'rollup';
import ts from '../helpers/typescript.js';
import { afterAll, describe, expect, it } from 'vitest';
import webpack from 'webpack';
import { readPackageScope } from '../../src/cli/package-scope.js';
import { emitIndex, emitPackageJson } from '../../src/emit/index.js';
import type { EnumStyle, OutputFile } from '../../src/emit/types.js';
import { errorMemberNames, serviceNamespaceNames } from '../../src/emit/typescript/names.js';
import { documentedErrors, documentedStatuses } from '../../src/emit/view.js';
import type { ServiceModel } from '../../src/model/types.js';
import { sharedPresent } from '../helpers/corpus.js';
import { codesCorpusRun, emittedService } from '../helpers/corpus-run.js';
import { hostileModel } from './hostile-model.js';

type Bundler = 'rollup' | 'webpack' | 'esbuild';

const fixtures = fileURLToPath(new URL('../fixtures/emit/', import.meta.url));
const cbr = JSON.parse(readFileSync(path.join(fixtures, 'cloud-backup-recovery/model.input.json'), 'utf8')) as ServiceModel;
const projects: string[] = [];
afterAll(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A project holding `gen/` (the generated modules of `models` in `style`,
 * transpiled by tsc, plus gen/package.json, made as generate makes it: from
 * the project's package scope) and the entries.
 */
async function writeProject(models: readonly ServiceModel[], style: EnumStyle): Promise<Project> {
  const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-bundle-'));
  projects.push(dir);
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'app', private: true, type: 'module' })}\n`);
  const out = path.join(dir, 'gen');
  const scope = await readPackageScope(out);
  if (!scope.ok) throw new Error(scope.reason);
  const files: OutputFile[] = [...models.flatMap((model) => emittedService(model, style)), emitIndex(models, { style }), emitPackageJson(scope.scope)];
  for (const file of files) {
    if (!file.path.endsWith('.ts') && file.path !== 'package.json') continue;
    const target = path.join(out, file.path.replace(/\.ts$/, '.js'));
    const options = { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } };
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.path.endsWith('.ts') ? ts.transpileModule(file.contents, options).outputText : file.contents);
  }
  const { index, code, errorIndex, errorCode } = entry(models);
  writeFileSync(path.join(dir, 'entry.js'), index);
  writeFileSync(path.join(dir, 'error-entry.js'), errorIndex);
  return { dir, code, errorCode };
}

/** A copy of `project` without gen/package.json (as generate writes with `"packageJson": false`). */
function withoutPackageJson(project: Project): Project {
  const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-bundle-'));
  projects.push(dir);
  cpSync(project.dir, dir, { recursive: true });
  rmSync(path.join(dir, 'gen/package.json'));
  return { ...project, dir };
}

interface Project {
  dir: string;
  /** What entry.js logs. */
  code: number;
  /** What error-entry.js logs. */
  errorCode: string;
}

/**
 * The entries, imported through index.js and logged: one status member of the first model
 * (entry.js), and the first error code of the largest error catalog (error-entry.js).
 */
function entry(models: readonly ServiceModel[]): { index: string; code: number; errorIndex: string; errorCode: string } {
  const namespaces = serviceNamespaceNames(models.map((model) => ({ service: model.service, hasErrorCodes: documentedErrors(model).length > 0 })));
  const model = models[0];
  const ns = namespaces.find((n) => n.service === model?.service);
  const status = model === undefined ? undefined : documentedStatuses(model).find((s) => s.code === 404);
  if (!model || !ns || !status) throw new Error('the first model needs a documented 404');
  const largest = [...models].sort((a, b) => documentedErrors(b).length - documentedErrors(a).length)[0]!;
  const errors = documentedErrors(largest);
  const errorNs = namespaces.find((n) => n.service === largest.service)?.errors;
  if (!errorNs || errors.length === 0) throw new Error('no model documents error codes');
  return {
    index: `import { ${ns.status} } from './gen/index.js';\nconsole.log(${ns.status}.StatusCode.NOT_FOUND);\n`,
    code: status.code,
    errorIndex: `import { ${errorNs} } from './gen/index.js';\nconsole.log(${errorNs}.ErrorCode.${errorMemberNames(errors)[0]});\n`,
    errorCode: errors[0]!.code,
  };
}

/**
 * `rollup` resolves with @rollup/plugin-node-resolve, which reads the package.json; `rollup-option` resolves
 * without it (as when @rollup/plugin-typescript resolves the `.ts` files) and marks gen/ free of side
 * effects with `treeshake.moduleSideEffects`, as the README shows.
 */
async function bundle(bundler: Bundler | 'rollup-option', dir: string, entryFile = 'entry.js'): Promise<string> {
  const input = path.join(dir, entryFile);
  if (bundler === 'rollup' || bundler === 'rollup-option') {
    const generated = `${path.sep}gen${path.sep}`;
    const result = await rollup(
      bundler === 'rollup'
        ? { input, plugins: [nodeResolve()], onwarn: () => undefined }
        : { input, treeshake: { moduleSideEffects: (id) => !id.includes(generated) }, onwarn: () => undefined },
    );
    const code = (await result.generate({ format: 'es' })).output[0].code;
    await result.close();
    return code;
  }
  if (bundler === 'esbuild') {
    const result = await build({ entryPoints: [input], bundle: true, write: false, format: 'esm', logLevel: 'silent' });
    return result.outputFiles[0]!.text;
  }
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    webpack(
      { mode: 'production', context: dir, entry: `./${entryFile}`, output: { path: path.join(dir, 'webpack') }, performance: { hints: false } },
      (error, result) => (error ? reject(error) : resolve(result)),
    ),
  );
  if (!stats || stats.hasErrors()) throw new Error(stats?.toString() ?? 'webpack gave no stats');
  return readFileSync(path.join(dir, 'webpack/main.js'), 'utf8');
}

/** What the bundle logs when run (its only output is one `console.log`). */
function run(code: string): unknown {
  let logged: unknown;
  new Function('console', code)({ log: (value: unknown) => (logged = value) });
  return logged;
}

const minified = (code: string) => Buffer.byteLength(transformSync(code, { minify: true }).code);
const KB = 1024;

function sizeChecks(label: string, read: () => readonly ServiceModel[], report: boolean): void {
  let models: readonly ServiceModel[] | undefined;
  const load = (): readonly ServiceModel[] => (models ??= read());
  const made = new Map<string, Promise<Project>>();
  /** The project of `style` (made once); without the package.json, a copy of the one with it. */
  const projectOf = (style: EnumStyle, packageJson = true): Promise<Project> => {
    const key = `${style} ${packageJson}`;
    const project = made.get(key) ?? (packageJson ? writeProject(load(), style) : projectOf(style).then(withoutPackageJson));
    made.set(key, project);
    return project;
  };

  describe(`bundle size: one member of ${label}, through index.ts, TypeScript transpiled by tsc`, () => {
    // Unminified, rollup keeps the member's enum with its JSDoc; minified, every bundler's output is what ships.
    const bounds: Record<Bundler, { unminified: number; minified: number }> = {
      rollup: { unminified: 16 * KB, minified: 4 * KB },
      webpack: { unminified: 4 * KB, minified: 4 * KB }, // production mode: already minified
      // esbuild keeps the whole namespace object of `export * as` (esbuild #1420): the member's service module, its lookups too.
      esbuild: { unminified: 32 * KB, minified: 12 * KB },
    };
    it.each(['enum', 'const'] as const)('%s style costs a few KB with rollup + node-resolve, webpack and esbuild', async (style) => {
      const { dir, code } = await projectOf(style);
      for (const bundler of ['rollup', 'webpack', 'esbuild'] as const) {
        const text = await bundle(bundler, dir);
        const bytes = Buffer.byteLength(text);
        const small = bundler === 'webpack' ? bytes : minified(text);
        if (report) console.log(`bundle size (${label}): ${style} style, ${bundler}: ${bytes} B, minified ${small} B`);
        expect(run(text), `${style}, ${bundler}`).toBe(code);
        expect(bytes, `${style}, ${bundler}`).toBeLessThan(bounds[bundler].unminified);
        expect(small, `${style}, ${bundler}`).toBeLessThan(bounds[bundler].minified);
      }
    });

    it.each(['enum', 'const'] as const)('%s style: one error code costs its enum (rollup), its service module (esbuild)', async (style) => {
      const { dir, errorCode } = await projectOf(style);
      const sizes: string[] = [];
      for (const bundler of ['rollup', 'esbuild'] as const) {
        const text = await bundle(bundler, dir, 'error-entry.js');
        sizes.push(`${bundler}: ${Buffer.byteLength(text)} B, minified ${minified(text)} B`);
        expect(run(text), `${style}, ${bundler}`).toBe(errorCode);
        // rollup: in enum style, every member of that service's ErrorCode; esbuild: also its catalog (errorCodeInfo), see above.
        expect(minified(text), `${style}, ${bundler}`).toBeLessThan(bundler === 'rollup' ? 8 * KB : 96 * KB);
      }
      if (report) console.log(`bundle size (${label}): one error code, ${style} style, ${sizes.join('; ')}`);
    });

    it('without the package.json, tsc-compiled enums keep every service, unless rollup is told (treeshake.moduleSideEffects)', async () => {
      const [bare, declared] = await Promise.all([projectOf('enum', false), projectOf('enum')]);
      const without = await bundle('rollup', bare.dir);
      const told = await bundle('rollup-option', bare.dir);
      const withIt = await bundle('rollup', declared.dir);
      if (report) {
        console.log(
          `bundle size (${label}): enum style, rollup, no package.json: ${Buffer.byteLength(without)} B, minified ${minified(without)} B; ` +
            `with treeshake.moduleSideEffects ${Buffer.byteLength(told)} B`,
        );
      }
      expect([run(without), run(told)]).toEqual([bare.code, bare.code]);
      // Every other service's enums stay: the fixtures' second service alone is larger than the first one's enum.
      expect(Buffer.byteLength(without)).toBeGreaterThan(2 * Buffer.byteLength(withIt));
      expect(told).toBe(withIt);
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
