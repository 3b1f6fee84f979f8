import MarkdownItFactory from 'markdown-it'
import type { MarkdownIt } from 'markdown-it'
import type { RendererRule } from 'markdown-it'
import {
  applyBlockAttributeLists,
  applySpanAttributeLists,
  kramdownBlockExtensions,
  kramdownSpanExtensions,
} from './attribute-lists'
import { escapeHtml, kramdownFences } from './code-blocks'
import { kramdownBackticks, kramdownEmphasis } from './emphasis'
import { kramdownBlockquote } from './blockquotes'
import { escapeText, spellEntity } from './entity-output'
import { kramdownFootnotes } from './footnotes'
import { assignHeadingIds, kramdownHeadingSyntax } from './headings'
import { kramdownHtmlSpelling } from './html-spelling'
import { escapeStrayClosingTags, kramdownHtmlBlock, kramdownHtmlInline } from './html-rules'
import { kramdownImages, rewriteRawImages } from './images'
import { cachedInline, joinText, markFinished, rememberHtml, renderedHtml } from './inline-cache'
import { enforceLinkPolicy, kramdownLinkTargets } from './links'
import type { KramdownEntity } from './kramdown-entities'
import { kramdownList } from './kramdown-lists'
import { kramdownBackslashBreak } from './line-breaks'
import { kramdownLists } from './lists'
import { mergeAdjacentParagraphs } from './paragraphs'
import { addSourceLines } from './source-lines'
import { kramdownTable } from './tables'
import { buildTableOfContents, renderTableOfContents } from './toc'
import { applyTypography } from './typography'
import type { PipelineEnv } from './types'

const renderNothing: RendererRule = () => ''

/** GFM strikethrough is `<del>` in kramdown. */
const renderDel: RendererRule = (tokens, idx, options, _env, self) => {
  tokens[idx]!.tag = 'del'
  return self.renderToken(tokens, idx, options)
}

/** An entity (typed in the source or made by typography), spelled as kramdown spells it. */
const renderEntity: RendererRule = (tokens, idx, _options, env) => {
  const token = tokens[idx]!
  const entity = token.meta?.entity as KramdownEntity | undefined
  if (!entity) return escapeText(token.content)
  return spellEntity(entity, (env as PipelineEnv).markdown.entityOutput, token.markup || undefined)
}

/** Raw HTML with its images resolved; a block's first tag also gets its `data-line`. */
const renderHtml: RendererRule = (tokens, idx, _options, env) => {
  const token = tokens[idx]!
  const strays = token.meta?.strays as number[] | undefined
  const raw = escapeStrayClosingTags(token.content, strays)
  let html = rewriteRawImages(
    token.info === 'nomarkdown' ? raw : kramdownHtmlSpelling(raw),
    (env as PipelineEnv | undefined)?.resolveImage,
  )
  const line = token.attrGet('data-line')
  if (line !== null)
    html = html.replace(
      /^(\s*<[A-Za-z][\w:.-]*)(?=[\s/>])/,
      `$1 data-line="${escapeHtml(String(line))}"`,
    )
  return html
}

/**
 * Builds the markdown-it instance that renders like the blog (kramdown's GFM parser). The blog's
 * kramdown options (`MarkdownSettings`) come with each render in the env. Build it once and reuse
 * it: rules keep no state between renders (everything per render lives in the env).
 */
export function createKramdownMarkdown(): MarkdownIt {
  const md = MarkdownItFactory({
    html: true,
    xhtmlOut: true,
    breaks: false,
    linkify: false,
    typographer: false,
  })

  // Block level.
  md.block.ruler.disable('table')
  md.block.ruler.at('html_block', kramdownHtmlBlock, {
    alt: ['paragraph', 'reference', 'blockquote'],
  })
  md.block.ruler.before('paragraph', 'kramdown_block_extensions', kramdownBlockExtensions, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })
  md.block.ruler.before('paragraph', 'kramdown_table', kramdownTable)
  kramdownFences(md)
  md.block.ruler.at('list', kramdownList, { alt: ['paragraph', 'reference'] })
  md.block.ruler.at('blockquote', kramdownBlockquote, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  })

  // Inline level.
  kramdownLinkTargets(md)
  kramdownEmphasis(md)
  md.inline.ruler.at('backticks', kramdownBackticks)
  md.inline.ruler.before('escape', 'kramdown_backslash_break', kramdownBackslashBreak)
  md.inline.ruler.at('html_inline', kramdownHtmlInline)
  md.inline.ruler.before('html_inline', 'kramdown_span_extensions', kramdownSpanExtensions)
  md.inline.ruler2.push('kramdown_span_ial', applySpanAttributeLists)
  kramdownFootnotes(md)

  // Document level, in order.
  md.core.ruler.at('inline', cachedInline)
  md.core.ruler.at('text_join', joinText)
  md.core.ruler.after('block', 'kramdown_paragraphs', mergeAdjacentParagraphs)
  md.core.ruler.after('kramdown_paragraphs', 'kramdown_block_ial', applyBlockAttributeLists)
  md.core.ruler.after('kramdown_block_ial', 'kramdown_heading_syntax', kramdownHeadingSyntax)
  md.core.ruler.before('text_join', 'kramdown_typography', applyTypography)
  md.core.ruler.push('kramdown_heading_ids', assignHeadingIds)
  md.core.ruler.push('kramdown_toc', buildTableOfContents)
  md.core.ruler.push('kramdown_lists', kramdownLists)
  md.core.ruler.push('kramdown_links', enforceLinkPolicy)
  md.core.ruler.push('kramdown_source_lines', addSourceLines)
  md.core.ruler.push('kramdown_finish', (state) => {
    for (const t of state.tokens) if (t.type === 'inline' && t.children) markFinished(t.children)
  })

  // Rendering. Unchanged paragraphs render to the same HTML: reuse it.
  const renderInline = md.renderer.renderInline.bind(md.renderer)
  md.renderer.renderInline = (tokens, options, env) => {
    const hit = renderedHtml(tokens)
    if (hit !== undefined) return hit
    const html = renderInline(tokens, options, env)
    rememberHtml(tokens, html)
    return html
  }
  kramdownImages(md)
  md.renderer.rules.html_block = renderHtml
  md.renderer.rules.html_inline = renderHtml
  md.renderer.rules.kramdown_ial = renderNothing
  md.renderer.rules.kramdown_marker = renderNothing
  md.renderer.rules.kramdown_span_ial = (tokens, idx) =>
    tokens[idx]!.hidden ? '' : escapeHtml(tokens[idx]!.content)
  md.renderer.rules.kramdown_toc = renderTableOfContents
  // kramdown's hard_wrap: a line break inside a paragraph is a <br />.
  md.renderer.rules.softbreak = (_tokens, _idx, _options, env) =>
    (env as PipelineEnv).markdown.hardWrap ? '<br />\n' : '\n'
  // Text is escaped as kramdown escapes it; entities are spelled per `entity_output`.
  md.renderer.rules.text = (tokens, idx) => escapeText(tokens[idx]!.content)
  md.renderer.rules.text_special = renderEntity
  md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) =>
    `<code${self.renderAttrs(tokens[idx]!)}>${escapeText(tokens[idx]!.content)}</code>`
  md.renderer.rules.code_block = (tokens, idx, _options, _env, self) =>
    `<pre${self.renderAttrs(tokens[idx]!)}><code>${escapeText(tokens[idx]!.content)}</code></pre>\n`
  // GFM strikethrough is <del> in kramdown.
  md.renderer.rules.s_open = renderDel
  md.renderer.rules.s_close = renderDel
  return md
}
