/**
 * ts-morph's runtime values, loaded with `require`. ts-morph is CommonJS:
 * an ESM `import` of it has Node scan its source for export names first,
 * which costs about 0.4 s of every CLI start that emits TypeScript (0.85 s
 * against 0.45 s to load it). Types still come from `import type`.
 */
import { createRequire } from 'node:module';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { CodeBlockWriter, printStructure, StructureKind, VariableDeclarationKind, Writers } = tsMorph;
/** The writer's type under the same name as its class, as ts-morph's own import gives both. */
export type CodeBlockWriter = import('ts-morph').CodeBlockWriter;
