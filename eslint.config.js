// Type-aware lint: the rules that catch lost promises and unhandled cases matter most here,
// because a dropped promise in a use case can lose an accepted submission.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Dependencies point one way: features import the platform, never the reverse. The rules resolve every
// relative specifier (import, import type, export … from, import(), import('…') types), so a new src/
// folder or a deeper file is covered without listing names. Test support outside src/ stays allowed. Paths
// in the options are relative to this file, so running eslint from a subfolder changes nothing.
// imports-stay-within: a file imports from src/ only `within` and what `allow` lists — each a folder, a file, or
// a prefix of paths when it ends in `*`. imports-none-of: a file imports nothing in `targets` (each a folder, a file or a prefix).
const bare = (p) => path.resolve(import.meta.dirname, p).replace(/\.(js|ts|tsx)$/, '');
const inside = (target, dir) => target === dir || target.startsWith(dir + path.sep);
const covers = (p) =>
  p.endsWith('*') ? (t) => t.startsWith(bare(p.slice(0, -1))) : (t) => inside(t, bare(p));
const relativeImports = (context, check) => {
  const each = (node) => {
    const spec = node?.value;
    if (typeof spec !== 'string' || !spec.startsWith('.')) return;
    check(node, path.resolve(path.dirname(context.filename), spec).replace(/\.(js|ts|tsx)$/, ''));
  };
  return {
    ImportDeclaration: (n) => each(n.source),
    ExportNamedDeclaration: (n) => each(n.source),
    ExportAllDeclaration: (n) => each(n.source),
    ImportExpression: (n) => each(n.source),
    TSImportType: (n) => each(n.argument?.literal ?? n.argument),
    TSExternalModuleReference: (n) => each(n.expression),
  };
};
const architecture = {
  rules: {
    'imports-stay-within': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'object',
            properties: { within: { type: 'string' }, allow: { type: 'array', items: { type: 'string' } } },
            required: ['within'],
            additionalProperties: false,
          },
        ],
        messages: { outward: '{{within}} must not import {{target}}: dependencies point one way' },
      },
      create(context) {
        const { within, allow = [] } = context.options[0];
        const src = bare('src');
        const allowed = [within, ...allow].map(covers);
        return relativeImports(context, (node, target) => {
          if (!inside(target, src) || allowed.some((ok) => ok(target))) return;
          context.report({
            node,
            messageId: 'outward',
            data: { within, target: path.relative(import.meta.dirname, target) },
          });
        });
      },
    },
    'imports-none-of': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'object',
            properties: { targets: { type: 'array', items: { type: 'string' } }, why: { type: 'string' } },
            required: ['targets', 'why'],
            additionalProperties: false,
          },
        ],
        messages: { forbidden: 'must not import {{target}}: {{why}}' },
      },
      create(context) {
        const { targets, why } = context.options[0];
        const forbidden = targets.map(covers);
        return relativeImports(context, (node, target) => {
          if (!forbidden.some((hit) => hit(target))) return;
          context.report({
            node,
            messageId: 'forbidden',
            data: { target: path.relative(import.meta.dirname, target), why },
          });
        });
      },
    },
  },
};

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
  // buildApp(ctx, services). Who is who and who may do what (the agency row and store, roles/permissions,
  // sign-in) is src/access/, which web may import: the admin kit scopes every page to the signed-in user's
  // agencies and the portal kit serves one agency's site. The agencies feature (its screens, API, portal pages
  // and use cases) is a feature like any other. `import type` is caught too (typescript-eslint's rule,
  // allowTypeImports off).
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
                  'agencies',
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
              ],
              message:
                'web/ is a kit and imports no feature: list the entry in src/app/ and hand it in through the services.',
            },
          ],
        },
      ],
    },
  },
  // Nothing under src/ imports the composition root (src/app/: the process entry main.ts, the CLI program cli.ts
  // and core.cli.ts, the services): it imports every capability. A capability's commands get `withContext` from
  // the program (register…Commands(program, withContext)) and the rest from the CLI kit, src/cli/kit*.ts; routes
  // and shell entries are listed in src/app/ and handed to the web kit. Tests may build the services and run
  // the program.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/app/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    plugins: { architecture },
    rules: {
      'architecture/imports-none-of': [
        'error',
        {
          targets: ['src/app'],
          why: 'src/app/ composes every capability; take what you need as a parameter, or from a kit (src/web/, src/cli/kit.ts)',
        },
      ],
    },
  },
  {
    // The CLI kit imports no feature: access (resolveAgency), the platform, the config leaf, other kit files.
    files: ['src/cli/kit*.ts'],
    plugins: { architecture },
    rules: {
      'architecture/imports-stay-within': [
        'error',
        { within: 'src/cli/kit*', allow: ['src/access', 'src/platform', 'src/config.ts'] },
      ],
    },
  },
  {
    // Capabilities join their tables with `interface Database extends XTables {}` (module augmentation).
    files: ['src/platform/db/schema.ts', 'src/**/*.schema.ts'],
    rules: {
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    // platform/ is the foundation: it imports nothing from another src/ folder but the config leaf.
    files: ['src/platform/**'],
    plugins: { architecture },
    rules: {
      'architecture/imports-stay-within': ['error', { within: 'src/platform', allow: ['src/config.ts'] }],
    },
  },
  {
    // access/ is who is who and who may do what (agency row and store, users, permissions, sign-in): web and
    // every feature use it, so it imports nothing from src/ but the foundation and the config leaf.
    files: ['src/access/**'],
    plugins: { architecture },
    rules: {
      'architecture/imports-stay-within': [
        'error',
        { within: 'src/access', allow: ['src/platform', 'src/config.ts'] },
      ],
    },
  },
  {
    // The config is a leaf every layer may read, so it imports nothing from src/.
    files: ['src/config.ts'],
    plugins: { architecture },
    rules: { 'architecture/imports-stay-within': ['error', { within: 'src/config.ts' }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
