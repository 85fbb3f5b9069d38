/**
 * ts-morph plumbing shared by the TypeScript emitters (TypeScript handbook,
 * "Enums" and "Objects vs Enums"): the do-not-edit header, the `enum` /
 * `as const` declaration of a set of codes, and a deterministic print with
 * ts-morph's structure printer (`printStructure`: no project, no parse).
 */
import type { OptionalKind, EnumMemberStructure, PropertyAssignmentStructure, StatementStructures, VariableStatementStructure, WriterFunction } from 'ts-morph';
import { CodeBlockWriter, printStructure, StructureKind, VariableDeclarationKind, Writers } from './ts-morph.js';
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
 * each variable statement is printed on its own ({@link printVariable}) before
 * it takes its place; an enum's members are printed apart
 * ({@link enumMembers}); the other statements are printed as TypeScript's
 * formatter would leave them.
 */
export function printSourceFile(header: readonly string[], statements: readonly StatementStructures[]): string {
  // Each variable statement's text, and each enum's members, take their place after the print (a NUL-delimited
  // index stands for them, a character no output text holds: stringLiteral and docText escape it), so the file's
  // writer does not read the largest texts (the lookup records, the members) through again, character by character.
  const variables: string[] = [];
  const members: string[] = [];
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
          variables.push(printVariable(statement));
          const placeholder = `\0v${variables.length - 1}\0`;
          return (writer: CodeBlockWriter) => writer.blankLineIfLastNot().write(placeholder);
        }
        const leadingTrivia = (writer: CodeBlockWriter) => writer.blankLineIfLastNot();
        if (statement.kind === StructureKind.Enum && printsMembersApart(statement.members)) {
          members.push(enumMembers(statement.members));
          return { ...statement, leadingTrivia, members: [{ name: `\0m${members.length - 1}\0` }] };
        }
        return { ...statement, leadingTrivia };
      }),
    },
    PRINT_OPTIONS,
  );
  return `${text
    .replace(/\n*$/, '')
    .replace(/\0v(\d+)\0/g, (_, index: string) => variables[Number(index)]!)
    .replace(/'\0m(\d+)\0'/g, (_, index: string) => members[Number(index)]!)}\n`;
}

/**
 * Whether an enum's members can be printed apart: some members, none with
 * trailing trivia (ts-morph puts the comma after a member's last token,
 * before its trailing trivia; without any, at the end of its text).
 */
function printsMembersApart(members: readonly OptionalKind<EnumMemberStructure>[] | undefined): members is readonly OptionalKind<EnumMemberStructure>[] {
  return members !== undefined && members.length > 0 && members.every((member) => member.trailingTrivia === undefined);
}

/**
 * An enum's members as ts-morph prints them inside the enum's block, without
 * the first line's indentation (the stand-in member's line has it): each
 * member printed on its own, a comma and a line break after each but the
 * last, every further line one level in. ts-morph's own print of a member
 * list scans each member's text for where its comma goes and then inserts
 * the commas one by one into the writer's pieces, which grows with the
 * square of the members.
 */
function enumMembers(members: readonly OptionalKind<EnumMemberStructure>[]): string {
  const writer = new CodeBlockWriter(PRINT_OPTIONS);
  writer.queueIndentationLevel(1);
  members.forEach((member, index) => {
    writer.write(printStructure({ ...member, kind: StructureKind.EnumMember }, PRINT_OPTIONS));
    if (index < members.length - 1) writer.write(',').newLine();
  });
  return writer.toString();
}

/**
 * A variable statement as TypeScript's formatter leaves it, without its
 * trailing line breaks. ts-morph prints a declaration's initializer with a
 * writer of its own (same options, indentation 0) and then writes that text
 * into the statement one level deeper, which {@link reindented} undoes; each
 * writer-function initializer here is printed the same way, with a fresh
 * writer, and takes the place of a NUL-delimited stand-in after the
 * statement's print. The printer then neither writes the initializer (the
 * largest text of a file: a lookup record, an `as const` object) a second
 * time nor scans it for where a comma between declarations would go.
 */
function printVariable(statement: VariableStatementStructure): string {
  const initializers: string[] = [];
  const declarations = statement.declarations.map((declaration) => {
    const { initializer } = declaration;
    if (typeof initializer !== 'function') return declaration;
    const writer = new CodeBlockWriter(PRINT_OPTIONS);
    initializer(writer);
    initializers.push(writer.toString());
    return { ...declaration, initializer: `\0${initializers.length - 1}\0` };
  });
  return reindented(printStructure({ ...statement, declarations }, PRINT_OPTIONS))
    .replace(/\n*$/, '')
    .replace(/\0(\d+)\0/g, (_, index: string) => initializers[Number(index)]!);
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
