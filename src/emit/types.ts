/** Options and output shape shared by every emitter (the `emit` stage's contract). */

/**
 * How TypeScript enumerations are written: `'enum'` emits `export enum`,
 * `'const'` emits an `as const` object plus a same-named union type, which
 * also compiles under `--erasableSyntaxOnly`.
 */
export type EnumStyle = 'enum' | 'const';

export interface EmitOptions {
  style: EnumStyle;
}

/** One generated file: a posix path relative to the output directory and its full text (LF, trailing newline). */
export interface OutputFile {
  path: string;
  contents: string;
}
