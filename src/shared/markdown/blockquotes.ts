import type { StateBlock } from 'markdown-it'
import { EOB_LINE, IAL_LINE } from './attribute-lists'
import { CLOSE_TAG_LINE, SPAN_ELEMENTS, TAG_NAME_START } from './html-syntax'

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line])
}

/** Lines that end a quote (kramdown's LAZY_END): blank, `{:…}`, `^`, or a block HTML tag. */
function endsQuote(state: StateBlock, line: number): boolean {
  if (state.isEmpty(line)) return true
  const text = lineText(state, line)
  if (IAL_LINE.test(text) || (state.sCount[line] === state.blkIndent && EOB_LINE.test(text)))
    return true
  const name = TAG_NAME_START.exec(text)?.[1] ?? CLOSE_TAG_LINE.exec(text)?.[1]
  if (!name) return false
  const lower = name.toLowerCase()
  return !SPAN_ELEMENTS.has(lower) && lower !== 'script'
}

/**
 * Block rule replacing markdown-it's blockquote with kramdown's: the quote takes every following
 * line up to a blank line (with or without `>`), so `> a` followed by `## b` or `- c` keeps them
 * inside the quote, as on the blog. `> ` is then removed from each line and the rest is parsed.
 */
export function kramdownBlockquote(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  if (state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!) !== 0x3e /* > */)
    return false
  if (silent) return true

  let end = startLine + 1
  while (end < endLine && state.sCount[end]! >= state.blkIndent && !endsQuote(state, end)) end++

  const saved: Array<[number, number, number, number, number]> = []
  for (let line = startLine; line < end; line++) {
    saved.push([
      line,
      state.bMarks[line]!,
      state.tShift[line]!,
      state.sCount[line]!,
      state.bsCount[line]!,
    ])
    const indent = state.sCount[line]! - state.blkIndent
    let pos = state.bMarks[line]! + state.tShift[line]!
    const max = state.eMarks[line]!
    if (indent <= 3 && state.src.charCodeAt(pos) === 0x3e) {
      // Strip `>` and one following space (kramdown's BLOCKQUOTE_START).
      pos++
      if (state.src.charCodeAt(pos) === 0x20) pos++
      state.bMarks[line] = pos
      let offset = 0
      while (pos < max) {
        const c = state.src.charCodeAt(pos)
        if (c === 0x20) offset++
        else if (c === 0x09) offset += 4 - (offset % 4)
        else break
        pos++
      }
      state.tShift[line] = pos - state.bMarks[line]!
      state.sCount[line] = offset
      state.bsCount[line] = 0
    } else {
      // A lazy line keeps its own indentation, relative to the quote.
      state.sCount[line] = Math.max(0, indent)
    }
  }

  const oldParentType = state.parentType
  const oldBlkIndent = state.blkIndent
  const oldLineMax = state.lineMax
  state.parentType = 'blockquote'
  state.blkIndent = 0
  state.lineMax = end
  const open = state.push('blockquote_open', 'blockquote', 1)
  open.markup = '>'
  open.map = [startLine, end]
  state.md.block.tokenize(state, startLine, end)
  state.push('blockquote_close', 'blockquote', -1).markup = '>'
  state.lineMax = oldLineMax
  state.parentType = oldParentType
  state.blkIndent = oldBlkIndent
  for (const [line, bMark, tShift, sCount, bsCount] of saved) {
    state.bMarks[line] = bMark
    state.tShift[line] = tShift
    state.sCount[line] = sCount
    state.bsCount[line] = bsCount
  }
  state.line = end
  return true
}
