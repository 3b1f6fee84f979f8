/**
 * highlight.js for the command-line build, loaded on first use. Requiring its ~190 language files
 * is most of the time `card` took to start; a post without a fenced code block never needs it.
 * src/cli/vite.config.ts puts this module in place of `highlight.js` (it keeps that package's
 * default-export shape, hence the default export); the app and the sources use the package.
 */
import { createRequire } from 'node:module'
import type { HighlightOptions, HLJSApi } from 'highlight.js'

let loaded: HLJSApi | null = null

function load(): HLJSApi {
  // A synchronous require: the Markdown renderer is synchronous.
  loaded ??= createRequire(import.meta.url)('highlight.js') as HLJSApi
  return loaded
}

/** The part of highlight.js that src/shared/markdown/code-blocks.ts uses. */
const lazyHighlight = {
  getLanguage: (name: string) => load().getLanguage(name),
  highlight: (code: string, options: HighlightOptions) => load().highlight(code, options),
}

export default lazyHighlight
