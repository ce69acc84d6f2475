import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const FEATURES = readdirSync('src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The page's code: it runs on the main thread, with the DOM. */
const WEB = ['./src/lib', './src/components', './src/features', './src/app', './src/main.tsx'];

const NO_TFJS = {
  group: ['@tensorflow/*'],
  message: 'tfjs belongs in src/core and src/worker only: the main thread never loads it.',
};
const NO_DEEP_RELATIVE = {
  regex: '^\\.\\./\\.\\./',
  message: 'Import across folders by the @/ alias (@/core/…), not by climbing ../../.',
};
/**
 * Core modules the page may run: plain facts and code with no tfjs behind them. Everything else in core is
 * the worker's to run, and the page takes only its types.
 */
const CORE_FOR_THE_PAGE = ['model-spec', 'class-names', 'cell-facts', 'seeded-random'];
const PAGE_TAKES_CORE_TYPES = {
  regex: `^(@/|(\\.\\./)+)core/(?!(${CORE_FOR_THE_PAGE.join('|')})$)`,
  allowTypeImports: true,
  message: `The page takes only types from core (values from ${CORE_FOR_THE_PAGE.join(', ')}): the rest runs in the worker.`,
};
const PAGE_TAKES_WORKER_TYPES = {
  regex: '^(@/|(\\.\\./)+)worker/',
  allowTypeImports: true,
  message: 'The page reaches the worker by its URL and messages: it imports only the worker API types.',
};
const TOOLS_TAKE_PAGE_TYPES = {
  regex: '^@/(lib|components|features|app|worker)/',
  allowTypeImports: true,
  message: 'Tools run core in Node; from the page and the worker they take only types.',
};

const restrictImports = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns: [NO_DEEP_RELATIVE, ...patterns] }],
});

/** What each group of files may import by name (applied in order: the last match wins). */
const importRules = [
  { files: ['**/*.{ts,tsx}'], rules: restrictImports() },
  {
    files: [...WEB.map((p) => `${p.slice(2)}/**`), 'src/main.tsx'],
    rules: restrictImports(NO_TFJS, PAGE_TAKES_CORE_TYPES, PAGE_TAKES_WORKER_TYPES),
  },
  { files: ['scripts/**', 'e2e/**', 'testkit/**'], rules: restrictImports(TOOLS_TAKE_PAGE_TYPES) },
];

/** Which folders may import which, by resolved path (so an alias or a ../ cannot get round them). */
const zones = [
  {
    target: './src/core',
    from: ['./src/worker', ...WEB, './scripts', './e2e'],
    message: 'Core runs in the page, the worker and Node: it imports only core.',
  },
  {
    target: './src/worker',
    from: [...WEB, './scripts', './e2e'],
    message: 'The worker imports core, never the page or the tools.',
  },
  {
    target: WEB,
    from: ['./scripts', './e2e'],
    message: 'The page never imports the tools.',
  },
  {
    target: './src/**/!(*.test).@(ts|tsx)',
    from: './testkit',
    message: 'testkit holds test helpers: only tests import it.',
  },
  {
    target: './src/**/*.test.ts',
    from: ['./scripts', './e2e'],
    message: 'Unit tests share helpers through testkit/, not scripts/ or e2e/.',
  },
  {
    target: './src/lib',
    from: './src/components',
    message: 'src/lib holds no UI: React components and hooks shared by features live in src/components.',
  },
  {
    target: ['./src/lib', './src/components'],
    from: ['./src/features', './src/app', './src/main.tsx'],
    message: 'Shared code (src/lib, src/components) never imports a feature or the app.',
  },
  ...FEATURES.map((feature) => ({
    target: `./src/features/${feature}`,
    from: ['./src/features', './src/app', './src/main.tsx'],
    except: [`./${feature}`],
    message: 'A feature never imports another feature or the app; compose them in src/app.',
  })),
  {
    target: './testkit',
    from: ['./scripts', './e2e', ...WEB],
    message: 'testkit imports core and its own helpers; scripts and e2e import it, not the other way.',
  },
  {
    target: './scripts',
    from: './e2e',
    message: 'Scripts share helpers with e2e through testkit/.',
  },
  {
    target: './e2e',
    from: './scripts',
    except: ['./vite'],
    message: 'e2e shares helpers with scripts through testkit/ (it may read the build config in scripts/vite).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'public/model',
      'training',
      'test-results',
      'playwright-report',
      'coverage',
      '.cache',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // Parse TypeScript dependencies too, so no-cycle follows imports through .ts and .tsx files.
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json', '.d.ts'],
          alias: { '@': [resolve(import.meta.dirname, 'src')], '@testkit': [resolve(import.meta.dirname, 'testkit')] },
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
  },
  {
    files: ['src/**/*.tsx', 'src/features/**/*.ts', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**/*.ts', 'testkit/**/*.ts', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  ...importRules,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
