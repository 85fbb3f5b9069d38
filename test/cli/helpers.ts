/** Runs the CLI in-process against a temporary project folder, capturing its output. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seedPath = path.join(repoRoot, 'seeds/cloud-backup-recovery/status_codes.rst');
export const seedText = readFileSync(seedPath, 'utf8');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** A temporary project: `files` maps relative paths to contents (string or bytes). */
export function project(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rst-codegen-project-'));
  for (const [name, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), contents);
  }
  return dir;
}

export function config(services: object[], extra: object = {}): string {
  return `${JSON.stringify({ ...extra, services }, null, 2)}\n`;
}

/** Every file under `dir` with its contents and mtime, to prove a folder untouched. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else out[child] = `${statSync(path.join(dir, child)).mtimeMs} ${readFileSync(path.join(dir, child), 'utf8')}`;
    }
  };
  walk('');
  return out;
}

/** A file's text, or '' while it is missing (a run's swap moves the output folder aside for an instant). */
export function textOf(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}
