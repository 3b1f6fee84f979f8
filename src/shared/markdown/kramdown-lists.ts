import type { StateBlock, Token } from 'markdown-it'
import { applyAttributeList, parseAttributeList } from './attribute-lists'
import { SPAN_ELEMENTS, TAG_NAME_START, CLOSE_TAG_LINE } from './html-syntax'
import type { PipelineEnv } from './types'

// kramdown/parser/kramdown/list.rb, line by line. A list item takes every following line that is
// indented to its content, or any "lazy" line until a blank line, so a list marker written under an
// item (`1. a` / `  - b`, even `- b` at the margin) is a nested list, as on the blog.

const UL_START = /^( {0,3}[+*-])([\t| ].*)$/
const OL_START = /^( {0,3}\d+\.)([\t| ].*)$/
const HR = /^ {0,3}([*\-_])[ \t]*\1[ \t]*\1(?:\1|[ \t])*$/
const EOB = /^\^\s*$/
const ITEM_IAL = /^\s*\{:(?!(?:\w[\w-]*)?:|\/)((?:\\\}|[^}])+)\}\s*/
const IAL_LINE = /^\{:(?![:/])(?:\\\}|[^}])+\}\s*$/

type ListType = 'ul' | 'ol'

interface Item {
  start: number
  end: number
  /** Content column relative to the list's container. */
  indentation: number
  /** Offset in the source where the first line's content starts. */
  contentStart: number
  /** Lines that are not indented to the content, with the relative indent kramdown keeps for them. */
  lazy: Map<number, number>
  ial: string | null
}

function relativeIndent(state: StateBlock, line: number): number {
  return Math.max(0, state.sCount[line]! - state.blkIndent)
}

/** The line as kramdown sees it inside the current container: relative indentation, then text. */
function lineText(state: StateBlock, line: number): string {
  return (
    ' '.repeat(relativeIndent(state, line)) +
    state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line])
  )
}

/** The pattern for further items: their marker must start left of the current item's content. */
function itemPattern(type: ListType, indentation: number): RegExp {
  const spaces = Math.min(Math.max(indentation - 1, 0), 3)
  return type === 'ul'
    ? new RegExp(`^( {0,${spaces}}[+*-])([\\t| ].*)$`)
    : new RegExp(`^( {0,${spaces}}\\d+\\.)([\\t| ].*)$`)
}

/** Lines that end an item instead of continuing it lazily: attribute lists and block HTML. */
function endsLazily(text: string, indentation: number): boolean {
  const max = Math.min(indentation, 3)
  const lead = /^ */.exec(text)![0].length
  if (lead > max) return false
  const rest = text.slice(lead)
  if (IAL_LINE.test(rest)) return true
  const open = TAG_NAME_START.exec(rest)?.[1] ?? CLOSE_TAG_LINE.exec(rest)?.[1]
  if (!open) return false
  const lower = open.toLowerCase()
  return !SPAN_ELEMENTS.has(lower) && lower !== 'script'
}

/** Where an item's content starts and its content column (kramdown's parse_first_list_line). */
function firstLine(
  state: StateBlock,
  line: number,
  marker: string,
): { indentation: number; contentStart: number; ial: string | null } {
  const lead = relativeIndent(state, line)
  const max = state.eMarks[line]!
  let pos = state.bMarks[line]! + state.tShift[line]! + marker.length - lead
  let column = marker.length
  while (pos < max) {
    const c = state.src.charCodeAt(pos)
    if (c === 0x20) column++
    else if (c === 0x09) column += 4 - (column % 4)
    else break
    pos++
  }
  const rest = state.src.slice(pos, max)
  const ial = ITEM_IAL.exec(rest)
  // An empty first line, or one holding only an attribute list: the content is indented by four.
  if (rest.trim() === '' || (ial && ial[0].length === rest.length))
    return { indentation: 4, contentStart: max, ial: ial?.[1] ?? null }
  return {
    indentation: column,
    contentStart: ial ? pos + ial[0].length : pos,
    ial: ial?.[1] ?? null,
  }
}

/** Finds the items of the list starting at `startLine` (kramdown's parse_list loop). */
function scanItems(
  state: StateBlock,
  startLine: number,
  endLine: number,
  type: ListType,
): { items: Item[]; end: number; eob: boolean } {
  const items: Item[] = []
  let item: Item | null = null
  let pattern = type === 'ul' ? UL_START : OL_START
  let lastIsBlank = false
  let nestedListFound = false
  let line = startLine
  let eob = false
  for (; line < endLine; line++) {
    if (state.sCount[line]! < state.blkIndent && !state.isEmpty(line)) break
    if (state.isEmpty(line)) {
      if (!item) break
      lastIsBlank = true
      nestedListFound = true
      continue
    }
    const text = lineText(state, line)
    if (lastIsBlank && HR.test(text)) break
    if (EOB.test(text)) {
      eob = true
      line++
      break
    }
    const m = pattern.exec(text)
    if (m) {
      if (item) item.end = line
      const first = firstLine(state, line, m[1]!)
      item = {
        start: line,
        end: line + 1,
        indentation: first.indentation,
        contentStart: first.contentStart,
        lazy: new Map(),
        ial: first.ial,
      }
      items.push(item)
      pattern = itemPattern(type, first.indentation)
      nestedListFound = UL_START.test(m[2]!.trimStart()) || OL_START.test(m[2]!.trimStart())
      lastIsBlank = false
      continue
    }
    if (!item) break
    const indent = relativeIndent(state, line)
    const indented = indent >= item.indentation
    if (!indented && (lastIsBlank || endsLazily(text, item.indentation))) break
    const isListStart =
      UL_START.test(indented ? text.slice(item.indentation) : text) ||
      OL_START.test(indented ? text.slice(item.indentation) : text)
    if (!nestedListFound && indented && isListStart) {
      nestedListFound = true
    } else if (nestedListFound && !indented && isListStart) {
      // kramdown pushes a marker at the margin into the nested list found before.
      item.lazy.set(line, indent + item.indentation + 4)
    }
    if (!indented && !item.lazy.has(line)) item.lazy.set(line, indent)
    lastIsBlank = false
  }
  if (item) item.end = line
  return { items, end: line, eob }
}

