// ESLint 9 flat config: small on purpose.
// - @eslint/js recommended + typescript-eslint recommended: real bugs (unused
//   variables, unreachable code, `any` leaks, wrong `this`), no style rules
//   (Prettier owns formatting).
// - Type-aware: promises that are neither awaited nor handled
//   (no-floating-promises, no-misused-promises) — a lost rejection in the CLI
//   or a test that never waits for its assertion. They need the type checker:
//   `npm run lint` takes ~28 s of CPU with them, ~11 s without.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'generated/', 'coverage/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Matching control characters is this project's job (docutils' whitespace, unsafe text in output).
      'no-control-regex': 'off',
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
