/**
 * The parse rule catalog (src/parse/rules.ts): every rule is triggered by a
 * small document of its own, which reports it under its id; with docutils
 * present, the document's messages (level, line, text) are docutils' own.
 */
import { describe, expect, it } from 'vitest';
import { fromRst, toOracleJson } from '../../src/parse/index.js';
import { parseRules, type ParseRuleId } from '../../src/parse/rules.js';
import { docutils, runOracle } from './oracle-run.js';
import { parseTriggers as TRIGGERS, parseUntriggerable as UNTRIGGERABLE } from './rule-triggers.js';

describe('parse rule catalog', () => {
  it('gives every rule an id of its own, a level, a severity and a one-sentence description', () => {
    for (const [id, rule] of Object.entries(parseRules)) {
      expect(rule.id).toBe(id);
      expect([1, 2, 3, 4]).toContain(rule.level);
      expect(rule.severity).toBe(rule.level === 1 ? 'info' : rule.level === 2 ? 'warning' : 'error');
      expect(rule.description).toMatch(/^[A-Z`].*\.$/s);
    }
  });

  it('has a trigger for every rule, or says why not', () => {
    for (const id of Object.keys(parseRules) as ParseRuleId[]) {
      expect(id in TRIGGERS !== id in UNTRIGGERABLE, id).toBe(true);
    }
  });

  for (const [id, text] of Object.entries(TRIGGERS) as [ParseRuleId, string][]) {
    it(`reports ${id} under its id and level`, () => {
      const found = fromRst(text, { skeleton: id.startsWith('skeleton-') }).messages.filter((m) => m.ruleId === id);
      expect(found.length, JSON.stringify(fromRst(text, { skeleton: false }).messages)).toBeGreaterThan(0);
      for (const m of found) expect(m.level).toBe(parseRules[id].level);
    });
  }

  it.skipIf(!docutils)('reports what docutils reports for every trigger', () => {
    const ids = (Object.keys(TRIGGERS) as ParseRuleId[]).filter((id) => !id.startsWith('skeleton-') && id !== 'nesting-too-deep' && id !== 'too-many-messages');
    const expected = runOracle(ids.map((id) => TRIGGERS[id] ?? ''));
    ids.forEach((id, i) => {
      const got = toOracleJson(fromRst(TRIGGERS[id] ?? '', { path: 'case.rst', skeleton: false }), 'case.rst');
      expect({ id, messages: got.messages }).toEqual({ id, messages: expected[i]?.messages });
    });
  });
});
