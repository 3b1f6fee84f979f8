import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { rendererBoundaries } from './scripts/eslint/renderer-boundaries.mjs'

const noElectron = { name: 'electron', message: 'Only src/main/index.ts and src/main/ipc may import electron.' }
const nodeBuiltins = { group: ['node:*'], message: 'Shared and renderer code must not use Node built-ins.' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'reports/**', 'test-results/**', 'resources/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Import boundaries (ARCHITECTURE.md): shared is pure; renderer has no Node or Electron.
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'fs', message: 'No Node here.' }, { name: 'path', message: 'No Node here.' }],
          patterns: [nodeBuiltins, { group: ['**/main/**', '**/cli/**'], message: 'Renderer/shared cannot import main or cli.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Services never import electron; only main/index.ts and main/ipc do.
  {
    files: ['src/main/**/*.ts', 'src/cli/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/ipc/**', 'src/main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  // Raw ipcRenderer only in the preload.
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts', 'src/main/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='ipcRenderer']", message: 'ipcRenderer only in src/preload.' }, { selector: "Identifier[name='ipcMain']", message: 'ipcMain only in src/main/ipc.' }],
    },
  },
  // ---- Renderer import boundaries (rule in scripts/eslint/renderer-boundaries.mjs) ----
  // A feature folder imports only itself, the leaf folders (shell, i18n, dialogs, styles) and
  // shared; only app/ composes features. Tested in tests/unit/renderer/import-boundaries.test.ts.
  {
    files: ['src/renderer/src/**/*.{ts,tsx}'],
    plugins: { renderer: rendererBoundaries },
    rules: { 'renderer/boundaries': 'error' },
  },
  // ---- end of renderer import boundaries ----
)
