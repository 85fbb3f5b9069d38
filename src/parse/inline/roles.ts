/**
 * The roles of interpreted text, as docutils' `roles.py` runs them (in the
 * tolerant mode of the oracle `../shared/tools/rst-oracle.py`): the standard
 * roles by their English names, and unknown (Sphinx) roles read as
 * references (`:ref:`Title <label>`` -> `Title`, target `label`).
 */
import { pyInt } from '../block-text.js';
import type { ParseRuleArgs, ParseRuleId } from '../rules.js';
import type { RstMarked } from '../types.js';
import { isWs, PY_WS_RUN } from './chars.js';
import type { InlineSpec } from './nodes.js';
import { restoreBackslashes, unescape } from './text.js';

/** docutils.parsers.rst.languages.en.roles, plus the registry-only canonical name. */
const ROLE_CANONICAL: Readonly<Record<string, string>> = {
  abbreviation: 'abbreviation',
  ab: 'abbreviation',
  acronym: 'acronym',
  ac: 'acronym',
  code: 'code',
  index: 'index',
  i: 'index',
  subscript: 'subscript',
  sub: 'subscript',
  superscript: 'superscript',
  sup: 'superscript',
  'title-reference': 'title-reference',
  title: 'title-reference',
  t: 'title-reference',
  'pep-reference': 'pep-reference',
  pep: 'pep-reference',
  'rfc-reference': 'rfc-reference',
  rfc: 'rfc-reference',
  emphasis: 'emphasis',
  strong: 'strong',
  literal: 'literal',
  math: 'math',
  'named-reference': 'named-reference',
  'anonymous-reference': 'anonymous-reference',
  'footnote-reference': 'footnote-reference',
  'citation-reference': 'citation-reference',
  'substitution-reference': 'substitution-reference',
  target: 'target',
  'uri-reference': 'uri-reference',
  uri: 'uri-reference',
  url: 'uri-reference',
  raw: 'raw',
  'restructuredtext-unimplemented-role': 'restructuredtext-unimplemented-role',
};

const UNIMPLEMENTED_ROLES = new Set([
  'index',
  'named-reference',
  'anonymous-reference',
  'uri-reference',
  'footnote-reference',
  'citation-reference',
  'substitution-reference',
  'target',
  'restructuredtext-unimplemented-role',
]);

/** The oracle's `ROLE_TITLE_RE = ^(.+?)\s*<([^<>]+)>$` (re.S), returning group 1 or null. */
function roleTitle(text: string): string | null {
  const chars = Array.from(text);
  let gt = chars.length - 1;
  if (chars[gt] === '\n' && chars[gt - 1] === '>') gt -= 1;
  if (chars[gt] !== '>') return null;
  let lt = gt - 1;
  while (lt >= 0 && chars[lt] !== '<' && chars[lt] !== '>') lt--;
  if (lt < 1 || chars[lt] !== '<' || lt + 1 >= gt) return null;
  let k = lt;
  while (k > 1 && isWs(chars[k - 1])) k--;
  return chars.slice(0, k).join('');
}

/** Python `int(text)` for the texts a role gets; `null` where Python raises ValueError. */
function pythonInt(text: string): number | null {
  const value = pyInt(text);
  return typeof value === 'string' ? null : Number(value);
}

type SimpleType = RstMarked['type'];

const SIMPLE_ROLE_TYPES: Readonly<Record<string, SimpleType>> = {
  abbreviation: 'abbreviation',
  acronym: 'acronym',
  emphasis: 'emphasis',
  literal: 'literal',
  strong: 'strong',
  subscript: 'subscript',
  superscript: 'superscript',
  'title-reference': 'titleReference',
};

function numberRefSpec(role: string, target: string): InlineSpec {
  return { type: 'reference', role, target, explicit: false, refname: null, refuri: null, anonymous: false };
}

/** Sphinx roles whose target is lower-cased (`XRefRole(lowercase=True)` in the std domain). */
const LOWERCASE_TARGET_ROLES = new Set(['ref', 'numref', 'term']);

/**
 * An unknown (Sphinx) role's reference, as Sphinx's `ReferenceRole` reads
 * it: `explicit_title_re = ^(.+?)\s*(?<!\x00)<(.*?)>$` (DOTALL) on the
 * escaped text splits `Title <target>`; the target is unescaped, lower-cased
 * for `ref`, `numref` and `term`, and its whitespace runs become one space
 * (`XRefRole.process_link`).
 */
