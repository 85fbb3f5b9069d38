#!/usr/bin/env node
// rst-codegen's stderr carries its own diagnostics only: Node's warnings (ExperimentalWarning,
// DeprecationWarning, …, printed by Node's default 'warning' listener) are dropped. This runs
// before the CLI's modules are loaded, so warnings raised while loading them are dropped too.
process.removeAllListeners('warning');
const { main } = await import('../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2));
