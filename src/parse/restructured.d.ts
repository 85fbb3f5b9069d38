/** Minimal typing of the `restructured` package's PEG.js parser (it ships no types); skeleton.ts types its use. */
declare module 'restructured/lib/Parser.js' {
  const parser: unknown;
  export default parser;
}
