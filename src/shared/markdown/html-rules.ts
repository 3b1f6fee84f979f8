import type { StateBlock, StateInline } from 'markdown-it'
import {
  BLOCK_CONTENT_ELEMENTS,
  BLOCK_ELEMENTS,
  CLOSE_TAG,
  COMMENT,
  OPEN_TAG,
  SPAN_CONTENT_ELEMENTS,
  SPAN_ELEMENTS,
  TAG_NAME_START,
  VOID_ELEMENTS,
  findCloseTag,
  findRawHtmlEnd,
  normalizeTagName,
} from './html-syntax'

/**
 * The text of the container from `startLine` on, and a function mapping an offset in it back to a
 * line. At the top level this is the source itself (no copy); inside lists and quotes the lines are
 * re-assembled without their container markers.
 */
function containerText(
  state: StateBlock,
  startLine: number,
  endLine: number,
): { text: string; base: number; start: number; lineAt: (offset: number) => number } {
  if (state.parentType === 'root' && state.blkIndent === 0) {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!
    return {
      text: state.src,
      base: state.bMarks[startLine]!,
      start,
      lineAt: (offset) => {
        let line = startLine
        while (line + 1 < endLine && state.bMarks[line + 1]! <= offset) line++
        return line
      },
    }
  }
  const text = state.getLines(startLine, endLine, state.blkIndent, false)
  const start = Math.max(0, state.sCount[startLine]! - state.blkIndent)
  return {
    text,
    base: 0,
    start,
    lineAt: (offset) => {
      let line = startLine
      for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++
      return line
    },
  }
}

/**
 * Block rule for raw HTML the kramdown way: a line starting with a tag that is not a span element
 * starts a raw HTML block that runs to its matching closing tag, across blank lines (Markdown inside
 * is not parsed); an unclosed element runs to the end of the document. Comments are blocks too.
 */
export function kramdownHtmlBlock(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const pos = state.bMarks[startLine]! + state.tShift[startLine]!
  if (state.src.charCodeAt(pos) !== 0x3c /* < */) return false
  const firstLine = state.src.slice(pos, state.eMarks[startLine])

  if (silent) {
    // kramdown ends a paragraph at a line starting `<name` of a non-span element other than script.
    const name = TAG_NAME_START.exec(firstLine)?.[1]
    if (!name) return false
    const lower = name.toLowerCase()
    if (SPAN_ELEMENTS.has(lower) || lower === 'script') return false
    // kramdown also stops at `<https://…>`, finds no HTML there and appends the line to the
    // paragraph again: the same as not stopping (a list item's paragraph stays one paragraph).
    OPEN_TAG.lastIndex = pos
    return OPEN_TAG.test(state.src)
  }

  const { text, base, start, lineAt } = containerText(state, startLine, endLine)
  let end: number
  let strays: number[] = []
  COMMENT.lastIndex = start
  if (firstLine.startsWith('<!--')) {
    if (!COMMENT.test(text)) return false
    end = COMMENT.lastIndex
  } else {
    OPEN_TAG.lastIndex = start
    const open = OPEN_TAG.exec(text)
    if (!open) return false
    const name = normalizeTagName(open[1]!)
    if (SPAN_ELEMENTS.has(name.toLowerCase())) return false
    end = OPEN_TAG.lastIndex
    if (!open[3] && !VOID_ELEMENTS.has(name)) {
      if (name === 'script' || name === 'style') {
        const close = findCloseTag(text, end, name)
        end = close < 0 ? text.length : close
      } else {
        const extent = findRawHtmlEnd(text, end, name)
        const model = markdownModel(open[2]!, name)
        if (
          model &&
          extent.end < text.length &&
          parseMarkdownInside(state, {
            text,
            open,
            name,
            model,
            end: extent.end,
            startLine,
            endLine,
            lineAt,
          })
        ) {
          return true
        }
        end = extent.end
        strays = extent.strays.map((offset) => offset - base)
      }
    }
  }
  // The block takes whole lines: what follows the closing tag on its line stays in the block.
  const lastLine = end >= text.length ? endLine - 1 : lineAt(Math.max(start, end - 1))
  const next = Math.min(lastLine + 1, endLine)
  const token = state.push('html_block', '', 0)
  token.map = [startLine, next]
  token.content = state.getLines(startLine, next, state.blkIndent, true)
  if (strays.length > 0) token.meta = { strays }
  state.line = next
  return true
}

/** A raw HTML block's content with its stray closing tags shown as text, as kramdown does. */
export function escapeStrayClosingTags(
  content: string,
  strays: readonly number[] | undefined,
): string {
  if (!strays || strays.length === 0) return content
  let out = ''
  let last = 0
  for (const offset of strays) {
    if (offset < last || content.charCodeAt(offset) !== 0x3c) continue
    out += content.slice(last, offset) + '&lt;'
    last = offset + 1
  }
  return out + content.slice(last)
}

/** The offset of the end of the line holding `from`. */
function lineEnd(text: string, from: number): number {
  const i = text.indexOf('\n', from)
  return i < 0 ? text.length : i
}

/** How `markdown="…"` asks kramdown to parse an element's content, or null for raw. */
function markdownModel(attributes: string, name: string): 'block' | 'span' | null {
  const m = /(?:^|\s)markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/.exec(attributes)
  if (!m) return null
  const value = m[1] ?? m[2] ?? m[3]
  if (value === 'block') return 'block'
  if (value === 'span') return 'span'
  if (value !== '1') return null
  if (SPAN_CONTENT_ELEMENTS.has(name)) return 'span'
  return BLOCK_CONTENT_ELEMENTS.has(name) ? 'block' : null
}

