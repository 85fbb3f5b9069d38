import { it } from 'vitest';
import { config, project, run, seedText } from './helpers.js';
it('probe', async () => {
  let t = performance.now(); let c0 = process.cpuUsage();
  const lap = (w: string) => { const c = process.cpuUsage(c0); console.log(w, Math.round(performance.now() - t), 'ms wall', Math.round((c.user + c.system) / 1000), 'ms cpu'); t = performance.now(); c0 = process.cpuUsage(); };
  const filler = 'This paragraph is filler text that makes the page large, with *emphasis* and ``literal`` bits.\n\n';
  const big = seedText + '\n' + filler.repeat(Math.ceil((50 * 1024 * 1024) / filler.length));
  lap('build');
  const dir = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['docs/status_codes.rst'] }]), 'docs/status_codes.rst': big });
  lap('write');
  const r = await run(['generate', '--no-cache'], dir); lap('gen no-cache ' + r.code);
  const r2 = await run(['generate', '--no-cache'], dir); lap('gen no-cache again' + r2.code);
  const dir2 = project({ 'rst-codegen.config.json': config([{ name: 'svc', status: ['docs/status_codes.rst'] }]), 'docs/status_codes.rst': big });
  const r3 = await run(['generate'], dir2); lap('gen cache ' + r3.code);
  const r4 = await run(['lint', 'docs/status_codes.rst'], dir2); lap('lint ' + r4.code);
}, 600000);
