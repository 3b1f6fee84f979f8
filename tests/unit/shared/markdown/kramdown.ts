import { execFileSync, spawnSync } from 'node:child_process'

const SCRIPT = `
require "json"
require "kramdown"
require "kramdown-parser-gfm"
inputs = JSON.parse(STDIN.read)
out = inputs.map do |src|
  Kramdown::Document.new(src, input: "GFM", hard_wrap: false, toc_levels: 2..3).to_html
end
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

/** Renders Markdown sources with the blog's renderer (kramdown GFM, hard_wrap false, toc_levels 2..3), in one Ruby run. */
export function kramdownToHtml(sources: readonly string[]): string[] {
  const out = execFileSync('ruby', ['-e', SCRIPT], {
    input: JSON.stringify(sources),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(out) as string[]
}
