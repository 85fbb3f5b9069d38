import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check's fixed seed for every property (determinism).
    setupFiles: ['test/setup.ts'],
    // Builds dist/ once when it is older than src/ (CLI process tests spawn bin/rst-codegen.js).
    globalSetup: ['test/global-setup.ts'],
    // A safety net for a hang, never a timing check: generous, so that a test
    // slowed down by a loaded machine (CI shares it) does not fail.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    // Speed: every core (vitest's default leaves one idle: one worker on a
    // 2-core machine), and the test files of a worker share one module graph,
    // so TypeScript, ts-morph and the parsed corpus (test/helpers/corpus-run.ts)
    // load once per worker instead of once per file. Tests must therefore not
    // leave global state behind (no vi.mock, no process.env or cwd changes).
    maxWorkers: availableParallelism(),
    isolate: false,
    // A young generation of 32 MB semi-spaces in the workers (V8's default is 16 MB): the parse-heavy tests
    // allocate hundreds of MB of short-lived objects, and with the smaller one many survive a scavenge, are
    // moved to the old generation (where the worker already holds ~200 MB of shared corpus state) and cost
    // full collections; ~10% less CPU for the heavy files. Child processes (the real-process CLI tests, with
    // their own --max-old-space-size) do not inherit it.
    execArgv: ['--max-semi-space-size=32'],
  },
});
