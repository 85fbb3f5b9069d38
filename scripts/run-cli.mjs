#!/usr/bin/env node
// `npm run generate` / `npm run lint:docs`: the CLI as built in dist/ (no
// compile at every run, unlike tsx), unless a file in src/ is newer than its
// build output, or has none: then dist/ would be stale, so the CLI runs from
// src/ through tsx, with a note saying how to make it fast again
// (`npm run build`). The check is one stat per source file (a few ms).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** The first file under src/ whose dist/ output is missing or older, or undefined. */
function staleSource() {
  const pending = ['src'];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        pending.push(rel);
        continue;
      }
      if (!entry.isFile() || !rel.endsWith('.ts') || rel.endsWith('.d.ts')) continue;
      const built = path.join(root, 'dist', rel.slice('src/'.length).replace(/\.ts$/, '.js'));
      let builtTime;
      try {
        builtTime = statSync(built).mtimeMs;
      } catch {
        return rel;
      }
      if (statSync(path.join(root, rel)).mtimeMs > builtTime) return rel;
    }
  }
  return undefined;
}

const stale = staleSource();
if (stale === undefined) {
  await import('../bin/rst-codegen.js');
} else {
  process.stderr.write(
    `note: ${stale} is newer than its build in dist/; running src/ through tsx (slower). Run \`npm run build\` to run the built code again.\n`,
  );
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const result = spawnSync(tsx, [path.join(root, 'src', 'cli', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
