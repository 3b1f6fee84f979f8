import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }

/**
 * Packages the bundle leaves to Node at run time: sharp (native), jsdom (`render` only; it reads
 * its own files) and textlint with its dictionaries (`check --proofread` only; kuromoji finds its
 * data by path). highlight.js is also left out, by the alias below (required on first use).
 */
const RUNTIME_PACKAGES = [
  /^sharp(?:\/|$)/,
  /^jsdom(?:\/|$)/,
  /^@textlint\//,
  /^textlint/,
  /^kuromoji/,
]

/**
 * Build of the `portal-writer` command: `src/cli/index.ts` → `out/cli/index.js`, an ES module for
 * Node 20, plus one chunk per command that the entry imports only when that command runs (so
 * `--version` loads almost nothing, and sharp is loaded only when an eyecatch is measured).
 * The pure-JavaScript dependencies a command starts with (yaml, zod, markdown-it, htmlparser2,
 * dayjs…) are bundled into its chunks: Node's ES module loader costs more per file than the code
 * itself, and zod or yaml are hundreds of files each. Measured with `node --cpu-prof` and
 * bench/cli.bench.ts: `card` went from ~460 ms to ~200 ms of CPU (docs/BENCHMARKS.md, issue 12).
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
      external: RUNTIME_PACKAGES,
      output: {
        format: 'es',
        entryFileNames: 'index.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { target: 'node', noExternal: true },
})
