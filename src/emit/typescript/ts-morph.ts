/**
 * ts-morph's runtime values, loaded with `require`. ts-morph is CommonJS:
 * an ESM `import` of it has Node scan its source for export names first,
 * which costs about 0.2 s of every CLI start that emits TypeScript (loading
 * it alone, idle: 0.59-0.88 s by `import`, 0.40-0.55 s by `require`). Types
 * still come from `import type`.
 */
import { createRequire } from 'node:module';

const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

export const { CodeBlockWriter, printStructure, StructureKind, VariableDeclarationKind, Writers } = tsMorph;
/** The writer's type under the same name as its class, as ts-morph's own import gives both. */
export type CodeBlockWriter = import('ts-morph').CodeBlockWriter;
