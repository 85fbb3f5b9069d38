/**
 * Diagnostics are vfile messages: one sentence, a place, a rule id and a
 * severity. Stages never throw on bad input; they `flag` a rule and go on.
 *
 * Every diagnostic comes from a named rule (`Rule`: id, default severity,
 * one-sentence description, a sentence builder over typed arguments). Each
 * stage keeps its rules in its own `rules.ts`, made with `defineRules`; the
 * catalog (src/rules.ts) gathers them all for `lint --help`, the README's
 * rules table and the config's `rules` key.
 */
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { Point, Position } from './parse/types.js';

export type Severity = 'error' | 'warning' | 'info';

/** Every diagnostic carries this `source`, so a reporter can tell ours from others'. */
export const SOURCE = 'rst-codegen';

/** One named rule. `Args` are the values its sentence needs. */
export interface Rule<Args = never> {
  /** Stable id (kebab-case): a user interface (CI annotations, grep, the config's `rules`). */
  readonly id: string;
  /** Default severity; the config's `rules` can change it per project. */
  readonly severity: Severity;
  /** What the rule checks, one sentence, for docs and `--help`. */
  readonly description: string;
  /** The diagnostic's sentence: one sentence, values in backticks. */
  message(args: Args): string;
}

/**
 * A stage's rules, keyed by id. Checks (at load time) that every key is its
 * rule's id, so a rule cannot be filed under another name.
 */
export function defineRules<const T extends Record<string, Rule<unknown>>>(rules: T): T {
  for (const [key, rule] of Object.entries(rules)) {
    if (rule.id !== key) throw new Error(`rule filed under \`${key}\` has id \`${rule.id}\``);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) throw new Error(`rule id \`${rule.id}\` is not kebab-case`);
  }
  return rules;
}

/**
 * Reports `rule` on `file` at `place` (omit it only for a problem with the
 * file as a whole). `severity` overrides the rule's default, for rules whose
 * level comes from the input (docutils' message levels).
 */
export function flag<Args>(file: VFile, rule: Rule<Args>, args: Args, place: Point | Position | undefined, severity: Severity = rule.severity): VFileMessage {
  // A vfile message is an Error, whose constructor captures the call stack (then vfile drops it): no capture,
  // which costs more than the rest of the message (a page of 200,000 tables gets one message per table)
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let message: VFileMessage;
  try {
    message = file.message(shared(rule.message(args)), { place, ruleId: rule.id, source: SOURCE });
  } finally {
    Error.stackTraceLimit = limit;
  }
  setSeverity(message, severity);
  return message;
}

/** Sentences seen before, each kept once (a page of 200,000 alike tables says the same of each). */
const sentences = new Map<string, string>();

/** The one copy of `text` (the first 10,000 distinct sentences are remembered; later ones are kept as given). */
function shared(text: string): string {
  const known = sentences.get(text);
  if (known !== undefined) return known;
  if (sentences.size < 10_000) sentences.set(text, text);
  return text;
}

/** vfile's encoding of a severity: `fatal` true = error, false = warning, undefined = info. */
function setSeverity(message: VFileMessage, severity: Severity): void {
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

/** docutils' system-message levels: 1 INFO -> info, 2 WARNING -> warning, 3 ERROR / 4 SEVERE -> error. The one place this is decided. */
export function severityOfLevel(level: 1 | 2 | 3 | 4): Severity {
  return level === 1 ? 'info' : level === 2 ? 'warning' : 'error';
}

/** A rule whose sentence is given whole by the code that finds the problem (file-system and docutils messages). */
export interface TextArgs {
  text: string;
}
export const asText = ({ text }: TextArgs): string => text;

/** A project's choice for a rule (the config's `rules`): a severity, or `off` to drop its diagnostics. */
export type RuleSetting = Severity | 'off';

/** Applies per-rule settings to the diagnostics already on `files` (dropping `off` rules, re-grading the others). */
export function applyRuleSettings(files: Iterable<VFile>, settings: Readonly<Record<string, RuleSetting>>): void {
  const has = (id: string | undefined): id is string => id !== undefined && Object.hasOwn(settings, id);
  for (const file of files) {
    if (!file.messages.some((m) => has(m.ruleId))) continue;
    file.messages = file.messages.filter((m) => !has(m.ruleId) || settings[m.ruleId] !== 'off');
    for (const m of file.messages) if (has(m.ruleId)) setSeverity(m, settings[m.ruleId] as Severity);
  }
}