/**
 * `<div markdown="1">…</div>`: the tags stay raw HTML and the content is parsed as Markdown (blocks,
 * or one run of inline text for span elements). Returns false when the layout is not one this
 * preview can split by lines (then the element is shown raw).
 */
function parseMarkdownInside(
  state: StateBlock,
  at: {
    text: string
    open: RegExpExecArray
    name: string
    model: 'block' | 'span'
    end: number
    startLine: number
    endLine: number
    lineAt: (offset: number) => number
  },
): boolean {
  const { text, open, model, end, startLine, endLine, lineAt } = at
  const openEnd = open.index + open[0].length
  const closeStart = text.lastIndexOf('</', end - 1)
  const closeLine = lineAt(closeStart)
  if (closeLine >= endLine) return false
  const tag = open[0].replace(/\s+markdown\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/, '')
  const closeTag = text.slice(closeStart, end)
  if (model === 'block') {
    const restOfOpenLine = text.slice(openEnd, lineEnd(text, openEnd))
    const closeLineStart = text.lastIndexOf('\n', closeStart - 1) + 1
    if (
      restOfOpenLine.trim() !== '' ||
      text.slice(closeLineStart, closeStart).trim() !== '' ||
      closeLine === startLine
    )
      return false
    const openToken = state.push('html_block', '', 0)
    openToken.map = [startLine, startLine + 1]
    openToken.content = `${tag}\n`
    const first = state.tokens.length
    state.md.block.tokenize(state, startLine + 1, closeLine)
    // kramdown's GFM ids skip raw HTML: headings in here get kramdown's basic ids.
    for (let i = first; i < state.tokens.length; i++) {
      const t = state.tokens[i]!
      if (t.type === 'heading_open') t.meta = { ...t.meta, basicId: true }
    }
    const closeToken = state.push('html_block', '', 0)
    closeToken.map = [closeLine, closeLine + 1]
    closeToken.content = `${text.slice(closeStart, lineEnd(text, closeStart))}\n`
    state.line = closeLine + 1
    return true
  }
  const openToken = state.push('html_block', '', 0)
  openToken.map = [startLine, closeLine + 1]
  openToken.content = tag
  const inline = state.push('inline', '', 0)
  inline.content = text.slice(openEnd, closeStart).trim()
  inline.map = [startLine, closeLine + 1]
  inline.children = []
  state.push('html_block', '', 0).content = `${closeTag}\n`
  state.line = closeLine + 1
  return true
}

const htmlStacks = new WeakMap<StateInline, string[]>()

/** The raw HTML span elements open in this inline parse (a copy, for backtracking). */
export function openHtmlElements(state: StateInline): string[] {
  return [...(htmlStacks.get(state) ?? [])]
}

/** Puts back the open raw HTML span elements of an abandoned parse attempt. */
export function restoreHtmlElements(state: StateInline, saved: readonly string[]): void {
  const stack = htmlStacks.get(state)
  if (stack) stack.splice(0, stack.length, ...saved)
}

/**
 * Inline rule for raw HTML the kramdown way. Tags kramdown does not recognise, block elements
 * inside a paragraph and closing tags that close nothing stay text. Elements other than the span
 * elements (code, kbd, var, unknown tags…) keep their content raw.
 */
export function kramdownHtmlInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos
  const src = state.src
  if (src.charCodeAt(start) !== 0x3c /* < */) return false
  const next = src.charCodeAt(start + 1)
  if (next === 0x21 /* ! */) {
    COMMENT.lastIndex = start
    if (!COMMENT.test(src) || COMMENT.lastIndex > state.posMax) return false
    if (!silent) state.push('html_inline', '', 0).content = src.slice(start, COMMENT.lastIndex)
    state.pos = COMMENT.lastIndex
    return true
  }
  let stack = htmlStacks.get(state)
  if (next === 0x2f /* / */) {
    if (silent) return false
    CLOSE_TAG.lastIndex = start
    const close = CLOSE_TAG.exec(src)
    if (!close || CLOSE_TAG.lastIndex > state.posMax) return false
    if (!stack || stack[stack.length - 1] !== normalizeTagName(close[1]!)) return false
    stack.pop()
    state.push('html_inline', '', 0).content = close[0]
    state.pos = CLOSE_TAG.lastIndex
    return true
  }
  OPEN_TAG.lastIndex = start
  const open = OPEN_TAG.exec(src)
  if (!open || OPEN_TAG.lastIndex > state.posMax) return false
  const name = normalizeTagName(open[1]!)
  if (BLOCK_ELEMENTS.has(name)) return false
  let end = OPEN_TAG.lastIndex
  if (open[3] || VOID_ELEMENTS.has(name)) {
    if (!silent) state.push('html_inline', '', 0).content = open[0]
    state.pos = end
    return true
  }
  if (!SPAN_CONTENT_ELEMENTS.has(name)) {
    // Raw content up to the closing tag, or to the end of the paragraph when there is none.
    const close = findCloseTag(src.slice(0, state.posMax), end, name)
    end = close < 0 ? state.posMax : close
    if (!silent) state.push('html_inline', '', 0).content = src.slice(start, end)
    state.pos = end
    return true
  }
  if (!silent) {
    if (!stack) {
      stack = []
      htmlStacks.set(state, stack)
    }
    stack.push(name)
    state.push('html_inline', '', 0).content = open[0]
  }
  state.pos = end
  return true
}
