import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Build of the `portal-writer` command: `src/cli/index.ts` → `out/cli/index.js`, an ES module for
 * Node 20. Dependencies stay external (they are in node_modules next to it), so the bundle is
 * only this project's code: the same shared modules the app uses.
 */
export default defineConfig({
  root,
  logLevel: 'warn',
  build: {
    ssr: resolve(root, 'src/cli/index.ts'),
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'index.js' },
    },
  },
  ssr: { target: 'node' },
})
