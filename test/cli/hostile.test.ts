/**
 * Issue 6, part 1, end to end: hostile text in a real RST page (status and
 * error tables) goes through parse -> model -> emit via the CLI; the output
 * type-checks, has exactly the statements a benign page gives, and every
 * text arrives intact in the JSON outputs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { topLevelStatements, typeCheck, validateJsonSchema, validateOpenApi } from '../helpers/validators.js';
import { config, project, run } from './helpers.js';

// U+2028/U+2029 are line breaks to docutils (Python's splitlines), so in a table row they make a
// malformed table, as docutils says too; the emit tests cover them inside texts (test/emit).
const HOSTILE = [
  'ends a comment */ here',
  'opens a comment /* here',
  'template ${process.exit(1)} and quotes " \' ` here',
  'script </script><script>alert(1)</script>',
  'control \u0001\u0007\u001b[31m chars',
  'bidi \u202eevil\u202c override',
  'emoji 😀 and 漢字 and Ελληνικά',
  'x'.repeat(10_000),
];

/** A simple table: its last column is unbounded, so any text fits. */
function page(descriptions: string[], errors: string[]): string {
  const bar = '=========== ==========';
  const status = [bar, 'Status Code Description', bar, ...descriptions.map((d, i) => `${400 + i} Delete  ${d}`), bar].join('\n');
  const eb = '=========== ================ ==========';
  const error = [
    eb,
    'Status Code Error Code       Error Message',
    eb,
    ...errors.map((e, i) => `400         SVC.${String(i).padStart(4, '0')}         ${e}`),
    eb,
  ].join('\n');
  return `Codes\n=====\n\nStatus codes\n------------\n\n${status}\n\nError codes\n-----------\n\n${error}\n`;
}

async function generateFrom(text: string) {
  const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['codes.rst'] }]), 'codes.rst': text });
  const result = await run(['generate'], dir);
  const read = (p: string) => readFileSync(path.join(dir, 'generated', p), 'utf8');
  return { result, read };
}

describe('hostile text from RST to generated code', () => {
  it('type-checks, adds no statement, and keeps every text', async () => {
    const hostile = await generateFrom(page(HOSTILE, HOSTILE));
    const benign = await generateFrom(
      page(
        HOSTILE.map((_, i) => `plain text ${i}`),
        HOSTILE.map((_, i) => `plain message ${i}`),
      ),
    );
    expect(hostile.result.code).toBe(0);
    expect(benign.result.code).toBe(0);
    for (const file of ['svc/status-codes.ts', 'svc/error-codes.ts', 'index.ts']) {
      expect(topLevelStatements(hostile.read(file))).toEqual(topLevelStatements(benign.read(file)));
    }
    const ts = {
      'index.ts': hostile.read('index.ts'),
      'svc/status-codes.ts': hostile.read('svc/status-codes.ts'),
      'svc/error-codes.ts': hostile.read('svc/error-codes.ts'),
    };
    expect(typeCheck(ts)).toEqual([]);
    // Texts arrive as docutils reads them (control characters included), whole, in the JSON outputs.
    const model = JSON.parse(hostile.read('svc/model.json'));
    const svc = model.services?.[0] ?? model;
    const descriptions = svc.statusCodes.map((s: { description: string }) => s.description);
    const messages = svc.errorCodes.flatMap((e: { messages: Array<{ text: string }> }) => e.messages.map((m) => m.text));
    // (texts docutils keeps verbatim: checked with ../shared/tools/rst-oracle.py)
    for (const text of [
      'ends a comment */ here',
      'opens a comment /* here',
      `template \${process.exit(1)} and quotes " ' \` here`,
      'script </script><script>alert(1)</script>',
      'emoji 😀 and 漢字 and Ελληνικά',
      'x'.repeat(10_000),
    ]) {
      expect(descriptions).toContain(text);
      expect(messages).toContain(text);
    }
    expect(validateJsonSchema(JSON.parse(hostile.read('svc/status-code.schema.json'))).errors).toEqual([]);
    expect(await validateOpenApi(JSON.parse(hostile.read('svc/openapi.json')))).toEqual([]);
    // No raw line separator or unescaped comment close can appear inside a generated comment.
    const statusTs = hostile.read('svc/status-codes.ts');
    expect(statusTs).not.toMatch(/[\u2028\u2029]/);
    for (const comment of statusTs.match(/\/\*\*[\s\S]*?\*\//g) ?? []) expect(comment.slice(3, -2)).not.toContain('*/');
  });
});
