#!/usr/bin/python3
"""Times docutils' parser on RST files, the same work `rst-codegen tables`
does: parse each file (with the oracle's tolerant set-up, patched once) and
turn every table into the oracle's JSON. Prints {"seconds", "cpu_seconds",
"maxrss_mb", "files", "tables"} as JSON (seconds: wall; cpu_seconds: this
process's user+sys over the same span). Usage: docutils-bench.py ORACLE_SCRIPT FILE...
"""
import importlib.util
import io
import json
import resource
import sys
import time


def main(argv):
    spec = importlib.util.spec_from_file_location("rst_oracle", argv[0])
    oracle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oracle)
    from docutils import nodes, utils
    from docutils.frontend import get_default_settings
    from docutils.parsers.rst import Parser, directives, roles, states
    from docutils.parsers.rst.directives import tables as dtables

    # The oracle's set-up, once (its main() re-applies it on every call).
    states.Body.table = oracle.recording_table
    oracle.tag_directive_tables(dtables.RSTTable, "table")
    oracle.tag_directive_tables(dtables.CSVTable, "csv-table")
    oracle.tag_directive_tables(dtables.ListTable, "list-table")
    roles.role = oracle.tolerant_role
    directives.directive = oracle.tolerant_directive
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 10**9

    texts = [open(p, encoding="utf-8-sig").read() for p in argv[1:]]
    tables = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    for path, text in zip(argv[1:], texts):
        document = utils.new_document(path, settings)
        Parser().parse(text, document)
        tables += len([oracle.table_json(i, t) for i, t in enumerate(document.findall(nodes.table))])
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "maxrss_mb": maxrss_mb, "files": len(texts), "tables": tables}))


if __name__ == "__main__":
    main(sys.argv[1:])