/**
 * Block rule replacing markdown-it's list rule with kramdown's: `1.` or `-`/`*`/`+` markers (any
 * number starts or interrupts a paragraph, `1)` is no marker), items that take lazy lines, nested
 * lists by content, kramdown's rule for which items wrap their text in `<p>`, and numbering from 1.
 */
export function kramdownList(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const text = lineText(state, startLine)
  const type: ListType | null = UL_START.test(text) ? 'ul' : OL_START.test(text) ? 'ol' : null
  if (!type) return false
  if (silent) return true

  const { items, end, eob } = scanItems(state, startLine, endLine, type)
  if (items.length === 0) return false

  const env = state.env as PipelineEnv
  const listOpen = state.push(type === 'ul' ? 'bullet_list_open' : 'ordered_list_open', type, 1)
  listOpen.map = [startLine, end]
  const markerOf = (line: number) =>
    (type === 'ul' ? UL_START : OL_START).exec(lineText(state, line))![1]!.trim()
  listOpen.markup = markerOf(startLine)
  const oldParentType = state.parentType
  const oldBlkIndent = state.blkIndent
  state.parentType = 'list'

  const shapes: ItemShape[] = []
  items.forEach((item, index) => {
    const open = state.push('list_item_open', 'li', 1)
    open.map = [item.start, item.end]
    open.markup = markerOf(item.start)
    if (type === 'ol') open.info = open.markup.replace(/\.$/, '')
    if (item.ial) applyAttributeList(open, parseAttributeList(item.ial), env.alds)
    const firstToken = state.tokens.length

    const contentColumn = oldBlkIndent + item.indentation
    const saved: Array<[number, number, number]> = []
    const save = (line: number) => saved.push([line, state.sCount[line]!, state.tShift[line]!])
    save(item.start)
    state.tShift[item.start] = item.contentStart - state.bMarks[item.start]!
    state.sCount[item.start] = contentColumn
    for (const [line, indent] of item.lazy) {
      save(line)
      state.sCount[line] = contentColumn + indent
    }
    state.blkIndent = contentColumn
    state.md.block.tokenize(state, item.start, item.end)
    state.blkIndent = oldBlkIndent
    for (const [line, sCount, tShift] of saved.reverse()) {
      state.sCount[line] = sCount
      state.tShift[line] = tShift
    }
    state.line = item.end

    if (item.ial) {
      // The attribute list was applied to the item; it is not text.
      const inline = state.tokens[firstToken + 1]
      if (inline?.type === 'inline') inline.content = inline.content.replace(ITEM_IAL, '')
    }
    const first = state.tokens[firstToken]
    const firstIsParagraph = first?.type === 'paragraph_open'
    const hidden =
      firstIsParagraph &&
      isTransparent(state, first, item, index === items.length - 1, items.length, eob, shapes)
    if (hidden) {
      first.hidden = true
      state.tokens[firstToken + 2]!.hidden = true
    }
    shapes.push({ firstIsParagraph, hidden })
    state.push('list_item_close', 'li', -1).markup = open.markup
  })

  state.push(type === 'ul' ? 'bullet_list_close' : 'ordered_list_close', type, -1).markup =
    listOpen.markup
  state.parentType = oldParentType
  state.line = end
  return true
}

interface ItemShape {
  firstIsParagraph: boolean
  hidden: boolean
}

/**
 * kramdown shows an item's first paragraph without `<p>` ("transparent") unless a blank line follows
 * it inside the item; the last item keeps `<p>` when every item before it has one.
 */
function isTransparent(
  state: StateBlock,
  first: Token,
  item: Item,
  isLast: boolean,
  count: number,
  eob: boolean,
  before: readonly ItemShape[],
): boolean {
  const paragraphEnd = first.map?.[1] ?? item.end
  let followed: boolean
  if (paragraphEnd >= item.end || !state.isEmpty(paragraphEnd)) {
    // Nothing after it, or another block right after it.
    followed = true
  } else {
    let onlyBlank = true
    for (let line = paragraphEnd; line < item.end; line++)
      if (!state.isEmpty(line)) onlyBlank = false
    followed = isLast && onlyBlank && !eob
  }
  if (!followed) return false
  if (!isLast || count === 1) return true
  return before.some((b) => !b.firstIsParagraph || b.hidden)
}
