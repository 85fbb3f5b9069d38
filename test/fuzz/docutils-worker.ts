/**
 * A long-lived docutils 0.19 process (scripts/docutils-worker.py around
 * ../shared/tools/rst-oracle.py) answering one JSON line per document, so a
 * differential run pays python's start-up once. Requests are pipelined: ask
 * for many documents, then await them.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot, sharedDir } from '../helpers/corpus.js';
import type { OracleJson } from '../../src/parse/oracle-json.js';

const python = '/usr/bin/python3';
const oracle = path.join(sharedDir, 'tools', 'rst-oracle.py');
const worker = path.join(repoRoot, 'scripts', 'docutils-worker.py');

/** Whether python3 and the oracle are here (callers skip, saying so, when not). */
export const workerAvailable = existsSync(python) && existsSync(oracle);

/** docutils' reading of one document, or why there is none (docutils raised). */
export type OracleAnswer = { out: OracleJson } | { error: string };

interface Pending {
  resolve: (a: OracleAnswer) => void;
  reject: (e: Error) => void;
}

export class DocutilsWorker {
  private child: ChildProcessWithoutNullStreams;
  private pending = new Map<number, Pending>();
  private nextId = 0;
  private stderr = '';

  constructor() {
    this.child = spawn(python, [worker, oracle], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.on('data', (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      const answer = JSON.parse(line) as { id: number } & OracleAnswer;
      const p = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      p?.resolve(answer);
    });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`docutils worker exited (${code}): ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** docutils' reading of `text` (as the file `case.rst`). */
  ask(text: string): Promise<OracleAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`${JSON.stringify({ id, text })}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }
}
