/**
 * Vitest globalSetup (runs once before all test files): the CLI tests that
 * need a real process spawn the built CLI (`node bin/rst-codegen.js`, no
 * TypeScript loader), so dist/ must be the build of today's src/. It is
 * rebuilt (`tsc -p tsconfig.build.json`, as `npm run build`) when a file of
 * src/ is newer than its build, or has none.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './helpers/corpus.js';

/** The first file of src/ whose build in dist/ is missing or older than it, or null. */
function staleSource(): string | null {
  const src = path.join(repoRoot, 'src');
  for (const rel of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!rel.endsWith('.ts') || rel.endsWith('.d.ts')) continue;
    const out = path.join(repoRoot, 'dist', rel.replace(/\.ts$/, '.js'));
    if (!existsSync(out) || statSync(out).mtimeMs < statSync(path.join(src, rel)).mtimeMs) return rel;
  }
  return null;
}

export default function setup(): void {
  const stale = staleSource();
  if (stale === null) return;
  console.log(`globalSetup: dist/ is older than src/${stale}: building it (tsc -p tsconfig.build.json)`);
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: repoRoot, stdio: 'inherit' });
}
