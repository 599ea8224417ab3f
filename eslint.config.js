import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to window.callside only: never to core, main or Node.
      'no-restricted-imports': [
        'error',
        { patterns: ['**/main/**', '**/cli/**', '**/sandbox/**', 'node:*', 'electron'] },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts', 'src/cli/**/*.ts', 'src/sandbox/**/*.ts'],
    rules: {
      // Core runs in plain Node; only the Electron shell (src/main/*.ts) may import electron.
      'no-restricted-imports': ['error', { paths: ['electron', 'electron-store'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/main/**', '**/cli/**', '**/renderer/**', 'node:*', 'electron'] },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
