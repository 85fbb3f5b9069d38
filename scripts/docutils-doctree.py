#!/usr/bin/python3
"""docutils-doctree: what docutils itself reads in RST files, for checking
rst-codegen's document tree (`fromRst(text, { document: true })`).

Usage:
  docutils-doctree.py [--base DIR] FILE...      one JSON object per line
  docutils-doctree.py [--base DIR] -  < LIST    file names, one per line
  docutils-doctree.py --json < TEXTS           a JSON array of documents

All files are read in one process. docutils runs as ../shared/tools/rst-oracle.py
runs it (parser only, tolerant mode: unknown roles become their display text,
unknown directives a container whose content is parsed, file insertion and raw
disabled), plus docutils' own PropagateTargets transform, so that a
`.. _label:` names the element after it.

Unknown roles (Sphinx's :ref:, :doc: ...) keep their target, read as Sphinx's
ReferenceRole/XRefRole read it: `explicit_title_re` on the escaped text,
unescaped, lower-cased for ref/numref/term, whitespace runs -> one space.

Output per file (every line number is the real 1-based source line):
  {"source": FILE (relative to --base),
   "labels": [{"name", "line" (of the target or directive), "element" (docutils
              tag of the node that carries it)}],
   "sections": [{"title", "depth", "line" (title line), "labels"}],
   "tables": [{"title", "labels"}],
   "literal_blocks": [{"text", "language", "directive", "line", "labels"}],
   "list_items": [{"line", "text", "inline", "labels"}],   # first paragraph
   "paragraphs": [{"line", "text", "inline", "refs"}],
   "admonitions": [{"name", "title", "blocks" (child tags), "labels"}],
   "definitions": [{"term", "classifiers", "labels"}]}
Paragraphs of csv-table cells have line null (docutils numbers their lines from 1).
"inline" is [[kind, text], ...] (kinds: text, strong, emphasis, literal,
reference, ...; adjacent text merged); "refs" lists the references:
{"role", "title", "target", "explicit"} for roles, {"title", "refname"|"refuri"
|"anonymous"} for hyperlink references (standalone URIs are text).
"""
import io
import json
import os
import re
import sys
import unicodedata

from docutils import nodes, utils
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Directive, Parser, directives, roles, states
from docutils.parsers.rst.directives import body as dbody
from docutils.statemachine import State, StringList
from docutils.transforms.references import PropagateTargets

ROLE_TITLE_RE = re.compile(r"^(.+?)\s*<([^<>]+)>$", re.S)        # the oracle's
EXPLICIT_TITLE_RE = re.compile(r"^(.+?)\s*(?<!\x00)<(.*?)>$", re.DOTALL)  # Sphinx's
WS_RE = re.compile(r"\s+")
LOWERCASE_ROLES = {"ref", "numref", "term"}


def _quiet_reporter():
    return utils.Reporter("doctree", 5, 5, stream=io.StringIO())


def generic_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    """The oracle's generic role (same display text), keeping the Sphinx target."""
    shown_text = utils.unescape(text)
    m = ROLE_TITLE_RE.match(shown_text)
    shown = m.group(1) if m else shown_text.lstrip("~!")
    node = nodes.inline(rawtext, shown, classes=["role-" + name])
    em = EXPLICIT_TITLE_RE.match(text)
    target = utils.unescape(em.group(2)) if em else utils.unescape(text)
    if name.lower().split(":")[-1] in LOWERCASE_ROLES:
        target = target.lower()
    node["doctree-role"] = name
    # a leading "!": no cross-reference (Sphinx's XRefRole.disabled)
    node["doctree-target"] = None if text.startswith("!") else WS_RE.sub(" ", target)
    node["doctree-explicit"] = bool(em)
    return [node], []


class AnyOptions(dict):
    def __missing__(self, key):
        return directives.unchanged


class GenericDirective(Directive):
    optional_arguments = 100
    final_argument_whitespace = True
    option_spec = AnyOptions(__any__=directives.unchanged)
    has_content = True

    def run(self):
        node = nodes.container(classes=["unknown-directive", self.name])
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


_orig_role = roles.role
_orig_directive = directives.directive


def tolerant_role(role_name, language_module, lineno, reporter):
    fn, _ = _orig_role(role_name, language_module, lineno, _quiet_reporter())
    if fn is None:
        return generic_role, []
    return _orig_role(role_name, language_module, lineno, reporter)


