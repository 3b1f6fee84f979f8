import hljs from 'highlight.js'
import type { MarkdownIt } from 'markdown-it'
import type { RendererRule, StateBlock } from 'markdown-it'
import { escapeText } from './entity-output'
import { ROUGE_LANGUAGES } from './rouge-languages'
import type { PipelineEnv } from './types'

/** Most highlighted blocks kept; the editor re-renders on every keystroke, blocks rarely change. */
const CACHE_LIMIT = 400
/** Longer code is shown plain: highlighting it would stall typing (RELIABILITY.md D10). */
const HIGHLIGHT_LIMIT = 100_000

const cache = new Map<string, string>()

/**
 * Highlighted HTML for `code` in `lang` (highlight.js, `hljs-*` classes), or null when highlight.js
 * does not know the language. Results are cached by (language, code), least recently used dropped first.
 */
export function highlightCode(lang: string, code: string): string | null {
  if (!hljs.getLanguage(lang)) return null
  if (code.length > HIGHLIGHT_LIMIT) return escapeText(code)
  const key = `${lang}\u0000${code}`
  const hit = cache.get(key)
  if (hit !== undefined) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  let html: string
  try {
    // Quotes as typed, as Rouge writes them (highlight.js escapes them).
    html = hljs
      .highlight(code, { language: lang, ignoreIllegals: true })
      .value.replace(/&quot;|&#x27;/g, (e) => (e === '&quot;' ? '"' : "'"))
  } catch {
    html = escapeText(code)
  }
  cache.set(key, html)
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  return html
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  )
}

/** The language kramdown takes from a fence's info string: its first word, minus any `?query`. */
export function fenceLanguage(info: string): string {
  const word = info.trim().split(/\s+/)[0] ?? ''
  return word.replace(/\?.*$/, '')
}

/**
 * Wraps markdown-it's fence rule with kramdown's GFM fence rules: the fence needs a closing fence
 * (otherwise it is ordinary text) and an info string of one word.
 */
export function kramdownFences(md: MarkdownIt): void {
  const rule = md.block.ruler.__rules__.find((r) => r.name === 'fence')
  if (!rule) throw new Error('markdown-it has no fence rule')
  const original = rule.fn
  md.block.ruler.at(
    'fence',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      if (silent) return original(state, startLine, endLine, silent)
      const pos = state.bMarks[startLine]! + state.tShift[startLine]!
      const line = state.src.slice(pos, state.eMarks[startLine])
      const open = /^([`~])\1{2,}/.exec(line)
      if (!open || state.sCount[startLine]! - state.blkIndent >= 4) return false
      if (/\S\s+\S/.test(line.slice(open[0].length).trim())) return false
      if (!hasClosingFence(state, startLine, endLine, open[0])) return false
      return original(state, startLine, endLine, silent)
    },
    { alt: rule.alt },
  )
  md.renderer.rules.fence = renderFence
}

function hasClosingFence(
  state: StateBlock,
  startLine: number,
  endLine: number,
  markup: string,
): boolean {
  const char = markup[0]!
  for (let line = startLine + 1; line < endLine; line++) {
    const start = state.bMarks[line]! + state.tShift[line]!
    const max = state.eMarks[line]!
    if (start < max && state.sCount[line]! < state.blkIndent) return false
    if (state.sCount[line]! - state.blkIndent >= 4) continue
    const text = state.src.slice(start, max)
    if (text.startsWith(markup) && new RegExp(`^\\${char}+\\s*$`).test(text)) return true
  }
  return false
}

/**
 * Renders a fenced code block as the blog shows it. With Rouge (`syntax_highlighter: rouge`), a
 * language Rouge knows gets its wrapper (`div.language-x.highlighter-rouge > div.highlight >
 * pre.highlight > code`) with highlight.js markup inside (plain text where highlight.js does not
 * know it); any other block, or every block without a highlighter, is `pre > code.language-x`.
 * The info string is only ever an escaped class name (RELIABILITY.md S6).
 */
const renderFence: RendererRule = (tokens, idx, _options, env, self) => {
  const token = tokens[idx]!
  const lang = fenceLanguage(unescapeInfo(token.info))
  const code = token.content
  const rouge = (env as PipelineEnv).markdown.syntaxHighlighter === 'rouge'
  if (lang && rouge && ROUGE_LANGUAGES.has(lang)) {
    const highlighted = highlightCode(lang, code) ?? escapeText(code)
    const classes = [`language-${lang}`, token.attrGet('class'), 'highlighter-rouge']
      .filter(Boolean)
      .join(' ')
    const attrs = (token.attrs ?? []).filter(([name]) => name !== 'class')
    return (
      `<div class="${escapeHtml(classes)}"${self.renderAttrs({ attrs })}><div class="highlight">` +
      `<pre class="highlight"><code>${highlighted}</code></pre></div></div>\n`
    )
  }
  const codeClass = lang ? ` class="language-${escapeHtml(lang)}"` : ''
  return `<pre${self.renderAttrs(token)}><code${codeClass}>${escapeText(code)}</code></pre>\n`
}

/** Undoes Markdown backslash escapes in an info string. */
function unescapeInfo(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1')
}
