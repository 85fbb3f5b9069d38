/**
 * The CSV reader behind docutils' `csv-table` directive: a port of Python
 * 3.11's `_csv.c` reader state machine, driven as
 * `CSVTable.parse_csv_data_into_rows` drives it (each content line fed with a
 * `'\n'` appended, dialect `CSVTable.DocutilsDialect`: delimiter `,`, quote
 * `"`, doublequote, skipinitialspace unless `keepspace`, strict).
 *
 *   parseCsv('200, "OK, fine"\n404, "Not ""found"""', {})
 *   -> rows [['200', 'OK, fine'], ['404', 'Not "found"']]
 *
 * A blank line gives an empty row, as Python's csv module does. Errors come
 * back in docutils' words ('Error with CSV data in "csv-table" directive:\n'
 * + Python's csv.Error text), never as exceptions.
 */

export interface CsvOptions {
  /** `:delim:` already converted to one character (docutils: `tab` -> `\t`, `space` -> ` `). Default `,`. */
  delim?: string;
  /** `:quote:` character. Default `"`. */
  quote?: string;
  /** `:escape:` character; turns doublequote off. Default none. */
  escape?: string;
  /** `:keepspace:` flag: whitespace after a delimiter is kept. */
  keepspace?: boolean;
  /** Directive name used in the error message. Default `csv-table`. */
  directive?: string;
}

export interface CsvCell {
  /** The cell's text as Python's csv module returns it (quotes and escapes resolved). */
  value: string;
  /** 0-based index of the input line where the cell starts. */
  line: number;
  /** 0-based UTF-16 offset in that line of the cell's first character (its opening quote, if any). */
  column: number;
}

interface CsvError {
  /** docutils' message: 'Error with CSV data in "csv-table" directive:\n' + detail. */
  message: string;
  /** Python's csv.Error text, e.g. `',' expected after '"'`. */
  detail: string;
  /** 0-based index of the input line where the reader stopped. */
  line: number;
}

export interface CsvResult {
  /** The rows (none when there is an error, as docutils then makes no table). */
  rows: CsvCell[][];
  /** Length of the longest row (docutils' max_cols). */
  maxColumns: number;
  error: CsvError | null;
}

type State =
  'startRecord' | 'startField' | 'escapedChar' | 'inField' | 'inQuotedField' | 'escapeInQuotedField' | 'quoteInQuotedField' | 'eatCrnl' | 'afterEscapedCrnl';

/** Python's csv.field_size_limit() default. */
const FIELD_LIMIT = 131072;
const EOL = -1;

function dialectError(options: CsvOptions): string | null {
  for (const [name, value] of [
    ['delimiter', options.delim],
    ['quotechar', options.quote],
    ['escapechar', options.escape],
  ] as const) {
    if (value !== undefined && [...value].length !== 1) return `"${name}" must be a 1-character string`;
  }
  return null;
}

/**
 * Splits csv-table content into rows of cells, as Python's csv.reader does
 * with docutils' dialect. `text` is the directive content, lines separated
 * by `\n`.
 */
