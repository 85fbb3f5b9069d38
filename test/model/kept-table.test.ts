import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { buildServiceModel } from '../../src/model/index.js';
import { keepForModel } from '../../src/model/kept-table.js';
import { fromRst } from '../../src/parse/index.js';
import type { RstTable } from '../../src/parse/types.js';

const page = `Status codes
============

.. table:: **Table 1** Normal

   ===========  ===========
   Status Code  Description
   ===========  ===========
   200          OK
   404          Not found
   ===========  ===========

=====  =====
Name   Value
=====  =====
a      b
=====  =====

+-------+-------+
| Color | Shade |
+=======+=======+
| red   | dark  |
+-------+-------+
`;

/** The model and every diagnostic (rule, place, text) of the page, parsed with or without `keepForModel`. */
function read(mapTable: boolean) {
  const root = fromRst(page, { path: 'p.rst', literalBlocks: true, ...(mapTable ? { mapTable: keepForModel } : {}) });
  const file = new VFile({ path: 'p.rst' });
  const model = buildServiceModel({ service: 's', pages: [{ path: 'p.rst', root }] }, new Map([['p.rst', file]]));
  return { root, model, messages: file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`) };
}

describe('keepForModel (ParseOptions.mapTable)', () => {
  it('keeps a code table whole and any other table without its cells, in the same place', () => {
    const tables = fromRst(page, { skeleton: false }).children.filter((n): n is RstTable => n.type === 'table');
    expect(tables).toHaveLength(3);
    const kept = tables.map(keepForModel);
    expect(kept[0]).toBe(tables[0]);
    for (const i of [1, 2]) {
      expect(kept[i]).not.toBe(tables[i]);
      expect(kept[i]).toMatchObject({ cells: [], messages: [], index: tables[i]!.index, line: tables[i]!.line, position: tables[i]!.position });
    }
  });

  it('gives the model the same result and the same diagnostics as the whole tables', () => {
    const whole = read(false);
    const kept = read(true);
    expect(kept.model).toEqual(whole.model);
    expect(kept.messages).toEqual(whole.messages);
    expect(kept.messages.filter((m) => m.includes('not-a-code-table'))).toEqual([
      expect.stringContaining('`Name | Value`'),
      expect.stringContaining('`Color | Shade`'),
    ]);
    expect(kept.model.statusCodes.map((s) => s.code)).toEqual([200, 404]);
  });
});
