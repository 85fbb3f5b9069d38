/**
 * The rule catalog: every diagnostic rst-codegen can report, by stage, in
 * pipeline order. `lint --help`, the README's rules table
 * (`npm run docs:rules`), the config's `rules` key and the rules tests are all
 * derived from it. Ids are unique across stages (checked when this module
 * loads).
 *
 * To add a stage: give it a `rules.ts` made with `defineRules` (see
 * src/diagnostics.ts) and add one line to `STAGES` below.
 */
import type { Rule } from './diagnostics.js';
import { readRules } from './cli/rules.js';
import { configRules } from './config-rules.js';
import { generateRules } from './generate-rules.js';
import { mergeRules } from './merge/rules.js';
import { parseRules } from './parse/rules.js';
import { rules as modelRules } from './model/rules.js';
import { operationRules } from './model/operations/rules.js';

export type Stage = 'config' | 'read' | 'parse' | 'model' | 'operations' | 'generate' | 'merge';

/** Every stage's rules, in pipeline order. Registering a stage is one line here. */
export const STAGES: ReadonlyArray<{ stage: Stage; rules: Readonly<Record<string, Rule<unknown>>> }> = [
  { stage: 'config', rules: configRules },
  { stage: 'read', rules: readRules },
  { stage: 'parse', rules: parseRules },
  { stage: 'model', rules: modelRules },
  { stage: 'operations', rules: operationRules },
  { stage: 'generate', rules: generateRules },
  { stage: 'merge', rules: mergeRules },
];

export interface CatalogEntry {
  stage: Stage;
  rule: Rule<unknown>;
}

/** Every rule by id; building it fails loudly on an id used twice. */
export const catalog: ReadonlyMap<string, CatalogEntry> = (() => {
  const map = new Map<string, CatalogEntry>();
  for (const { stage, rules } of STAGES) {
    for (const rule of Object.values(rules)) {
      const other = map.get(rule.id);
      if (other) throw new Error(`rule id \`${rule.id}\` is defined by both the ${other.stage} and the ${stage} stage`);
      map.set(rule.id, { stage, rule });
    }
  }
  return map;
})();

/** The catalogued ids nearest to `id` (edit distance), best first, for "did you mean" messages. */
export function closestRuleIds(id: string, count = 3): string[] {
  return [...catalog.keys()]
    .map((candidate) => ({ candidate, distance: editDistance(id, candidate) }))
    .sort((a, b) => a.distance - b.distance || (a.candidate < b.candidate ? -1 : 1))
    .slice(0, count)
    .map((c) => c.candidate);
}

/** Levenshtein distance, two rows (ids are short; inputs are clipped to 100 characters). */
function editDistance(a: string, b: string): number {
  const x = a.slice(0, 100);
  const y = b.slice(0, 100);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** The rules table of the README (between `<!-- rules -->` markers), generated from the catalog. */
export function rulesTable(): string {
  const rows = [...catalog.values()].map(({ stage, rule }) => `| \`${rule.id}\` | ${stage} | ${rule.severity} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| rule | stage | default severity | what it reports |', '|---|---|---|---|', ...rows].join('\n');
}