export function parseCsv(text: string, options: CsvOptions): CsvResult {
  const directive = options.directive ?? 'csv-table';
  const fail = (detail: string, line: number): CsvResult => ({
    rows: [],
    maxColumns: 0,
    error: { message: `Error with CSV data in "${directive}" directive:\n${detail}`, detail, line },
  });
  const invalid = dialectError(options);
  if (invalid !== null) return fail(invalid, 0);

  const delimiter = (options.delim ?? ',').codePointAt(0)!;
  const quotechar = (options.quote ?? '"').codePointAt(0)!;
  const escapechar = options.escape === undefined ? null : options.escape.codePointAt(0)!;
  const doublequote = options.escape === undefined;
  const skipInitialSpace = options.keepspace !== true;

  const lines = text === '' ? [] : text.split('\n');
  const rows: CsvCell[][] = [];
  let maxColumns = 0;
  let state: State = 'startRecord';
  let fields: CsvCell[] = [];
  let field: string[] = [];
  let fieldStart: { line: number; column: number } | null = null;
  let lineIndex = 0;
  let column = 0;
  let error: string | null = null;

  const saveField = (): void => {
    fields.push({
      value: field.join(''),
      line: fieldStart?.line ?? lineIndex,
      column: fieldStart?.column ?? column,
    });
    field = [];
    fieldStart = null;
  };
  const begin = (): void => {
    fieldStart ??= { line: lineIndex, column };
  };
  const addChar = (c: number): boolean => {
    if (field.length >= FIELD_LIMIT) {
      error = `field larger than field limit (${FIELD_LIMIT})`;
      return false;
    }
    field.push(String.fromCodePoint(c));
    return true;
  };
  const isNewline = (c: number): boolean => c === 0x0a || c === 0x0d;

  /** _csv.c parse_process_char; false on error. */
  const processChar = (c: number): boolean => {
    switch (state) {
      case 'startRecord':
        if (c === EOL) return true;
        if (isNewline(c)) {
          state = 'eatCrnl';
          return true;
        }
        state = 'startField';
      // falls through
      case 'startField':
        if (isNewline(c) || c === EOL) {
          begin();
          saveField();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else if (c === quotechar) {
          begin();
          state = 'inQuotedField';
        } else if (c === escapechar) {
          begin();
          state = 'escapedChar';
        } else if (c === 0x20 && skipInitialSpace) {
          // ignore spaces at start of field
        } else if (c === delimiter) {
          begin();
          saveField();
        } else {
          begin();
          if (!addChar(c)) return false;
          state = 'inField';
        }
        return true;
      case 'escapedChar':
        if (isNewline(c)) {
          if (!addChar(c)) return false;
          state = 'afterEscapedCrnl';
          return true;
        }
        if (!addChar(c === EOL ? 0x0a : c)) return false;
        state = 'inField';
        return true;
      case 'afterEscapedCrnl':
        if (c === EOL) return true;
        state = 'inField';
        return inField(c);
      case 'inField':
        return inField(c);
      case 'inQuotedField':
        if (c === EOL) {
          // the line's end inside quotes: the field goes on
        } else if (c === escapechar) {
          state = 'escapeInQuotedField';
        } else if (c === quotechar) {
          state = doublequote ? 'quoteInQuotedField' : 'inField';
        } else if (!addChar(c)) return false;
        return true;
      case 'escapeInQuotedField':
        if (!addChar(c === EOL ? 0x0a : c)) return false;
        state = 'inQuotedField';
        return true;
      case 'quoteInQuotedField':
        if (c === quotechar) {
          if (!addChar(c)) return false;
          state = 'inQuotedField';
        } else if (c === delimiter) {
          saveField();
          state = 'startField';
        } else if (isNewline(c) || c === EOL) {
          saveField();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else {
          error = `'${String.fromCodePoint(delimiter)}' expected after '${String.fromCodePoint(quotechar)}'`;
          return false;
        }
        return true;
      case 'eatCrnl':
        if (isNewline(c)) return true;
        if (c === EOL) {
          state = 'startRecord';
          return true;
        }
        error = "new-line character seen in unquoted field - do you need to open the file with newline=''?";
        return false;
    }
  };
  const inField = (c: number): boolean => {
    if (isNewline(c) || c === EOL) {
      saveField();
      state = c === EOL ? 'startRecord' : 'eatCrnl';
    } else if (c === escapechar) {
      state = 'escapedChar';
    } else if (c === delimiter) {
      saveField();
      state = 'startField';
    } else if (!addChar(c)) return false;
    return true;
  };

  // Reader_iternext over the lines, each with '\n' appended.
  while (lineIndex < lines.length) {
    fields = [];
    field = [];
    fieldStart = null;
    state = 'startRecord';
    do {
      if (lineIndex >= lines.length) {
        if (field.length !== 0 || (state as State) === 'inQuotedField') return fail('unexpected end of data', lines.length - 1);
        return { rows, maxColumns, error: null };
      }
      const line = `${lines[lineIndex]!}\n`;
      column = 0;
      for (const char of line) {
        if (!processChar(char.codePointAt(0)!)) return fail(error ?? 'CSV error', lineIndex);
        column += char.length;
      }
      if (!processChar(EOL)) return fail(error ?? 'CSV error', lineIndex);
      lineIndex += 1;
    } while (state !== 'startRecord');
    rows.push(fields);
    maxColumns = Math.max(maxColumns, fields.length);
  }
  return { rows, maxColumns, error: null };
}
