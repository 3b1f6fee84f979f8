import { describeSettings } from '../shared/markdown'
import { parseArgs } from './args'
import { bilingual, type CliIo } from './output'
import { loadPost } from './post-context'
import { PREVIEW_ASSET_BASE, renderSanitized } from './render-body'

/** Usage of `portal-writer render`. */
export const RENDER_USAGE = 'portal-writer render <post-file>... [--json] [--asset-base <url>]'

/**
 * `portal-writer render`: the article HTML of each file exactly as the preview renders it after
 * sanitizing, with the repository's kramdown options (config.rb, then the profile's `markdown:`).
 * With `--json`, one line per file: `{"file": …, "html": …, "markdown": {"source": …, "options":
 * …, "sources": …}}` (or `"error"`): which settings were in force and where they came from.
 * Local images get the preview's URLs (`portal://asset/<repository path>`); `--asset-base` changes
 * the prefix (for example to a local web server's address).
 */
export async function renderCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, ['asset-base'], ['json'])
  if (parsed.kind === 'error' || parsed.args.positionals.length === 0) {
    io.err(`使い方 / usage: ${RENDER_USAGE}`)
    return 2
  }
  const json = parsed.args.flags.has('json')
  const assetBase = parsed.args.flags.get('asset-base')
  const files = parsed.args.positionals
  let failed = false
  for (const file of files) {
    const loaded = await loadPost(file, io.cwd)
    if (loaded.kind === 'error') {
      failed = true
      if (json) io.out(JSON.stringify({ file, error: loaded.message }))
      io.err(`${file}: ${bilingual(loaded.message)}`)
      continue
    }
    const html = await renderSanitized(
      loaded.post,
      typeof assetBase === 'string' ? assetBase : PREVIEW_ASSET_BASE,
    )
    if (json)
      io.out(JSON.stringify({ file, html, markdown: describeSettings(loaded.post.markdown) }))
    else if (files.length > 1) io.out(`<!-- ${file.replace(/--/g, '- -')} -->\n${html}`)
    else io.out(html)
  }
  return failed ? 1 : 0
}
