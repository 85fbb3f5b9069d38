#!/usr/bin/python3
"""docutils-worker: ../shared/tools/rst-oracle.py as a long-lived process.

Usage: docutils-worker.py ORACLE.py

Reads JSON lines on stdin, each {"id": N, "text": "..."}, and answers each
with one JSON line {"id": N, "out": <what rst-oracle.py FILE --compact
prints>} (or {"id": N, "error": "..."} where docutils itself raised). The
text is written to a file called case.rst and read back as the oracle reads
files (utf-8-sig), so the answer is exactly the oracle's on that file.

The oracle's main() wraps the table directives' run() on each call; the
originals are put back before every call, so the wrapping never nests.
"""
import contextlib
import importlib.util
import io
import json
import os
import sys
import tempfile
import traceback


def main(argv):
    spec = importlib.util.spec_from_file_location("oracle", argv[0])
    oracle = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(oracle)
    from docutils.parsers.rst.directives import tables as dtables
    classes = (dtables.RSTTable, dtables.CSVTable, dtables.ListTable)
    runs = [cls.run for cls in classes]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "case.rst")
        for line in sys.stdin:
            request = json.loads(line)
            for cls, run in zip(classes, runs):
                cls.run = run
            oracle.unknown_roles.clear()
            oracle.unknown_directives.clear()
            buf = io.StringIO()
            try:
                with open(path, "w", encoding="utf-8", newline="") as f:
                    f.write(request["text"])
                with contextlib.redirect_stdout(buf):
                    oracle.main([path, "--compact"])
                answer = {"id": request["id"],
                          "out": json.loads(buf.getvalue())}
            except Exception:  # docutils itself raised: say so
                answer = {"id": request["id"],
                          "error": traceback.format_exc(limit=3)}
            sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
