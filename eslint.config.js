// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dependency rule of STYLE.md, enforced: core imports nothing of ours but core; contracts only core;
 * interchange (file formats in and out) only core and contracts; solvers (HiGHS behind core's MipSolver) only core;
 * storage no services/server/cli; services no server/cli; server no cli; web only contracts.
 */
const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((folder) => ({
            group: [`**/${folder}/**`, `../${folder}/*`, `../../${folder}/*`, `../../../${folder}/*`],
            message: `This layer must not import from src/${folder} (see docs/ARCHITECTURE.md, dependency rule).`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

const NO_IO_IN_CORE = [
  {
    group: [
      'node:fs',
      'node:fs/*',
      'node:net',
      'node:http',
      'node:child_process',
      'node:crypto',
      'fs',
      'pg',
      'kysely',
      'fastify',
      '@electric-sql/*',
      'highs',
    ],
    message: 'core is pure: no I/O, no framework, no randomness (inject them).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.zerodock/**', '.tmp/**', 'coverage/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Fastify handlers and interface implementations are async by contract even when they do not await.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md).' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
  { files: ['eslint.config.js', '**/vite.config.ts', 'vitest.config.ts'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['**/*.test.ts', 'e2e/**', 'bench/**', 'eval/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(['src/core/**'], ['contracts', 'storage', 'services', 'server', 'cli'], NO_IO_IN_CORE),
  layer(['src/contracts/**'], ['storage', 'services', 'server', 'cli']),
  layer(['src/storage/**'], ['services', 'server', 'cli']),
  layer(['src/interchange/**'], ['storage', 'services', 'server', 'cli']),
  layer(['src/solvers/**'], ['contracts', 'storage', 'interchange', 'services', 'server', 'cli']),
  layer(['src/services/**'], ['server', 'cli']),
  layer(['src/server/**'], ['cli']),
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/src/core/**',
                '**/src/storage/**',
                '**/src/services/**',
                '**/src/server/**',
                '**/src/cli/**',
                '@electric-sql/*',
                'kysely',
                'pg',
                'fastify',
              ],
              message: 'The web app talks only to the HTTP API and imports only @contracts types.',
            },
          ],
        },
      ],
    },
  },
);