def tolerant_directive(directive_name, language_module, document):
    saved = document.reporter
    document.reporter = _quiet_reporter()
    try:
        cls, _ = _orig_directive(directive_name, language_module, document)
    finally:
        document.reporter = saved
    if cls is None:
        return GenericDirective, []
    return _orig_directive(directive_name, language_module, document)


# ------------------------------------------------------- where things are
_orig_add_target = states.Body.add_target


def add_target(self, targetname, refuri, target, lineno):
    _orig_add_target(self, targetname, refuri, target, lineno)
    target["doctree-line"] = self.state_machine.get_source_and_line(lineno)[1]


_orig_new_subsection = states.RSTState.new_subsection


def new_subsection(self, title, lineno, messages):
    parent = self.parent
    at = len(parent.children)
    try:
        _orig_new_subsection(self, title, lineno, messages)
    finally:
        if len(parent.children) > at and isinstance(parent[at], nodes.section):
            parent[at]["doctree-line"] = self.state_machine.get_source_and_line(lineno)[1]


_orig_add_name = Directive.add_name


def add_name(self, node):
    if "name" in self.options:
        node["doctree-name-line"] = self.state_machine.get_source_and_line(self.lineno)[1]
        node["doctree-name"] = nodes.fully_normalize_name(self.options["name"])
    _orig_add_name(self, node)


_orig_code_run = dbody.CodeBlock.run


def code_run(self):
    result = _orig_code_run(self)
    for n in result:
        if isinstance(n, nodes.literal_block):
            n["doctree-language"] = self.arguments[0] if self.arguments else None
            n["doctree-directive"] = self.name
            n["doctree-code"] = "\n".join(self.content)   # without :number-lines: numbers
            n["doctree-line"] = self.state_machine.get_source_and_line(self.lineno)[1]
    return result


_orig_parsed_literal_run = dbody.ParsedLiteral.run


def parsed_literal_run(self):
    result = _orig_parsed_literal_run(self)
    for n in result:
        if isinstance(n, nodes.literal_block):
            n["doctree-language"] = None
            n["doctree-directive"] = self.name
            n["doctree-line"] = self.state_machine.get_source_and_line(self.lineno)[1]
    return result


from docutils.parsers.rst.directives import tables as dtables
_orig_csv_run = dtables.CSVTable.run


def csv_run(self):
    result = _orig_csv_run(self)
    for n in result:
        if isinstance(n, nodes.table):
            n["doctree-csv"] = True
    return result


# ------------------------------------------------ speed, same results
# docutils looks every character of every table line up in unicodedata (combining
# characters, East Asian widths). No ASCII character is combining or wide (checked
# below, at start-up), so an ASCII line takes the short way to the same result;
# any other line goes through docutils' own code.
_orig_column_indices = utils.column_indices
_orig_pad_double_width = StringList.pad_double_width


def column_indices(text):
    return list(range(len(text))) if text.isascii() else _orig_column_indices(text)


def pad_double_width(self, pad_char):
    if all(not isinstance(line, str) or line.isascii() for line in self.data):
        return
    _orig_pad_double_width(self, pad_char)


# A state's transitions depend only on its class (patterns are class attributes):
# docutils makes them again for each of the ~200,000 states it creates; here
# each class's list is made once, and each state binds its own methods.
_orig_make_transitions = State.make_transitions
_transitions_of = {}


def make_transitions(self, name_list):
    try:
        key = (type(self), tuple(name_list))
        made = _transitions_of.get(key)
    except TypeError:   # an unhashable list: docutils' own way
        return _orig_make_transitions(self, name_list)
    if made is None:
        names, transitions = _orig_make_transitions(self, name_list)
        made = _transitions_of[key] = (names, [(n, transitions[n][0], transitions[n][2]) for n in names])
    names, rows = made
    return list(names), {n: (pattern, getattr(self, n), next_state) for n, pattern, next_state in rows}


def check_ascii_shortcut():
    for c in map(chr, range(128)):
        if unicodedata.combining(c) or unicodedata.east_asian_width(c) in "WF":
            raise SystemExit("docutils-doctree: ASCII %r is combining or wide" % c)


