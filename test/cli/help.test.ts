/** Keeps `--help` true to the code: every flag a help text lists is accepted by its command. */
import { describe, expect, it } from 'vitest';
import { project, run } from './helpers.js';

const commands = ['generate', 'tables', 'model', 'lint', 'merge'];
const dir = project({});

describe('--help', () => {
  it('the main help lists every command and the exit codes', async () => {
    const { code, stdout } = await run(['--help'], dir);
    expect(code).toBe(0);
    for (const c of commands) expect(stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    for (const exit of ['0', '1', '2', '3', '130']) expect(stdout).toMatch(new RegExp(`^  ${exit} +\\S`, 'm'));
  });

  for (const command of commands) {
    it(`${command}: every listed flag is accepted, an unknown one is refused`, async () => {
      const help = await run([command, '--help'], dir);
      expect(help.code).toBe(0);
      expect((await run(['help', command], dir)).stdout).toBe(help.stdout);
      // The usage line and the options section name the command's own flags.
      const own = help.stdout
        .split('\n\n')
        .filter((p) => p.startsWith('Usage:') || /^Options:/m.test(p))
        .join('\n');
      const flags = [...own.matchAll(/(?:^|[\s,[(|])(--[a-z][a-z-]*)(?:[ =]([A-Z][A-Z_]*|[a-z]+\|[a-z|]+))?/gm)].map((m) => ({ flag: m[1]!, value: m[2] }));
      // A flag mentioned in prose ("see --generated") takes its value from where it is listed.
      const valueOf = new Map<string, string | undefined>();
      for (const { flag, value } of flags) valueOf.set(flag, valueOf.get(flag) ?? value);
      expect(valueOf.size).toBeGreaterThan(1);
      for (const [flag, value] of valueOf) {
        const argv = [command, flag, ...(value ? [value.split('|')[0]!] : []), '--help'];
        const result = await run(argv, dir);
        expect([argv.join(' '), result.code, result.stderr]).toEqual([argv.join(' '), 0, '']);
      }
      const unknown = await run([command, '--no-such-flag'], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('an unknown command is a usage error', async () => {
    expect(await run(['frobnicate'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command `frobnicate`') });
  });
});