function sphinxRoleSpec(role: string, escaped: string): InlineSpec {
  const chars = Array.from(escaped);
  let target = escaped;
  let explicit = false;
  if (chars[chars.length - 1] === '>') {
    for (let i = 1; i < chars.length - 1; i++) {
      if (chars[i] === '<' && chars[i - 1] !== '\0') {
        target = chars.slice(i + 1, -1).join('');
        explicit = true;
        break;
      }
    }
  }
  if (escaped.startsWith('!')) {
    // Sphinx: "if the first character is a bang, don't cross-reference at all"
    return { type: 'reference', role, target: null, explicit, refname: null, refuri: null, anonymous: false };
  }
  let t = unescape(target);
  if (LOWERCASE_TARGET_ROLES.has(role.toLowerCase().split(':').pop() ?? '')) t = t.toLowerCase();
  t = t.replace(PY_WS_RUN, ' ');
  return { type: 'reference', role, target: t, explicit, refname: null, refuri: null, anonymous: false };
}

/** What a role function needs of the Inliner (docutils passes the Inliner itself). */
export interface RoleInliner {
  /** Whether inline nodes are built (`inlineNodes`); the role's node is made only then. */
  readonly withNodes: boolean;
  /** Names of the roles looked up and not known, in order. */
  readonly unknownRoles: string[];
  report<Id extends ParseRuleId>(id: Id, args: ParseRuleArgs[Id], at: number, line?: number): boolean;
  /** The state machine's current line (for messages docutils emits without a line). */
  currentLine(): number;
}

/** A role's text (`astext()` of what it built) and, when nodes are built, its node. */
export interface RoleResult {
  text: string;
  spec: InlineSpec | null;
}

/**
 * `Inliner.interpreted` + the role functions (tolerant mode of the oracle).
 * `rawSource`: the whole construct, role included; `escaped`: the text
 * between the backquotes (escapes as NULs); `at`: where messages point.
 */
export function interpretedRole(inliner: RoleInliner, rawSource: string, escaped: string, role: string, at: number): RoleResult {
  const nodes = inliner.withNodes;
  const canonical = role === '' ? 'title-reference' : ROLE_CANONICAL[role.toLowerCase()];
  if (canonical === undefined) {
    inliner.unknownRoles.push(role);
    // the oracle's generic_role: the title of `title <target>`, else the text without leading ~ or !
    const text = unescape(escaped);
    const spec = nodes ? sphinxRoleSpec(role, escaped) : null;
    return { text: roleTitle(text) ?? text.replace(/^[~!]+/, ''), spec };
  }
  if (UNIMPLEMENTED_ROLES.has(canonical)) {
    inliner.report('role-not-implemented', { role }, at);
    return { text: rawSource, spec: nodes ? { type: 'problematic' } : null };
  }
  switch (canonical) {
    case 'code':
    case 'math':
      return { text: restoreBackslashes(escaped), spec: nodes ? { type: canonical === 'code' ? 'literal' : 'math' } : null };
    case 'raw': {
      inliner.report('raw-role-disabled', {}, at, inliner.currentLine());
      return { text: rawSource, spec: nodes ? { type: 'problematic' } : null };
    }
    case 'pep-reference': {
      const num = pythonInt(unescape(escaped));
      if (num === null || num < 0 || num > 9999) {
        inliner.report('pep-number', { text: escaped }, at);
        return { text: rawSource, spec: nodes ? { type: 'problematic' } : null };
      }
      return { text: unescape(`PEP ${escaped}`), spec: nodes ? numberRefSpec(role, String(num)) : null };
    }
    case 'rfc-reference': {
      const plain = unescape(escaped);
      const num = pythonInt(escaped.includes('#') ? plain.slice(0, plain.indexOf('#')) : plain);
      if (num === null || num < 1) {
        inliner.report('rfc-number', { text: escaped }, at);
        return { text: rawSource, spec: nodes ? { type: 'problematic' } : null };
      }
      return { text: `RFC ${num}`, spec: nodes ? numberRefSpec(role, String(num)) : null };
    }
    default:
      // abbreviation, acronym, emphasis, literal, strong, subscript, superscript, title-reference
      return { text: unescape(escaped), spec: nodes ? { type: SIMPLE_ROLE_TYPES[canonical] ?? 'text' } : null };
  }
}
