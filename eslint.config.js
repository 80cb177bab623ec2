// One lint setup for the whole repository. The rule that matters most: the core never imports
// Electron, so everything it does can run and be tested under plain Node.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import noLiteralUiString from './eslint-rules/no-literal-ui-string.js';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core must run under plain Node: keep Electron in electron/main.' }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron'], message: 'shared/ is imported by the renderer: no Node or Electron.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, veo: { rules: { 'no-literal-ui-string': noLiteralUiString } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word a person reads comes from shared/i18n (issue 15).
      'veo/no-literal-ui-string': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron', '**/electron/**'], message: 'The renderer is untrusted web code: talk to the core only through renderer/api.' },
          ],
        },
      ],
    },
  },
  {
    // Raw IPC only where the contract is wired up; everything else goes through the derived API.
    files: ['**/*.{ts,tsx}'],
    ignores: ['electron/preload/**', 'electron/main/ipc*.ts', 'electron/main/ipc/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'Use the preload API derived from shared/contract.ts.' },
        { selector: "MemberExpression[property.name='send'][object.property.name='webContents']", message: 'Send events through the IPC router (electron/main/ipc).' },
      ],
    },
  },
);
