import { execFileSync, spawnSync } from 'node:child_process'
import {
  DEFAULT_MARKDOWN_SETTINGS,
  type MarkdownSettings,
} from '../../../../src/shared/markdown/settings'

const SCRIPT = `
require "json"
require "kramdown"
require "kramdown-parser-gfm"
input = JSON.parse(STDIN.read)
o = input["options"]
options = {
  input: "GFM",
  hard_wrap: o["hard_wrap"],
  toc_levels: o["toc_levels"],
  smart_quotes: o["smart_quotes"],
  auto_ids: o["auto_ids"],
  auto_id_prefix: o["auto_id_prefix"],
  footnote_backlink: o["footnote_backlink"],
  entity_output: o["entity_output"].to_sym,
  syntax_highlighter: o["syntax_highlighter"],
}
out = input["sources"].map { |src| Kramdown::Document.new(src, options).to_html }
print JSON.generate(out)
`

/** Whether Ruby with kramdown and kramdown-parser-gfm (Debian ruby-kramdown*) is installed. */
export const rubyAvailable: boolean = (() => {
  const r = spawnSync(
    'ruby',
    ['-e', 'require "json"; require "kramdown"; require "kramdown-parser-gfm"'],
    { encoding: 'utf8' },
  )
  return r.status === 0
})()

/** The kramdown options (kramdown's names) that a settings value stands for. */
export function kramdownOptions(settings: MarkdownSettings): Record<string, unknown> {
  return {
    hard_wrap: settings.hardWrap,
    toc_levels: settings.tocLevels,
    smart_quotes: settings.smartQuotes,
    auto_ids: settings.autoIds,
    auto_id_prefix: settings.autoIdPrefix,
    footnote_backlink: settings.footnoteBacklink,
    entity_output: settings.entityOutput,
    syntax_highlighter: settings.syntaxHighlighter,
  }
}

/**
 * Renders Markdown sources with the blog's renderer (kramdown GFM with the given settings; the
 * blog's by default: hard_wrap false, toc_levels 2..3, straight quotes, Rouge), in one Ruby run.
 */
export function kramdownToHtml(
  sources: readonly string[],
  settings: MarkdownSettings = DEFAULT_MARKDOWN_SETTINGS,
): string[] {
  const out = execFileSync('ruby', ['-e', SCRIPT], {
    input: JSON.stringify({ sources, options: kramdownOptions(settings) }),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as string[]
}
