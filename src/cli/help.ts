/** `--help` texts. Keep them true to the code (test/cli/help.test.ts checks every flag listed is accepted). */
import { readFileSync } from 'node:fs';
import { catalog } from '../rules.js';
import { REPORT_FLAGS_HELP } from './args.js';

export const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();

const EXIT_CODES = `Exit codes:
  0    success (warnings may have been printed)
  1    the input has errors: error diagnostics, stale files under --check,
       lint errors, a merge conflict or an invalid merge result
  2    usage error: unknown command or flag, missing argument, invalid config
  3    a file could not be read or written (missing, a directory, not UTF-8)
  130  interrupted (SIGINT/SIGTERM) before anything was written
`;

const DIAGNOSTICS = `Diagnostics are printed to stderr (lint: stdout), one per line (--format text):
  file:line:col  severity  message  rule-id
A rule's severity can be changed, or the rule turned off, in the config:
  "rules": { "nonstandard-phrase": "off" }   (off, info, warning or error)
`;

/** Every rule of the catalog, one line each, for \`lint --help\`. */
const RULES = (() => {
  const width = Math.max(...[...catalog.keys()].map((id) => id.length));
  const lines = [...catalog.values()].map(
    ({ stage, rule }) => `  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${stage.padEnd(8)}  ${rule.description}`,
  );
  return `Rules (id, default severity, stage, what it reports):\n${lines.join('\n')}\n`;
})();

export const HELP = {
  main: `rst-codegen ${VERSION}: reStructuredText status-code and error-code pages to
TypeScript enums, JSON Schema and OpenAPI response components.

Usage: rst-codegen <command> [options]

Commands:
  generate   regenerate the output folder from the config (--check: verify only)
  tables     print every table of RST files (docutils oracle JSON with --json)
  model      print the intermediate model extracted from RST files
  lint       report problems in status/error-code pages (for doc maintainers)
  merge      upsert generated components into an existing OpenAPI spec

Run \`rst-codegen <command> --help\` for a command's options.

${DIAGNOSTICS}
${EXIT_CODES}`,

  generate: `Usage: rst-codegen generate [--check] [--config FILE] [--watch] [--no-cache]
                            [--format FORMAT] [--quiet] [--verbose] [--max-warnings N]

Reads the config (default ./rst-codegen.config.json), parses every listed page,
builds each service's model and writes <outDir>/<service>/ (model.json,
status-codes.ts, status-code.schema.json, openapi.json, and error-codes.ts,
error-response.schema.json when the service documents error codes) plus
<outDir>/index.ts and, when a package.json is above outDir,
<outDir>/package.json ("sideEffects": false, with the "type" of the one above;
config "packageJson": false turns it off).
The folder is replaced atomically: when anything fails,
nothing is written. outDir must be a folder of its own (not the project, not
holding inputs), and a file in it that rst-codegen did not write stops the run.

Options:
  -c, --config FILE       config file (default rst-codegen.config.json)
      --check             render in memory and compare: exit 1 naming each
                          stale, missing or extra file; exit 0 when all match
  -w, --watch             regenerate when the config or a page changes, or a
                          page appears under a docs folder (debounced); errors
                          are reported and watching goes on
      --no-cache          neither use nor update the run cache (below)
${REPORT_FLAGS_HELP}
  -h, --help              this text

Run cache: after a run that wrote the output or found it up to date, the hashes
of its inputs (config, every page read, rst-codegen's own code and version) and
of the files it wrote are kept in node_modules/.cache/rst-codegen/. A run with
the same inputs reads and hashes the output folder instead of rendering it, so
a hand-edited, missing or extra file is still reported.

With --quiet the summary table is not printed either. More warnings than
--max-warnings fail the run (exit 1) and nothing is written.

${DIAGNOSTICS}
${EXIT_CODES}`,

  tables: `Usage: rst-codegen tables FILE... [--json] [--format FORMAT] [--quiet]

Prints every table of each RST file (grid, simple, csv-table, list-table),
read as docutils reads them. With --json: one JSON object per file in the
docutils oracle's shape (source, tables[] with kind, line, directive_line,
title, header_rows, columns, rows, colwidths, stub_columns, cells[] and
messages[], then messages[]); pretty-printed for one file, one per line for
several.

Options:
      --json              JSON output
${REPORT_FLAGS_HELP}
  -h, --help              this text

${DIAGNOSTICS}
${EXIT_CODES}`,

  model: `Usage: rst-codegen model FILE... [--json] [--service NAME] [--config FILE]
                         [--format FORMAT] [--quiet] [--verbose] [--max-warnings N]

Builds the intermediate model (status codes with phrase, description and
group; status classes; error codes with statuses, message, description and
solution) from the given pages, read as one service.

Options:
      --json              print the model as JSON (the shape of model.json)
      --service NAME      service id (default: derived from the first file's
                          folder)
  -c, --config FILE       take the \`rules\` severities of this config (default:
                          rst-codegen.config.json when it exists)
${REPORT_FLAGS_HELP}
  -h, --help              this text

${DIAGNOSTICS}
${EXIT_CODES}`,

  lint: `Usage: rst-codegen lint PATH... [--config FILE] [--format text|json|github]
                        [--quiet] [--verbose] [--max-warnings N]

Checks status-code and error-code pages the way generate reads them, each
page on its own: malformed tables, unreadable rows, duplicate or out-of-order
codes, class codes, unregistered codes, phrases that differ from RFC 9110,
pages without a code table. A PATH is a file, a folder (every .rst file
below it) or a glob (\`docs/**/status_codes.rst\`; quote it). Diagnostics go
to stdout. Exits 1 when there are errors (or more warnings than
--max-warnings).

Options:
  -c, --config FILE       take the \`rules\` severities of this config (default:
                          rst-codegen.config.json when it exists)
${REPORT_FLAGS_HELP}
  -h, --help              this text

${DIAGNOSTICS}
${RULES}
${EXIT_CODES}`,
} as const;
