/** Minimal typing of the `restructured` package (it ships none). */
declare module 'restructured' {
  const restructured: unknown;
  export default restructured;
}