def install():
    check_ascii_shortcut()
    utils.column_indices = column_indices
    StringList.pad_double_width = pad_double_width
    State.make_transitions = make_transitions
    dtables.CSVTable.run = csv_run
    roles.role = tolerant_role
    directives.directive = tolerant_directive
    states.Body.add_target = add_target
    states.RSTState.new_subsection = new_subsection
    Directive.add_name = add_name
    dbody.CodeBlock.run = code_run
    dbody.ParsedLiteral.run = parsed_literal_run


# ----------------------------------------------------------------- output
def collapse(text):
    return " ".join(text.split())


def inline_of(par):
    """[[kind, text], ...] of a paragraph's children, adjacent text merged."""
    out = []

    def add(kind, text):
        if kind == "text":
            if not text:
                return
            if out and out[-1][0] == "text":
                out[-1][1] += text
                return
        out.append([kind, text])

    for c in par.children:
        if isinstance(c, nodes.Text):
            add("text", c.astext())
        elif isinstance(c, nodes.reference):
            if len(c.children) == 1 and isinstance(c[0], nodes.substitution_reference):
                add("substitutionReference", c.astext())
            elif "name" in c or c.get("anonymous"):
                add("reference", c.astext())
            else:
                add("text", c.astext())   # standalone URI, PEP/RFC reference
        elif isinstance(c, nodes.inline) and "doctree-role" in c:
            add("reference", c.astext())
        elif isinstance(c, nodes.target):
            if c.astext():
                add("inlineTarget", c.astext())
        else:
            kind = {
                "title_reference": "titleReference",
                "footnote_reference": "footnoteReference",
                "citation_reference": "citationReference",
                "substitution_reference": "substitutionReference",
            }.get(c.tagname, c.tagname)
            add(kind, c.astext())
    return out


def refs_of(par):
    out = []
    for c in par.findall(include_self=False):
        if isinstance(c, nodes.inline) and "doctree-role" in c:
            out.append({"role": c["doctree-role"], "title": c.astext(),
                        "target": c["doctree-target"],
                        "explicit": c["doctree-explicit"]})
        elif isinstance(c, nodes.reference) and ("name" in c or c.get("anonymous")):
            r = {"title": c.astext()}
            if c.get("refuri"):
                r["refuri"] = c["refuri"]
            elif c.get("refname"):
                r["refname"] = c["refname"]
            elif c.get("anonymous"):
                r["anonymous"] = True
            out.append(r)
    return out


def first_line(node, in_csv):
    """Real line of the first paragraph, literal block or (kept) target in the node (not in a csv-table)."""
    for n in node.findall(nodes.Element):
        if isinstance(n, nodes.target) and n.get("refid") or id(n) in in_csv:
            continue
        if isinstance(n, (nodes.paragraph, nodes.literal_block, nodes.target)) and not isinstance(n.parent, (nodes.system_message, nodes.TextElement)):
            return n.get("doctree-line", n.line)
    return None


def elements_of(document):
    """Every element of the document (itself first), in document order, as
    `document.findall(nodes.Element)` gives them: one walk instead of a
    findall per kind (PropagateTargets changes attributes, not the tree)."""
    out = []
    stack = [document]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in reversed(node.children) if isinstance(c, nodes.Element))
    return out


