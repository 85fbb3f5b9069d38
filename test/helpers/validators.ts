/**
 * Validators for generated output, shared by tests. Small API:
 *
 *   typeCheck({ 'a/status-codes.ts': text }, { erasableSyntaxOnly? }) -> string[]   TypeScript 5.9 diagnostics
 *   topLevelStatements(text) -> string[]     one line per top-level statement ("export enum StatusCode", ...)
 *   validateJsonSchema(schema) -> { errors, accepts(instance) }                     ajv 2020-12, strict
 *   validateOpenApi(doc) -> Promise<string[]>                                       OpenAPI 3.x schema + $ref resolution
 *
 * An empty `string[]` means valid. Nothing here throws on invalid input.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import ts from './typescript.js';
import type { CompilerHost, CompilerOptions, Diagnostic, Node, SourceFile } from 'typescript';
import { openApiValidator } from './openapi-validator.js';

/** Where the in-memory files live for the compiler. */
const ROOT_DIR = '/rst-codegen-virtual';
const ROOT = `${ROOT_DIR}/`;
const isVirtual = (name: string): boolean => name === ROOT_DIR || name.startsWith(ROOT);

/** Lib files parsed once per process (they are the slow part of a program). */
const libCache = new Map<string, SourceFile | undefined>();

/**
 * Type-checks in-memory TypeScript files (paths relative, posix) together
 * with TypeScript 5.9 under a strict user-project setup: strict,
 * noUncheckedIndexedAccess, exactOptionalPropertyTypes, noUnusedLocals,
 * isolatedModules, verbatimModuleSyntax, ES2022 + Bundler resolution (so
 * `./x.js` finds `./x.ts`), lib ES2022 (its .d.ts files not checked again: skipDefaultLibCheck), no @types; optionally
 * `erasableSyntaxOnly`. Returns `path:line:col TSnnnn message` lines.
 */
export function typeCheck(files: Record<string, string>, options: { erasableSyntaxOnly?: boolean } = {}): string[] {
  const compilerOptions: CompilerOptions = {
    strict: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noUnusedLocals: true,
    noImplicitReturns: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    noEmit: true,
    // TypeScript's own lib .d.ts files are not type-checked again in every program (the generated files all are).
    skipDefaultLibCheck: true,
    ...(options.erasableSyntaxOnly === true ? { erasableSyntaxOnly: true } : {}),
  };
  const virtual = new Map(Object.entries(files).map(([path, text]) => [ROOT + path, text]));
  const base = ts.createCompilerHost(compilerOptions, true);
  const host: CompilerHost = {
    ...base,
    getCurrentDirectory: () => ROOT_DIR,
    fileExists: (name) => virtual.has(name) || (!isVirtual(name) && base.fileExists(name)),
    readFile: (name) => virtual.get(name) ?? (isVirtual(name) ? undefined : base.readFile(name)),
    directoryExists: (name) => isVirtual(name) || (base.directoryExists?.(name) ?? false),
    getSourceFile: (name, languageVersion, onError) => {
      const text = virtual.get(name);
      if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
      if (isVirtual(name)) return undefined;
      if (!libCache.has(name)) libCache.set(name, base.getSourceFile(name, languageVersion, onError));
      return libCache.get(name);
    },
    writeFile: () => undefined,
  };
  const program = ts.createProgram([...virtual.keys()], compilerOptions, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file === undefined || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${diagnostic.file.fileName.replace(ROOT, '')}:${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
  });
}

/**
 * One line per top-level statement of a TypeScript text, from the
 * compiler's AST: `export enum StatusCode`, `export const statusPhrase`,
 * `export type StatusCode`, `export interface ErrorCodeInfo`,
 * `export function isStatusCode`, `export * as Foo from './foo.js'`; any
 * other statement is shown as `other <SyntaxKind>`. Also lists parse errors
 * as `parse-error <message>`.
 */
export function topLevelStatements(text: string): string[] {
  const file = ts.createSourceFile('output.ts', text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const parseErrors = (file as unknown as { parseDiagnostics: readonly Diagnostic[] }).parseDiagnostics.map(
    (diagnostic) => `parse-error ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  );
  const exported = (node: Node): string =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) ? 'export ' : '';
  const lines = file.statements.map((statement) => {
    if (ts.isEnumDeclaration(statement)) return `${exported(statement)}enum ${statement.name.text}`;
    if (ts.isTypeAliasDeclaration(statement)) return `${exported(statement)}type ${statement.name.text}`;
    if (ts.isInterfaceDeclaration(statement)) return `${exported(statement)}interface ${statement.name.text}`;
    if (ts.isFunctionDeclaration(statement)) return `${exported(statement)}function ${statement.name?.text ?? '(anonymous)'}`;
    if (ts.isVariableStatement(statement)) {
      const kind = statement.declarationList.flags & ts.NodeFlags.Const ? 'const' : 'let/var';
      const names = statement.declarationList.declarations.map((d) => (ts.isIdentifier(d.name) ? d.name.text : '(pattern)'));
      return `${exported(statement)}${kind} ${names.join(', ')}`;
    }
    if (
      ts.isExportDeclaration(statement) &&
      statement.exportClause !== undefined &&
      ts.isNamespaceExport(statement.exportClause) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      return `export * as ${statement.exportClause.name.text} from '${statement.moduleSpecifier.text}'`;
    }
    return `other ${ts.SyntaxKind[statement.kind]}`;
  });
  return [...parseErrors, ...lines];
}

/** Result of {@link validateJsonSchema}: schema errors, and a check of instances against the schema. */
export interface JsonSchemaCheck {
  /** Empty when the schema compiles under ajv's 2020-12 strict mode. */
  errors: string[];
  /** Whether `instance` is valid against the schema (false when the schema did not compile). */
  accepts(instance: unknown): boolean;
}

/**
 * One ajv per process: a new instance compiles the 2020-12 meta-schema again
 * (~50 ms). Each schema is checked against it and compiled as by a new
 * instance: not kept (`addUsedSchema: false`, and removed from ajv's cache
 * afterwards), so no `$id` of an earlier schema is seen by a later one.
 * `code.optimize: false` skips ajv's pass that tidies the generated validator
 * code (about 40% of a compile); validation is the same.
 */
let sharedAjv: Ajv2020 | undefined;

/** Compiles `schema` with ajv's JSON Schema 2020-12 validator in strict mode (unknown keywords are errors). */
export function validateJsonSchema(schema: unknown): JsonSchemaCheck {
  const ajv = (sharedAjv ??= new Ajv2020({ strict: true, allErrors: true, addUsedSchema: false, code: { optimize: false } }));
  try {
    const validate = ajv.compile(schema as object);
    return { errors: [], accepts: (instance) => validate(instance) === true };
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)], accepts: () => false };
  } finally {
    if (typeof schema === 'object' && schema !== null) ajv.removeSchema(schema);
  }
}

/** Validates an OpenAPI 3.x document (as a parsed object, not mutated) against the official schema, then resolves its `$ref`s. */
export async function validateOpenApi(doc: unknown): Promise<string[]> {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return ['The document is not a JSON object.'];
  const validator = openApiValidator();
  // The validator resolves `$ref`s in place: give it a copy so the caller's object stays as it was.
  const result = await validator.validate(structuredClone(doc) as Record<string, unknown>);
  if (!result.valid) {
    const errors = result.errors ?? 'invalid';
    return typeof errors === 'string'
      ? [errors]
      : errors.map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`);
  }
  try {
    validator.resolveRefs();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
