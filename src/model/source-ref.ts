/** Where something came from: the RST file (as given in the config, `/`-separated) and the 1-based line/column of its cell. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}
