/**
 * TypeScript's compiler API for the tests, loaded with `require`: the
 * package is one 9 MB CommonJS file, and an ESM `import` of it makes Node
 * scan the whole file for its export names first (cjs-module-lexer, about
 * 0.4 s in each test worker) before compiling it. The same module, the same
 * version (package.json's `typescript`). Types come from `import type`.
 *
 *   import ts from '../helpers/typescript.js';
 *   import type { CompilerOptions } from 'typescript';
 */
import { createRequire } from 'node:module';
import type TypeScript from 'typescript';

const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript;

export default ts;
