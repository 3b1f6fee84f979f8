import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import { rendererBoundaries } from './scripts/eslint/renderer-boundaries.mjs'

const noElectron = { name: 'electron', message: 'Only src/main/index.ts and src/main/ipc may import electron.' }
const nodeBuiltins = { group: ['node:*'], message: 'Shared and renderer code must not use Node built-ins.' }
const noNodeNames = ['fs', 'path', 'os', 'child_process', 'crypto'].map((name) => ({ name, message: 'No Node here.' }))

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
  // Renderer: no Node, no Electron, no main or cli (ARCHITECTURE.md). The renderer's own feature
  // rules (features → shell, never sideways) belong with this block.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeNames],
          patterns: [nodeBuiltins, { group: ['**/main/**', '**/cli/**'], message: 'Renderer cannot import main or cli.' }],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // Raw ipcRenderer only in the preload.
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts', 'src/main/services/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "Identifier[name='ipcRenderer']", message: 'ipcRenderer only in src/preload.' }, { selector: "Identifier[name='ipcMain']", message: 'ipcMain only in src/main/ipc.' }],
    },
  },
  // ---- Import boundaries: shared, main, cli (issue 15; docs/ARCHITECTURE.md) ----------------------
  // Arrows point one way: renderer → shared ← main ← cli. tests/unit/lint/import-boundaries.test.ts
  // fails when one of these rules is removed.
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeNames],
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**'], message: 'Shared code imports only shared code (and libraries).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'Main never imports the renderer, the preload or the CLI.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/index.ts', 'src/main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'Main never imports the renderer, the preload or the CLI.' }] },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/main/ipc/**', '**/main/index'], message: 'The CLI uses shared code and main services, never the app shell.' }],
        },
      ],
    },
  },
  // ---- end of the shared/main/cli import boundaries --------------------------------------------
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
