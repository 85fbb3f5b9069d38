/**
 * `package.json` of the output folder: declares the generated modules free of
 * side effects (`"sideEffects": false`), so a bundler drops every service a
 * program does not use even when `tsc` wrote its enums as functions it
 * cannot prove pure (TypeScript issue #27604): webpack and esbuild read the
 * field natively, rollup through @rollup/plugin-node-resolve.
 *
 * A `package.json` also starts a new package scope for Node and TypeScript
 * (`module: node16/nodenext`): its `type` decides whether the `.js`/`.ts`
 * files below are ES modules. So it carries exactly the `type` of the
 * package.json that governs the folder above (none when that one has none):
 * the generated modules keep the module system they had without it. With no
 * package.json above, the CLI writes none (src/cli/generate.ts).
 */
import { doNotEdit, toJson } from './text.js';
import type { OutputFile } from './types.js';

/** The package scope the output folder sits in: the `type` of the nearest package.json above it (null: no `type`, or no package.json). */
export interface PackageScope {
  type: string | null;
}

export function emitPackageJson(scope: PackageScope): OutputFile {
  // `//` is npm's documented key for a comment in package.json.
  const json: Record<string, unknown> = { '//': doNotEdit([]) };
  if (scope.type !== null) json['type'] = scope.type;
  json['sideEffects'] = false;
  return { path: 'package.json', contents: toJson(json) };
}
