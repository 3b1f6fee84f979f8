import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }

/**
 * Build of the `portal-writer` command: `src/cli/index.ts` → `out/cli/index.js`, an ES module for
 * Node 20, plus one chunk per command that the entry imports only when that command runs (so
 * `--version` loads almost nothing, and sharp is loaded only when an eyecatch is measured).
 * Dependencies stay external: measured on these machines, Node loads them from node_modules
 * faster than from one bundle (docs/BENCHMARKS.md, issue 12).
 */
export default defineConfig({
  root,
  logLevel: 'warn',
  define: { __PORTAL_WRITER_VERSION__: JSON.stringify(pkg.version) },
  resolve: {
    // highlight.js is required when a code block is first highlighted, not at start-up.
    alias: [{ find: /^highlight\.js$/, replacement: resolve(root, 'src/cli/lazy-highlight.ts') }],
  },
  build: {
    ssr: resolve(root, 'src/cli/index.ts'),
    outDir: resolve(root, 'out/cli'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'index.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { target: 'node' },
})
