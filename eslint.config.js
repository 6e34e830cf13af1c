// Type-aware lint: the rules that catch lost promises and unhandled cases matter most here,
// because a dropped promise in a use case can lose an accepted submission.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'coverage/', 'dist/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      // 全角空格 (U+3000) is ordinary typography in Chinese text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  // The web kit lists no feature: routes and shell entries come from the composition root (src/app/) through
  // buildApp(ctx, services). Agencies stays allowed only for the agency row, the roles/permissions and the
  // agency store: the admin kit scopes every page to the signed-in user's agencies and the portal kit serves
  // one agency's site. `import type` is caught too (typescript-eslint's rule, allowTypeImports off).
  {
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...[
                  'annual-reports',
                  'app',
                  'audit',
                  'calendar',
                  'catalog',
                  'cli',
                  'demo',
                  'interaction',
                  'reports',
                  'requests',
                  'search',
                  'supervision',
                ].map((feature) => `**/${feature}/**`),
                '**/main.js',
                '**/agencies/**',
                '!**/agencies/agency.js',
                '!**/agencies/permissions.js',
                '!**/agencies/agencies.store.js',
              ],
              message:
                'web/ is a kit and imports no feature: list the entry in src/app/ and hand it in through the services.',
            },
          ],
        },
      ],
    },
  },
  // Nothing imports the composition root but the process entry and the CLI program; web/ is covered above (one
  // block per file: a later block's options would replace the kit's). Tests may build the services.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/main.ts',
      'src/cli/main.ts',
      'src/app/**',
      'src/web/**',
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app/**'],
              message: 'Only src/main.ts and src/cli/main.ts import the composition root (src/app/).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
