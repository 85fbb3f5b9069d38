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
      services: [{ name: 'cloud-backup-recovery', title: 'Cloud Backup Recovery', status: ['seeds/a.rst'], errors: [], docs: null }],
    });
  });

  it('reports an unknown key at its line and column', () => {
    const { config, messages } = check('{\n  "services": [\n    { "name": "a", "status": ["x.rst"], "statsu": [] }\n  ],\n  "outdir": "g"\n}\n');
    expect(config).toBeNull();
    expect(messages).toEqual([
      "5:3 error config-unknown-key Unknown key `outdir` in the config; expected one of `$schema`, `outDir`, `style`, `services`.",
      "3:41 error config-unknown-key Unknown key `statsu` in `services[0]`; expected one of `name`, `title`, `status`, `errors`, `docs`.",
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

describe('jsonSyntaxError', async () => {
  const { jsonSyntaxError } = await import('../src/config.js');
  it('accepts what JSON.parse accepts and locates what it rejects', () => {
    for (const ok of ['{}', '[1, -2.5e3, "a\\u00e9", true, null]', ' {"a": {"b": []}} ']) expect(jsonSyntaxError(ok)).toBeNull();
    expect(jsonSyntaxError('{"a": 1,}')).toEqual({ reason: 'unexpected `}` where a key string was expected', offset: 8 });
    expect(jsonSyntaxError('{"a" 1}')).toEqual({ reason: 'unexpected `1` where `:` was expected', offset: 5 });
    expect(jsonSyntaxError('[1 2]')).toEqual({ reason: 'unexpected `2` where `,` or `]` was expected', offset: 3 });
    expect(jsonSyntaxError('"abc')).toEqual({ reason: 'an unterminated string', offset: 4 });
    expect(jsonSyntaxError('{} x')?.offset).toBe(3);
  });
});
