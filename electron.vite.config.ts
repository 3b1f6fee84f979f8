import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * Build for the three Electron processes.
 * The preload is bundled into one CommonJS file with its dependencies inlined, because a
 * sandboxed preload can only `require('electron')`.
 */
/**
 * textlint, its Markdown plugin and the shipped rules (with everything they require) are bundled
 * into main's output, so the packaged app never looks them up in node_modules. Only kuromoji's
 * dictionary files stay files: they ship beside the asar (electron-builder.yml).
 */
export const PROOFREAD_BUNDLED = [
  '@textlint/kernel',
  '@textlint/textlint-plugin-markdown',
  'textlint-rule-preset-ja-technical-writing',
  'textlint-rule-prh',
]

export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: PROOFREAD_BUNDLED },
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // textlint's thread (src/main/services/proofread/worker.ts).
          'proofread-worker': resolve(__dirname, 'src/main/services/proofread/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
      },
    },
  },
})
