/**
 * ts-morph plumbing shared by the TypeScript emitters (TypeScript handbook,
 * "Enums" and "Objects vs Enums"): an in-memory project with explicit
 * manipulation settings, the do-not-edit header, the `enum` / `as const`
 * declaration of a set of codes, and a deterministic print.
 */
import {
  IndentationText,
  NewLineKind,
  ObjectLiteralExpression,
  Project,
  QuoteKind,
  StructureKind,
  SyntaxKind,
  VariableDeclarationKind,
  Writers,
  type CodeBlockWriter,
  type SourceFile,
  type StatementStructures,
  type WriterFunction,
} from 'ts-morph';
import type { EnumStyle } from '../types.js';
import { docText, stringLiteral } from '../text.js';

/** One member of a generated enumeration. */
export interface EnumMember {
  /** A safe identifier from names.ts. */
  name: string;
  value: number | string;
  /** Raw documentation text (made safe here). */
  doc: string;
}

/** Writes a `/** ... *\/` comment through the writer, one ` * ` line per line of the (made safe) text. */
function writeJsDoc(writer: CodeBlockWriter, text: string): void {
  const lines = docText(text).split('\n');
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0] ?? ''} */`);
    return;
  }
  writer.writeLine('/**');
  for (const line of lines) writer.writeLine(line === '' ? ' *' : ` * ${line}`);
  writer.write(' */').newLine();
}

/** A literal for a member value: numbers as written, strings via {@link stringLiteral}. */
function valueLiteral(value: number | string): string {
  return typeof value === 'number' ? String(value) : stringLiteral(value);
}

/**
 * The declarations of an enumeration named `name`: for `'enum'` an
 * `export enum`, for `'const'` an `export const X = {} as const` (members are
 * added by {@link addConstMembers} once the object exists) and
 * `export type X = (typeof X)[keyof typeof X]`.
 */
export function enumStatements(name: string, doc: string, members: readonly EnumMember[], style: EnumStyle): StatementStructures[] {
  if (style === 'enum') {
    return [
      {
        kind: StructureKind.Enum,
        name,
        isExported: true,
        docs: [docText(doc)],
        members: members.map((member) => ({
          kind: StructureKind.EnumMember,
          name: member.name,
          initializer: valueLiteral(member.value),
          docs: [docText(member.doc)],
        })),
      },
    ];
  }
  return [
    {
      kind: StructureKind.VariableStatement,
      isExported: true,
      docs: [docText(doc)],
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, initializer: `{} as const` }],
    },
    {
      kind: StructureKind.TypeAlias,
      isExported: true,
      docs: [docText(`A value of \`${name}\`.`)],
      name,
      type: `(typeof ${name})[keyof typeof ${name}]`,
    },
  ];
}

/** Fills the `as const` object of a `'const'`-style enumeration with its members, each with its JSDoc. */
export function addConstMembers(file: SourceFile, name: string, members: readonly EnumMember[]): void {
  if (members.length === 0) return;
  const object = file
    .getVariableDeclarationOrThrow(name)
    .getInitializerIfKindOrThrow(SyntaxKind.AsExpression)
    .getExpressionIfKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  addMembers(object, members);
}

function addMembers(object: ObjectLiteralExpression, members: readonly EnumMember[]): void {
  object.addPropertyAssignments(
    members.map((member) => ({
      name: member.name,
      initializer: valueLiteral(member.value),
      leadingTrivia: (writer: CodeBlockWriter) => writeJsDoc(writer, member.doc),
    })),
  );
}

/** The type of one member in a type position: `StatusCode.OK` (enum) or `typeof StatusCode.OK` (const). */
export function memberType(enumName: string, member: string, style: EnumStyle): string {
  return style === 'enum' ? `${enumName}.${member}` : `typeof ${enumName}.${member}`;
}

/** A `Record` initializer keyed by the members of `enumName`: `{ [StatusCode.OK]: <value>, ... }` (ts-morph `Writers.object`). */
export function recordInitializer(enumName: string, entries: readonly { member: string; value: string | WriterFunction }[]): WriterFunction {
  return Writers.object(Object.fromEntries(entries.map((entry) => [`[${enumName}.${entry.member}]`, entry.value])));
}

/**
 * Prints `statements` into a fresh in-memory source file after a `//`
 * header (2-space indent, single quotes, LF), lets `finish` add what needs
 * the tree, formats, and returns the text with exactly one trailing LF.
 */
export function printSourceFile(
  header: readonly string[],
  statements: readonly StatementStructures[],
  finish: (file: SourceFile) => void = () => undefined,
): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      quoteKind: QuoteKind.Single,
      newLineKind: NewLineKind.LineFeed,
      useTrailingCommas: false,
    },
  });
  const file = project.createSourceFile('generated.ts', {
    leadingTrivia: (writer) => {
      for (const line of header) writer.writeLine(`// ${line}`);
      writer.blankLine();
    },
    statements: statements.map((statement) =>
      statement.kind === StructureKind.ExportDeclaration
        ? statement
        : { ...statement, leadingTrivia: (writer: CodeBlockWriter) => writer.blankLineIfLastNot() },
    ),
  });
  finish(file);
  file.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, newLineCharacter: '\n', ensureNewLineAtEndOfFile: true });
  return `${file.getFullText().replace(/\n*$/, '')}\n`;
}
