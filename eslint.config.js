// One linter (ESLint + typescript-eslint) and one formatter (Prettier, see .prettierrc.json).
// The `no-restricted-imports` blocks below are the boundaries between contexts: they fail the lint when
// code meant for one context pulls in another's (Dark Reader does the same).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const uiOnly = [
  '**/components/**',
  '@/components/**',
  '**/lib/ui/**',
  '@/lib/ui/**',
  'preact',
  'preact/*',
  '@preact/*',
];
const entrypoints = ['**/entrypoints/**', '@/entrypoints/**'];
const dbAndBackground = ['**/lib/db/**', '@/lib/db/**', '**/lib/background/**', '@/lib/background/**'];

const noMarkup = [
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'No innerHTML: build DOM nodes and set textContent.',
  },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML.' },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML.' },
];
// Chrome/Firefox differences have one home: lib/platform. Everything else asks it what the browser can do.
const browserCheck = {
  selector:
    "MemberExpression[object.type='MemberExpression'][object.object.type='MetaProperty'][object.property.name='env'][property.name=/^(FIREFOX|CHROME|BROWSER|SAFARI|EDGE|OPERA|MANIFEST_VERSION|MV2|MV3)$/]",
  message: 'Browser checks live in lib/platform: import what the browser can do from there.',
};

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      '.output*/**',
      '.rapport-profile/**',
      'test-results/**',
      '.wxt/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noMarkup, browserCheck],
    },
  },
  {
    files: ['lib/platform/**'],
    rules: { 'no-restricted-syntax': ['error', ...noMarkup] },
  },
  {
    files: ['lib/**'],
    rules: restrict(
      [...entrypoints, '**/components/**', '@/components/**'],
      'lib/ is imported by entrypoints, never the reverse.',
    ),
  },
  {
    // Code that runs inside web pages: no UI framework, no IndexedDB (it would be the page's), no background code.
    files: [
      'entrypoints/*.content.ts',
      'entrypoints/linkedin-page.ts',
      'entrypoints/capture.ts',
      'lib/page-button/**',
      'lib/page-capture/**',
      'lib/capture/**',
    ],
    rules: restrict(
      [...uiOnly, ...dbAndBackground, ...entrypoints],
      'Page-side code stays small and talks to the background by message.',
    ),
  },
  {
    files: ['lib/background/**', 'entrypoints/background.ts'],
    rules: restrict([...uiOnly, '**/lib/page-button/**', '@/lib/page-button/**'], 'The background has no UI.'),
  },
  {
    // Follow-ups' rules, actions and time are pure: no store, no browser, no background (types are fine).
    files: ['lib/followups/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...dbAndBackground,
                '**/lib/settings/**',
                '@/lib/settings/**',
                '**/lib/platform/**',
                'wxt/*',
                'idb',
              ],
              allowTypeImports: true,
              message: 'lib/followups/ is pure: reads and writes go in lib/db/, browser calls in lib/background/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: restrict(
      [...entrypoints, '**/lib/background/**', '@/lib/background/**'],
      'Components talk to the background by message.',
    ),
  },
  {
    files: ['tests/**', 'scripts/**', 'bench/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
