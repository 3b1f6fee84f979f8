import { describeSettings } from '../shared/markdown'
import { startCommand, usageLine } from './command-start'
import type { CliIo } from './output'
import { loadPost } from './post-context'
import { PREVIEW_ASSET_BASE, renderSanitized } from './render-body'

/**
 * `portal-writer render`: the article HTML of each file exactly as the preview renders it after
 * sanitizing, with the repository's kramdown options (config.rb, then the profile's `markdown:`).
 * With `--json`, one line per file: `{"file": …, "html": …, "markdown": {"source": …, "options":
 * …, "sources": …}}` (or `"error"`): which settings were in force and where they came from.
 * Local images get the preview's URLs (`portal://asset/<repository path>`); `--asset-base` changes
 * the prefix (for example to a local web server's address).
 */
export async function renderCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const started = startCommand('render', argv, io, { valued: ['asset-base'], switches: ['json'] })
  if (started.kind === 'exit') return started.code
  const { args, lang } = started
  if (args.positionals.length === 0) {
    io.err(usageLine('render', lang))
    return 2
  }
  const json = args.flags.has('json')
  const assetBase = args.flags.get('asset-base')
  const files = args.positionals
  let failed = false
  for (const file of files) {
    const loaded = await loadPost(file, io.cwd)
    if (loaded.kind === 'error') {
      failed = true
      if (json) io.out(JSON.stringify({ file, error: loaded.message }))
      io.err(`${file}: ${loaded.message[lang]}`)
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
