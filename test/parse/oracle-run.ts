/**
 * docutils' oracle (../shared/tools/rst-oracle.py) run live on many small
 * documents in one python3 process, for tests that generate their input.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const oracle = path.resolve(repoRoot, '..', 'shared', 'tools', 'rst-oracle.py');
const python = '/usr/bin/python3';

/** Whether python3-docutils and the oracle are here (tests skip, saying so, when not). */
export const docutils = existsSync(oracle) && existsSync(python) && spawnSync(python, ['-c', 'import docutils'], { encoding: 'utf8' }).status === 0;

export interface OracleOutput {
  tables: unknown[];
  messages: { level: number; type: string; line: number; message: string }[];
}

const DRIVER = `
import contextlib, importlib.util, io, json, os, sys, tempfile
spec = importlib.util.spec_from_file_location('oracle', sys.argv[1])
oracle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(oracle)
out = []
with tempfile.TemporaryDirectory() as tmp:
    for text in json.load(sys.stdin):
        p = os.path.join(tmp, 'case.rst')
        with open(p, 'w', encoding='utf-8') as f:
            f.write(text)
        buf = io.StringIO()
        try:
            with contextlib.redirect_stdout(buf):
                oracle.main([p, '--compact'])
            out.append(json.loads(buf.getvalue()))
        except Exception:
            out.append(None)
        oracle.unknown_roles.clear()
        oracle.unknown_directives.clear()
print(json.dumps(out))
`;

/** The oracle's output for each text (the file is called `case.rst`); null where docutils itself raised. */
export function runOracle(texts: readonly string[]): (OracleOutput | null)[] {
  const r = spawnSync(python, ['-c', DRIVER, oracle], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`oracle failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as (OracleOutput | null)[];
}
