import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['bin/**/*.js', 'bench/**/*.js', 'scripts/**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', performance: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    // placard serve's page scripts run in the browser.
    files: ['web/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['document', 'fetch', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'AbortController', 'Blob', 'CSS', 'atob'].map(
          (name) => [name, 'readonly'],
        ),
      ),
    },
  },
  {
    rules: {
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
);
