import type { MarkdownIt } from 'markdown-it'
import { splitPost } from '../front-matter'
import { createKramdownMarkdown } from './parser'
import { DEFAULT_MARKDOWN_SETTINGS } from './settings'
import type { PipelineEnv, RenderedBlock, RenderOptions, RenderResult } from './types'

let instance: MarkdownIt | null = null

/** The shared markdown-it instance, built on first use. */
function markdown(): MarkdownIt {
  if (!instance) instance = createKramdownMarkdown()
  return instance
}

/** Renders a Markdown body (no front matter) whose first line is line `lineOffset` of its file. */
export function renderBody(
  body: string,
  lineOffset: number,
  options: RenderOptions = {},
): RenderResult {
  const md = markdown()
  const env: PipelineEnv = {
    lineOffset,
    resolveImage: options.resolveImage,
    alds: new Map(),
    headings: [],
    markdown: options.markdown ?? DEFAULT_MARKDOWN_SETTINGS,
  }
  // A BOM is not content (the line count does not change).
  const source = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  const tokens = md.parse(source, env)
  // Render each top-level block on its own (same renderer, same env): the joined result is the
  // whole document's HTML, and the preview can tell which blocks changed by comparing strings.
  const blocks: RenderedBlock[] = []
  let start = 0
  let line = lineOffset
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (i === start && token.map) line = token.map[0] + lineOffset
    if (token.level === 0 && token.nesting <= 0) {
      blocks.push({ html: md.renderer.render(tokens.slice(start, i + 1), md.options, env), line })
      start = i + 1
    }
  }
  if (start < tokens.length) {
    blocks.push({ html: md.renderer.render(tokens.slice(start), md.options, env), line })
  }
  return { html: blocks.map((b) => b.html).join(''), headings: env.headings, blocks }
}

/**
 * Renders a whole post file (front matter + body) the way the blog does. Top-level blocks carry
 * `data-line`, the 0-based source line in the whole file (front matter included), for scroll sync.
 * The HTML is not sanitized: pass it through `sanitizePreviewHtml` before showing it.
 */
export function renderPost(text: string, options: RenderOptions = {}): RenderResult {
  const split = splitPost(text)
  return renderBody(split.body, split.bodyLine, options)
}
