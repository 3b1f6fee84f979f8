import type { StateCore, Token } from 'markdown-it'
import { HeadingIdCounter, inlinePlainText } from './heading-ids'
import type { PipelineEnv } from './types'

/** kramdown's explicit header id: `## Title {#my-id}` (an XML name). */
const HEADER_ID = /[\t ]\{#([\p{L}_:][\p{L}\p{N}\p{M}_:.\-\u00b7]*)\}$/u

/** A heading that may be in the table of contents, with the tokens of its content. */
export interface HeadingEntry {
  level: number
  id: string
  children: Token[]
  inFootnote: boolean
}

/** The headings found by {@link assignHeadingIds}, kept on the env for the table of contents. */
export const HEADING_ENTRIES = Symbol('headingEntries')

/**
 * Core rule (before inline parsing): kramdown's heading syntax on top of markdown-it's: a trailing
 * `{#id}` sets the id, and an ATX heading with no text is a paragraph.
 */
export function kramdownHeadingSyntax(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!
    if (open.type !== 'heading_open') continue
    const inline = tokens[i + 1]!
    const close = tokens[i + 2]!
    const m = HEADER_ID.exec(inline.content)
    if (m) {
      inline.content = inline.content.slice(0, m.index).trimEnd()
      if (open.attrGet('id') === null) open.attrSet('id', m[1]!)
    }
    if (inline.content === '' && open.markup.startsWith('#')) {
      open.type = 'paragraph_open'
      open.tag = 'p'
      close.type = 'paragraph_close'
      close.tag = 'p'
      inline.content = open.markup
    }
  }
}

/** A heading's text as the reader sees it: no markup, and nothing from scripts or styles. */
function visibleText(children: readonly Token[]): string {
  let out = ''
  for (const t of children) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') out += t.content
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' '
    else if (t.type === 'html_inline') {
      out += t.content
        .replace(/<(script|style|template|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
        .replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
    }
  }
  return out.replace(/\s+/g, ' ').trim()
}

/**
 * Core rule (after inline parsing): gives every heading without an id its kramdown GFM id and
 * records the headings (level, plain text, id, whole-file line) on the env.
 */
export function assignHeadingIds(state: StateCore): void {
  const env = state.env as PipelineEnv
  const counter = new HeadingIdCounter()
  const { autoIds, autoIdPrefix } = env.markdown
  const entries: HeadingEntry[] = []
  let inFootnote = false
  const tokens = state.tokens
  for (let i = 0; i < tokens.length; i++) {
    const open = tokens[i]!
    if (open.type === 'footnote_block_open') inFootnote = true
    if (open.type !== 'heading_open') continue
    const children = tokens[i + 1]!.children ?? []
    const raw = inlinePlainText(children)
    const explicit = open.attrGet('id')
    // kramdown lists a heading that has an id (maybe empty) and no `no_toc` class.
    let inToc = !/\bno_toc\b/.test(String(open.attrGet('class') ?? ''))
    let id: string
    if (explicit !== null) {
      id = String(explicit)
    } else if (!autoIds) {
      id = ''
      inToc = false
    } else {
      id = open.meta?.basicId
        ? counter.nextBasic(raw, autoIdPrefix)
        : counter.next(raw, autoIdPrefix)
      if (id !== '') open.attrSet('id', id)
    }
    const level = Number(open.tag.slice(1))
    if (inToc) entries.push({ level, id, children, inFootnote })
    env.headings.push({
      level,
      text: visibleText(children),
      id,
      line: (open.map?.[0] ?? 0) + env.lineOffset,
    })
  }
  env[HEADING_ENTRIES] = entries
}
