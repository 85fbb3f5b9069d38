/**
 * Writes the README's rules table (between `<!-- rules -->` and
 * `<!-- /rules -->`) from the rule catalog, src/rules.ts. `npm run docs:rules`;
 * test/rules.test.ts fails when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { rulesTable } from '../src/rules.js';

const path = new URL('../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const marked = /(<!-- rules -->)[\s\S]*?(<!-- \/rules -->)/;
if (!marked.test(readme)) throw new Error('README.md has no <!-- rules --> … <!-- /rules --> markers');
const next = readme.replace(marked, (_m, open: string, close: string) => `${open}\n${rulesTable()}\n${close}`);
if (next !== readme) writeFileSync(path, next);
console.log(next === readme ? 'README.md rules table is up to date.' : 'README.md rules table rewritten.');
