// One linter, with rules that encode the architecture: contexts never import each other, they
// meet in src/shared/; src/core/ stays pure (no DOM, no browser, no other layer).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CONTEXTS = ['content', 'background', 'popup', 'options', 'welcome', 'report'];

const POLYFILL = {
  name: 'webextension-polyfill',
  message: 'Import { browser } from src/shared/browser.ts, the one seam.',
};

/** Forbids imports from the given src/ folders (written relative, `../<folder>/`), and of the polyfill. */
const forbid = (folders, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [POLYFILL],
      patterns: folders.length
        ? [{ group: folders.flatMap((f) => [`../${f}/*`, `../../${f}/*`, `**/src/${f}/*`]), message }]
        : [],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'artifacts/', '.scratch/', 'test/fixtures/pages/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'no-restricted-globals': ['error', 'eval'],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/**'], ignores: ['src/shared/browser.ts'], rules: forbid([], '') },
  // A promise nobody awaits or catches loses its error: type-aware, over the extension's code.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: forbid(
      [...CONTEXTS, 'shared', 'ui', 'data'],
      'src/core/ is pure: it depends on nothing but itself (no DOM, no browser).',
    ),
  },
  ...CONTEXTS.map((context) => ({
    files: [`src/${context}/**`],
    rules: forbid(
      CONTEXTS.filter((c) => c !== context).concat('data'),
      `Contexts never import each other (or the raw dataset); they meet in src/shared/ and get data from the build.`,
    ),
  })),
  {
    files: ['src/ui/**'],
    rules: forbid([...CONTEXTS, 'data'], 'src/ui/ components get what they show through props.'),
  },
  {
    files: ['scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/e2e/*'],
              message: 'Scripts share browser helpers with the e2e tests through test/support/, never test/e2e/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
