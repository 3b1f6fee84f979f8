import type { MarkdownIt } from 'markdown-it'
import type { RendererRule, StateBlock, StateCore, StateInline, Token } from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { escapeHtml } from './code-blocks'
import { entityText } from './entity-output'
import type { PipelineEnv } from './types'

/** kramdown's footnote names are ASCII words (ALD_ID_NAME); `[^注1]` is not a footnote. */
const LABEL = /^\w[\w-]*$/

function label(tokens: Parameters<RendererRule>[0], idx: number): string {
  return escapeHtml(String(tokens[idx]!.meta?.label ?? ''))
}

const footnoteRef: RendererRule = (tokens, idx) => {
  const meta = tokens[idx]!.meta!
  const name = label(tokens, idx)
  const sub = Number(meta.subId ?? 0)
  const refId = sub > 0 ? `fnref:${name}:${sub}` : `fnref:${name}`
  const n = Number(meta.id) + 1
  return `<sup id="${refId}" role="doc-noteref"><a href="#fn:${name}" class="footnote" rel="footnote">${n}</a></sup>`
}

/** kramdown's escape of `footnote_backlink`: markup characters, but not entities already written. */
function backlinkText(text: string): string {
  return text.replace(/<|>|&(?!(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;',
  )
}

/** A back-link to the reference (kramdown's `footnote_backlink`; none when it is ''). */
const footnoteAnchor: RendererRule = (tokens, idx, _options, env) => {
  const settings = (env as PipelineEnv).markdown
  if (settings.footnoteBacklink === '') return ''
  const meta = tokens[idx]!.meta
  const sub = Number(meta?.subId ?? 0)
  const name = label(tokens, idx)
  const href = sub > 0 ? `#fnref:${name}:${sub}` : `#fnref:${name}`
  const text = backlinkText(settings.footnoteBacklink)
  const mark = sub > 0 ? `${text}<sup>${sub + 1}</sup>` : text
  const space = sub > 0 || meta?.space ? entityText('nbsp', settings.entityOutput) : ''
  return `${space}<a href="${href}" class="reversefootnote" role="doc-backlink">${mark}</a>`
}

interface FootnoteList {
  refs?: Record<string, number>
  list?: Array<{ label?: string; count: number; tokens?: Token[]; content?: string }>
}

/**
 * markdown-it-footnote's footnote_tail (definitions moved to a list at the end, with back links),
 * in linear time: the plugin's own version copies the whole token list once per footnote.
 */
function footnoteTail(state: StateCore): void {
  const footnotes = state.env.footnotes as FootnoteList | undefined
  if (!footnotes) return
  const definitions = new Map<string, Token[]>()
  const kept: Token[] = []
  let current: Token[] | null = null
  for (const token of state.tokens) {
    if (token.type === 'footnote_reference_open') {
      current = []
      definitions.set(`:${String(token.meta?.label)}`, current)
    } else if (token.type === 'footnote_reference_close') {
      current = null
    } else if (current) {
      current.push(token)
    } else {
      kept.push(token)
    }
  }
  state.tokens = kept
  const list = footnotes.list
  if (!list) return
  kept.push(new state.Token('footnote_block_open', '', 1))
  list.forEach((note, id) => {
    const open = new state.Token('footnote_open', '', 1)
    open.meta = { id, label: note.label }
    kept.push(open)
    const body = note.label !== undefined ? (definitions.get(`:${note.label}`) ?? []) : []
    const last = body[body.length - 1]
    // kramdown puts the back-links at the end of a closing paragraph, else in a paragraph of their own.
    const endsWithParagraph = last?.type === 'paragraph_close'
    kept.push(...(endsWithParagraph ? body.slice(0, -1) : body))
    if (!endsWithParagraph) kept.push(new state.Token('paragraph_open', 'p', 1))
    for (let sub = 0; sub < Math.max(note.count, 1); sub++) {
      const anchor = new state.Token('footnote_anchor', '', 0)
      anchor.meta = { id, subId: sub, label: note.label, space: endsWithParagraph }
      kept.push(anchor)
    }
    kept.push(endsWithParagraph ? last : new state.Token('paragraph_close', 'p', -1))
    kept.push(new state.Token('footnote_close', '', -1))
  })
  kept.push(new state.Token('footnote_block_close', '', -1))
}

/**
 * Footnotes (`[^name]` and `[^name]: text`) rendered with kramdown's markup: numbered by first
 * reference, `fnref:name` / `fn:name` ids, back links with ↩. kramdown has no inline `^[…]` notes.
 */
export function kramdownFootnotes(md: MarkdownIt): void {
  md.use(footnote)
  md.inline.ruler.disable('footnote_inline')

  const def = md.block.ruler.__rules__.find((r) => r.name === 'footnote_def')!
  const defFn = def.fn
  md.block.ruler.at(
    'footnote_def',
    (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
      const start = state.bMarks[startLine]! + state.tShift[startLine]!
      const close = state.src.indexOf(']', start)
      if (close < 0 || !LABEL.test(state.src.slice(start + 2, close))) return false
      return defFn(state, startLine, endLine, silent)
    },
    { alt: def.alt },
  )
  const ref = md.inline.ruler.__rules__.find((r) => r.name === 'footnote_ref')!
  const refFn = ref.fn
  md.inline.ruler.at('footnote_ref', (state: StateInline, silent: boolean) => {
    const close = state.src.indexOf(']', state.pos)
    if (close < 0 || !LABEL.test(state.src.slice(state.pos + 2, close))) return false
    return refFn(state, silent)
  })
  // kramdown never reads `[^…]` as a link.
  const link = md.inline.ruler.__rules__.find((r) => r.name === 'link')!
  const linkFn = link.fn
  md.inline.ruler.at('link', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos + 1) === 0x5e /* ^ */) return false
    return linkFn(state, silent)
  })

  md.core.ruler.at('footnote_tail', footnoteTail)

  md.renderer.rules.footnote_ref = footnoteRef
  md.renderer.rules.footnote_anchor = footnoteAnchor
  md.renderer.rules.footnote_block_open = () =>
    '<div class="footnotes" role="doc-endnotes">\n<ol>\n'
  md.renderer.rules.footnote_block_close = () => '</ol>\n</div>\n'
  md.renderer.rules.footnote_open = (tokens, idx) =>
    `<li id="fn:${label(tokens, idx)}" role="doc-endnote">`
  md.renderer.rules.footnote_close = () => '</li>\n'
}
