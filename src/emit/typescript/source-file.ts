/**
 * ts-morph plumbing shared by the TypeScript emitters (TypeScript handbook,
 * "Enums" and "Objects vs Enums"): the do-not-edit header, the `enum` /
 * `as const` declaration of a set of codes, and a deterministic print with
 * ts-morph's structure printer (`printStructure`: no project, no parse).
 */
import type { CodeBlockWriter, PropertyAssignmentStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { printStructure, StructureKind, VariableDeclarationKind, Writers } from './ts-morph.js';
import type { EnumStyle } from '../types.js';
import { docText, stringLiteral } from '../text.js';

/** How every generated file is printed: 2-space indent, LF, single quotes. */
const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: '\n', useSingleQuote: true } as const;

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
      declarations: [{ name, initializer: constObject(members) }],
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

/**
 * The `{ ... } as const` initializer of a `'const'`-style enumeration: one
 * property assignment per member (ts-morph `PropertyAssignmentStructure`),
 * each after its JSDoc, one per line.
 */
function constObject(members: readonly EnumMember[]): WriterFunction {
  return (writer) => {
    writer.write('{');
    if (members.length > 0) {
      writer.indent(() => {
        members.forEach((member, index) => {
          const assignment: PropertyAssignmentStructure = {
            kind: StructureKind.PropertyAssignment,
            name: member.name,
            initializer: valueLiteral(member.value),
            leadingTrivia: (inner: CodeBlockWriter) => writeJsDoc(inner, member.doc),
          };
          writer.write(printStructure(assignment, PRINT_OPTIONS));
          if (index < members.length - 1) writer.write(',');
          writer.newLine();
        });
      });
    }
    writer.write('} as const');
  };
}

/** The type of one member in a type position: `StatusCode.OK` (enum) or `typeof StatusCode.OK` (const). */
export function memberType(enumName: string, member: string, style: EnumStyle): string {
  return style === 'enum' ? `${enumName}.${member}` : `typeof ${enumName}.${member}`;
}

/**
 * A `Record` initializer keyed by the members' values written as literals:
 * `{ 200: <value>, 'BackupService.0001': <value>, ... }`. Literal keys, not
 * `[StatusCode.OK]`: reading an enum member is a property read bundlers must
 * keep (it could run a getter), which kept every service's lookups, and the
 * enums they read, in a bundle that imports one member (README, "Bundle
 * size"). `__proto__` is written as a computed key, which defines an own
 * property instead of setting the prototype (ECMA-262 §13.2.5.1).
 */
export function recordInitializer(entries: readonly { key: number | string; value: string | WriterFunction }[]): WriterFunction {
  return Writers.object(Object.fromEntries(entries.map((entry) => [recordKey(entry.key), entry.value])));
}

function recordKey(key: number | string): string {
  if (typeof key === 'number') return String(key);
  return key === '__proto__' ? `[${stringLiteral(key)}]` : stringLiteral(key);
}

/**
 * Prints `statements` after a `//` header (2-space indent, single quotes, LF)
 * with ts-morph's structure printer, and returns the text with exactly one
 * trailing LF. The printer writes every line of a variable's multi-line
 * initializer (a lookup record, an `as const` object) one level too deep, so
 * each variable statement is printed on its own and re-indented
 * ({@link reindented}) before it takes its place; the other statements are
 * printed as TypeScript's formatter would leave them.
 */
export function printSourceFile(header: readonly string[], statements: readonly StatementStructures[]): string {
  // Each variable statement's text takes its place after the print (a NUL-delimited index stands for it, a
  // character no output text holds: stringLiteral and docText escape it), so the file's writer does not
  // read the largest statements (the lookup records) through again, character by character.
  const variables: string[] = [];
  const text = printStructure(
    {
      kind: StructureKind.SourceFile,
      leadingTrivia: (writer) => {
        for (const line of header) writer.writeLine(`// ${line}`);
        writer.blankLine();
      },
      statements: statements.map((statement) => {
        if (statement.kind === StructureKind.ExportDeclaration) return statement;
        if (statement.kind === StructureKind.VariableStatement) {
          variables.push(reindented(printStructure(statement, PRINT_OPTIONS)).replace(/\n*$/, ''));
          const placeholder = `\0${variables.length - 1}\0`;
          return (writer: CodeBlockWriter) => writer.blankLineIfLastNot().write(placeholder);
        }
        return { ...statement, leadingTrivia: (writer: CodeBlockWriter) => writer.blankLineIfLastNot() };
      }),
    },
    PRINT_OPTIONS,
  );
  return `${text.replace(/\n*$/, '').replace(/\0(\d+)\0/g, (_, index: string) => variables[Number(index)]!)}\n`;
}

/**
 * A printed variable statement as TypeScript's formatter (2-space indent)
 * leaves it: every line after the declaration's first (its JSDoc lines come
 * before it: `/**`, ` * ...`) loses the one level (2 spaces) the printer
 * adds; the closing `};` is already at the margin. Only leading indentation
 * changes: a string literal never spans lines (`stringLiteral` escapes line
 * breaks) and a comment's lines move with it, as the formatter moves them.
 * The formatter itself (a language service per run) gave the same bytes on
 * every file of the corpus in both styles, at about a second of CPU per
 * 10 services.
 */
function reindented(text: string): string {
  const lines = text.split('\n');
  let at = 0;
  while (at < lines.length && (lines[at]!.startsWith('/**') || lines[at]!.startsWith(' *'))) at++;
  for (let i = at + 1; i < lines.length; i++) if (lines[i]!.startsWith('  ')) lines[i] = lines[i]!.slice(2);
  return lines.join('\n');
}