def summary(document, source):
    elements = elements_of(document)

    def every(cls):
        return [n for n in elements if isinstance(n, cls)]

    # label names as written in the source (a duplicate's name moves to dupnames)
    snapshot = {}
    for t in every(nodes.target):
        if isinstance(t.parent, nodes.TextElement):
            continue
        snapshot[id(t)] = list(t["names"]) + list(t["dupnames"])
    targets = [t for t in every(nodes.target) if id(t) in snapshot]
    PropagateTargets(document).apply()
    labels = []
    label_names = {}

    def note(node, name, line):
        labels.append({"name": name, "line": line, "element": node.tagname})
        label_names.setdefault(id(node), []).append(name)

    for t in targets:
        names = snapshot[id(t)]
        line = t.get("doctree-line")
        if t.get("refid"):
            recipient = document.ids.get(t["refid"])
            for name in names:
                note(recipient, name, line)
        elif not (t.get("refuri") or t.get("refname")):
            # nothing after it could take the names: they stay on the target
            for name in names:
                note(t, name, line)
    for n in elements:
        if "doctree-name" in n:
            note(n, n["doctree-name"], n["doctree-name-line"])
    labels.sort(key=lambda l: (l["line"] if l["line"] is not None else 0))

    def labels_of(node):
        return label_names.get(id(node), [])

    sections = []
    for s in every(nodes.section):
        depth = 0
        p = s
        while p is not None:
            if isinstance(p, nodes.section):
                depth += 1
            p = p.parent
        title = next((c.astext() for c in s.children if isinstance(c, nodes.title)), "")
        sections.append({"title": title, "depth": depth, "line": s.get("doctree-line"),
                         "labels": labels_of(s)})
    tables = []
    for t in every(nodes.table):
        title = next((c.astext() for c in t.children if isinstance(c, nodes.title)), None)
        tables.append({"title": title, "labels": labels_of(t)})
    literal_blocks = []
    for b in every(nodes.literal_block):
        if isinstance(b.parent, nodes.system_message):
            continue
        literal_blocks.append({"text": b.get("doctree-code", b.astext()), "language": b.get("doctree-language"),
                               "directive": b.get("doctree-directive"),
                               "line": b.get("doctree-line", b.line), "labels": labels_of(b)})
    in_csv = set()   # paragraphs of csv-table cells: docutils numbers their lines from 1
    for t in every(nodes.table):
        if t.get("doctree-csv"):
            for p in t.findall(nodes.paragraph):
                in_csv.add(id(p))
    list_items = []
    for li in every(nodes.list_item):
        # a target that gave its names away (`-  .. _x:` before the item's paragraph) and
        # system messages are left out
        kept = [c for c in li.children
                if not (isinstance(c, nodes.target) and c.get("refid") or isinstance(c, nodes.system_message))]
        par = kept[0] if kept and isinstance(kept[0], nodes.paragraph) else None
        list_items.append({"line": first_line(li, in_csv),
                           "text": collapse(par.astext()) if par is not None else None,
                           "inline": inline_of(par) if par is not None else None,
                           "labels": labels_of(li)})
    paragraphs = []
    for p in every(nodes.paragraph):
        if isinstance(p.parent, nodes.system_message):
            continue
        paragraphs.append({"line": None if id(p) in in_csv else p.line, "text": collapse(p.astext()),
                           "inline": inline_of(p), "refs": refs_of(p)})
    admonitions = []
    for a in every(nodes.Admonition):
        title = next((c.astext() for c in a.children if isinstance(c, nodes.title)), None)
        admonitions.append({"name": a.tagname, "title": title,
                            "blocks": [c.tagname for c in a.children
                                       if not isinstance(c, (nodes.title, nodes.system_message))
                                       and not (isinstance(c, nodes.target) and c.get("refid"))],
                            "labels": labels_of(a)})
    definitions = []
    for d in every(nodes.definition_list_item):
        term = next((c for c in d.children if isinstance(c, nodes.term)), None)
        # (no line: docutils gives a term the line of its definition's end)
        definitions.append({"term": term.astext() if term is not None else "",
                            "classifiers": [c.astext() for c in d.children if isinstance(c, nodes.classifier)],
                            "labels": labels_of(d)})
    return {"source": source, "labels": labels, "sections": sections, "tables": tables,
            "literal_blocks": literal_blocks, "list_items": list_items, "paragraphs": paragraphs,
            "admonitions": admonitions, "definitions": definitions}


def parse(path):
    text = sys.stdin.read() if path == "-" else open(path, encoding="utf-8-sig").read()
    return parse_text(text, path)


def parse_text(text, path):
    settings = get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.warning_stream = io.StringIO()
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.line_length_limit = 10**9
    document = utils.new_document(path, settings)
    Parser().parse(text, document)
    return document


def main(argv):
    base = None
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--base":
            base = argv[i + 1]
            i += 2
            continue
        args.append(argv[i])
        i += 1
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    install()
    out = sys.stdout
    if args == ["--json"]:
        # a JSON array of documents on stdin; "source" is each one's index
        for i, text in enumerate(json.load(sys.stdin)):
            try:
                out.write(json.dumps(summary(parse_text(text, "<%d>" % i), i), ensure_ascii=False) + "\n")
            except Exception as e:
                out.write(json.dumps({"source": i, "error": repr(e)}) + "\n")
        return 0
    files = [l.strip() for l in sys.stdin if l.strip()] if args == ["-"] else args
    for f in files:
        rel = os.path.relpath(f, base) if base else f
        try:
            doc = parse(f)
            out.write(json.dumps(summary(doc, rel), ensure_ascii=False) + "\n")
        except Exception as e:  # one bad file must not hide the others
            out.write(json.dumps({"source": rel, "error": repr(e)}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
