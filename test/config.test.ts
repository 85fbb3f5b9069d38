import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { parseConfig } from '../src/config.js';

function check(text: string) {
  const file = new VFile({ path: 'rst-codegen.config.json' });
  const config = parseConfig(text, file);
  const messages = file.messages.map((m) => `${m.line}:${m.column} ${m.fatal ? 'error' : 'warning'} ${m.ruleId} ${m.reason}`);
  return { config, messages };
}

describe('parseConfig', () => {
  it('reads a valid config with defaults', () => {
    const { config, messages } = check(JSON.stringify({ services: [{ name: 'cloud-backup-recovery', status: ['seeds/a.rst'] }] }));
    expect(messages).toEqual([]);
    expect(config).toEqual({
      outDir: 'generated',
      style: 'enum',
      packageJson: true,
      rules: {},
      services: [{ name: 'cloud-backup-recovery', title: 'Cloud Backup Recovery', status: ['seeds/a.rst'], errors: [], docs: null }],
    });
  });

  it('reports an unknown key at its line and column', () => {
    const { config, messages } = check('{\n  "services": [\n    { "name": "a", "status": ["x.rst"], "statsu": [] }\n  ],\n  "outdir": "g"\n}\n');
    expect(config).toBeNull();
    expect(messages).toEqual([
      '5:3 error config-unknown-key Unknown key `outdir` in the config; expected one of `$schema`, `outDir`, `style`, `packageJson`, `rules`, `services`.',
      '3:41 error config-unknown-key Unknown key `statsu` in `services[0]`; expected one of `name`, `title`, `status`, `errors`, `docs`.',
    ]);
  });

  it('reports wrong types and bad values', () => {
    const { messages } = check('{"style": "enums", "services": [{"name": "Bad Name", "status": "a.rst"}]}');
    expect(messages).toContain('1:11 error config-value `style` must be `"enum"` or `"const"`, not `"enums"`.');
    expect(messages.some((m) => m.includes('config-value Service name `Bad Name`'))).toBe(true);
    expect(messages.some((m) => m.includes('config-type `services[0].status` must be an array of file paths.'))).toBe(true);
  });

  it('refuses paths outside the project', () => {
    const { config, messages } = check('{"outDir": "../out", "services": [{"name": "a", "status": ["/etc/passwd", "docs/../../x.rst"]}]}');
    expect(config).toBeNull();
    expect(messages.filter((m) => m.includes('config-path-outside'))).toHaveLength(3);
  });

  it('reports invalid JSON at its position', () => {
    const { config, messages } = check('{\n  "services": [,]\n}');
    expect(config).toBeNull();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toBe('2:16 error config-syntax The config is not valid JSON: unexpected `,` where a value was expected.');
  });

  it('reports a service listed twice and one with no pages', () => {
    const { messages } = check('{"services": [{"name": "a", "status": ["x.rst"]}, {"name": "a"}]}');
    expect(messages.some((m) => m.includes('config-duplicate Service `a` is listed twice, first listed at 1:24.'))).toBe(true);
    expect(messages.some((m) => m.includes('config-missing Service `a` lists no pages'))).toBe(true);
  });

  it('needs a services array', () => {
    expect(check('{}').messages).toEqual(['1:1 error config-missing The config needs a `services` array listing at least one service.']);
    expect(check('[]').messages).toEqual(['1:1 error config-type The config must be a JSON object with a `services` array.']);
  });
});

describe('parseConfig: rules, keys, hostile values', () => {
  const service = '{"name": "a", "status": ["x.rst"]}';
  it('reads per-rule severities and names the closest ids for an unknown one', () => {
    const ok = check(`{"rules": {"nonstandard-phrase": "off", "out-of-order": "error"}, "services": [${service}]}`);
    expect(ok.messages).toEqual([]);
    expect(ok.config?.rules).toEqual({ 'nonstandard-phrase': 'off', 'out-of-order': 'error' });
    const typo = check(`{"rules": {"nonstandard-phrse": "off"}, "services": [${service}]}`);
    expect(typo.config).toBeNull();
    expect(typo.messages).toEqual([
      '1:12 error config-unknown-rule Unknown rule `nonstandard-phrse` in `rules`; the closest rule ids are `nonstandard-phrase`, `no-status`, `no-code-table` (the README lists them all).',
    ]);
    const level = check(`{"rules": {"out-of-order": "fatal"}, "services": [${service}]}`);
    expect(level.messages).toEqual(['1:28 error config-value `rules.out-of-order` must be `"off"`, `"info"`, `"warning"` or `"error"`, not `"fatal"`.']);
  });

  it('refuses a NUL in a path as a config error at its place', () => {
    const { config, messages } = check(`{"outDir": "gen\\u0000x", "services": [{"name": "a", "status": ["a\\u0000.rst"]}]}`);
    expect(config).toBeNull();
    expect(messages).toEqual([
      '1:12 error config-value `outDir` contains a NUL character; give a path without one.',
      '1:64 error config-value `services[0].status[0]` contains a NUL character; give a path without one.',
    ]);
  });

  it('reports a key given twice', () => {
    expect(check(`{"style": "enum",\n "style": "const", "services": [${service}]}`).messages).toEqual([
      '2:2 error config-duplicate Key `style` is given twice in one object (first at 1:2).',
    ]);
  });

  it('80,000 unknown keys: reported up to a bound, in one linear pass', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `"k${i}": ${i}`).join(', ');
    const { config, messages } = check(`{${keys}, "services": [${service}]}`);
    expect(config).toBeNull();
    expect(messages).toHaveLength(51);
    expect(messages[0]).toBe(
      '1:2 error config-unknown-key Unknown key `k0` in the config; expected one of `$schema`, `outDir`, `style`, `packageJson`, `rules`, `services`.',
    );
    expect(messages[50]).toBe('1:1 error config-value … and 79950 more config errors.');
  });

  it('a long string value is clipped in messages', () => {
    const long = 'x'.repeat(1_000_000);
    const { messages } = check(`{"style": "${long}", "services": [${service}]}`);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.length).toBeLessThan(300);
  });
});

describe('scanJson', async () => {
  const { scanJson } = await import('../src/config-json.js');
  const error = (text: string) => {
    const r = scanJson(text);
    return r.ok ? null : { reason: r.reason, offset: r.offset };
  };
  it('accepts what JSON.parse accepts and locates what it rejects', () => {
    for (const ok of ['{}', '[1, -2.5e3, "a\\u00e9", true, null]', ' {"a": {"b": []}} ']) expect(error(ok)).toBeNull();
    expect(error('{"a": 1,}')).toEqual({ reason: 'unexpected `}` where a key string was expected', offset: 8 });
    expect(error('{"a" 1}')).toEqual({ reason: 'unexpected `1` where `:` was expected', offset: 5 });
    expect(error('[1 2]')).toEqual({ reason: 'unexpected `2` where `,` or `]` was expected', offset: 3 });
    expect(error('"abc')).toEqual({ reason: 'an unterminated string', offset: 4 });
    expect(error('{} x')?.offset).toBe(3);
    expect(error('['.repeat(600))?.reason).toBe('nesting is deeper than 512 levels');
  });
});
