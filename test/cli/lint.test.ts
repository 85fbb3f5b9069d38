/** `rst-codegen lint` on real pages: what maintainers are shown, in both formats, with exit codes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codesDocsDir as docs, sharedPresent } from '../helpers/corpus.js';
import { project, repoRoot, run, seedText } from './helpers.js';

const present = sharedPresent('lint corpus test', [docs]);

describe.skipIf(!present)('lint on corpus pages', () => {
  const gemini = path.join(docs, 'geminidb-temp/api-ref/source/appendixes/status_codes.rst');
  const evs = path.join(docs, 'elastic-volume-service/api-ref/source/appendix/error_codes.rst');
  const elb = path.join(docs, 'elastic-load-balancing/api-ref/source/apis_v2.0/tag/status_codes.rst');

  it('reports obsolete phrases, duplicates and out-of-order rows at file:line:col', async () => {
    const { code, stdout } = await run(['lint', gemini, evs], repoRoot);
    expect(code).toBe(0); // warnings only
    expect(stdout).toContain(`${gemini}:15:4  warning  Status code \`202\` comes after \`204\`  out-of-order`);
    expect(stdout).toContain(
      `${gemini}:45:30  warning  Phrase \`Request Entity Too Large\` of status \`413\` is the obsolete name of \`Content Too Large\`  nonstandard-phrase`,
    );
    expect(stdout).toContain(`${evs}:260:17  warning  Duplicate error code \`EVS.5400\`, first defined at 258:17  duplicate-code`);
    expect(stdout).toMatch(/^2 file\(s\): 0 errors, \d+ warnings, \d+ infos?$/m);
  });

  it('--format json gives one object per diagnostic', async () => {
    const { code, stdout } = await run(['lint', elb, '--format', 'json'], repoRoot);
    expect(code).toBe(0);
    const messages = JSON.parse(stdout) as Array<{ file: string; line: number; column: number; severity: string; ruleId: string; message: string }>;
    expect(messages).toContainEqual({
      file: elb,
      line: 61,
      column: 20,
      severity: 'warning',
      ruleId: 'unreadable-row',
      message: 'Row 18 has no readable code in `Error Code` (`-`), so it is skipped',
    });
    expect(messages.every((m) => m.file === elb && m.line >= 1 && m.column >= 1)).toBe(true);
  });
});

describe('lint exit codes', () => {
  it('exits 1 on errors (a malformed table) and names the place', async () => {
    const broken = seedText.replace('forbidden.                                               |', 'forbidden.                                              |');
    const dir = project({ 'status_codes.rst': broken });
    const { code, stdout } = await run(['lint', 'status_codes.rst'], dir);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^status_codes\.rst:24:4 {2}error {2}Malformed table\..* {2}malformed-table$/m);
  });
  it('exits 3 for a missing file and 2 without files', async () => {
    const dir = project({});
    expect((await run(['lint', 'nope.rst'], dir)).code).toBe(3);
    expect((await run(['lint'], dir)).code).toBe(2);
  });
});
