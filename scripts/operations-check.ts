/**
 * `npx tsx scripts/operations-check.ts [DIR]`: a quality self-check of the
 * operation model on a folder of services (default ../shared/corpus/api-ref):
 * the fields of each operation's first JSON request/response example against
 * the fields its tables document. "recall-like": example fields (whose parent
 * the tables document) found in the tables; "precision-like": table fields
 * seen in the example (examples are often partial, so this one is a floor).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { buildDocumentView } from '../src/model/operations/document-view.js';
import { fieldPaths, readExample } from '../src/model/operations/examples.js';
import { buildOperations } from '../src/model/operations/index.js';
import type { Schema } from '../src/model/operations/types.js';
import { fromRst } from '../src/parse/index.js';

const base = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '../../shared/corpus/api-ref'));
const CODE = /(status|error)_?codes?/i;
const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : e.name.endsWith('.rst') ? [path.join(d, e.name)] : [],
  );
const norm = (p: string): string => p.replace(/\[\]/g, '');

let both = 0;
let exampleOnly = 0;
let tableOnly = 0;
let operations = 0;
for (const service of readdirSync(base).sort()) {
  const texts = new Map<string, string>();
  const pages = walk(path.join(base, service))
    .filter((f) => !CODE.test(path.relative(path.join(base, service), f)))
    .map((f) => {
      const text = readFileSync(f, 'utf8');
      const rel = path.relative(base, f);
      texts.set(rel, text);
      return { path: rel, text, parse: () => fromRst(text, { skeleton: false, document: true }) };
    });
  const { model } = buildOperations(pages, new Map());
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? model.schemas[s.$ref.split('/').pop()!] : s);
  const tablePaths = (s: Schema | undefined, prefix: string, out: Set<string>, depth = 0): Set<string> => {
    const schema = resolve(s);
    if (!schema || depth > 12) return out;
    for (const x of schema.oneOf ?? []) tablePaths(x, prefix, out, depth + 1);
    if (schema.items) tablePaths(schema.items, prefix, out, depth + 1);
    for (const [k, v] of Object.entries(schema.properties ?? {})) {
      const p = prefix ? `${prefix}.${k}` : k;
      out.add(p);
      tablePaths(v, p, out, depth + 1);
    }
    return out;
  };
  for (const op of model.operations) {
    operations++;
    const file = op.pages[0]!;
    const text = texts.get(file)!;
    const root = fromRst(text, { skeleton: false, document: true });
    const view = buildDocumentView(file, text, root, root.document!);
    const bodies: Array<['request' | 'response', Schema | undefined]> = [
      ['request', op.requestBody?.mediaType === 'application/json' ? op.requestBody.schema : undefined],
      ['response', op.responses.find((r) => r.body?.mediaType === 'application/json')?.body?.schema],
    ];
    for (const [what, schema] of bodies) {
      if (!schema) continue;
      let lead = '';
      for (const b of view.blocks) {
        if (b.kind === 'paragraph') lead = b.text.length <= 200 ? b.text : '';
        if (b.kind !== 'code') continue;
        const trail = `${b.context.trail.join(' ')} ${lead}`.toLowerCase();
        lead = '';
        if ((what === 'response') !== /\bresponse|returned|output/.test(trail) || !/example|sample/.test(trail)) continue;
        const example = readExample(b.text);
        if (example.kind !== 'json') continue;
        const inExample = [...fieldPaths(example.value)].map(norm);
        const inTables = new Set([...tablePaths(schema, '', new Set())].map(norm));
        for (const p of new Set(inExample)) {
          const parent = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
          if (inTables.has(p)) both++;
          else if (parent === '' || inTables.has(parent)) exampleOnly++;
        }
        for (const t of inTables) if (!inExample.includes(t)) tableOnly++;
        break;
      }
    }
  }
}
console.log(
  `${operations} operations; example fields also in the tables: ${both}; only in examples (parent documented): ${exampleOnly}; only in tables: ${tableOnly}`,
);
console.log(`recall-like ${((both / (both + exampleOnly)) * 100).toFixed(1)}%, precision-like ${((both / (both + tableOnly)) * 100).toFixed(1)}%`);
