import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { seedText } from './cli/helpers.js';

describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DEFAULT_CONFIG_NAME',
      'GENERATED_MARKER',
      'SOURCE',
      'STAGES',
      'WIRE_SETS',
      'buildServiceModel',
      'catalog',
      'compare',
      'createProcessor',
      'defineRules',
      'emitIndex',
      'emitPackageJson',
      'emitService',
      'flag',
      'fromRst',
      'generate',
      'httpStatus',
      'merge',
      'parseConfig',
      'rstEmit',
      'rstModel',
      'rstParse',
      'rules',
      'titleFromId',
      'toOracleJson',
    ]);
  });

  it('unified: rstParse + rstModel read the seed into its 18 codes, rstEmit writes its files', async () => {
    const processor = unified().use(api.rstParse).use(api.rstModel, { service: 'cloud-backup-recovery' }).use(api.rstEmit, { style: 'enum' });
    const page = new VFile({ path: 'status_codes.rst', value: seedText });
    const { model } = processor.runSync(processor.parse(page) as never, page);
    expect(model.statusCodes.map((s) => `${s.code} ${s.phrase} ${s.group}`)).toContain('407 Proxy Authentication Required Abnormal');
    expect(model.statusCodes).toHaveLength(18);
    expect(page.messages).toEqual([]);
    const file = await processor.process(new VFile({ path: 'status_codes.rst', value: seedText }));
    expect((file.result as api.OutputFile[]).map((f) => f.path)).toContain('cloud-backup-recovery/status-codes.ts');
  });

  it('generate() does not mutate its input and gives identical bytes twice', () => {
    const page = () => new VFile({ path: 'seeds/status_codes.rst', value: seedText });
    const services = [{ service: 'svc', title: 'Svc', pages: [page()] }];
    const frozen = JSON.stringify(services.map((s) => ({ ...s, pages: s.pages.map((p) => p.value) })));
    const first = api.generate(services, { style: 'const' }, new VFile());
    const second = api.generate([{ service: 'svc', title: 'Svc', pages: [page()] }], { style: 'const' }, new VFile());
    expect(JSON.stringify(services.map((s) => ({ ...s, pages: s.pages.map((p) => p.value) })))).toBe(frozen);
    expect(second.files).toEqual(first.files);
    expect(first.files.map((f) => f.path)).toEqual(['index.ts', 'svc/model.json', 'svc/openapi.json', 'svc/status-code.schema.json', 'svc/status-codes.ts']);
    expect(first.files.every((f) => f.contents.endsWith('\n') && !f.contents.includes('\r'))).toBe(true);
  });

  it('the model stage does not mutate the parsed tree', () => {
    const root = api.fromRst(seedText, { path: 'p.rst' });
    const before = JSON.stringify(root);
    api.buildServiceModel({ service: 'svc', pages: [{ path: 'p.rst', root }] }, new Map());
    expect(JSON.stringify(root)).toBe(before);
  });
});
