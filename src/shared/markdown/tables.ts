import type { StateBlock } from 'markdown-it'
import { EOB_LINE, IAL_LINE } from './attribute-lists'
import { OPEN_TAG, VOID_ELEMENTS, findRawHtmlEnd, normalizeTagName } from './html-syntax'

// kramdown/parser/kramdown/table.rb
const SEPARATOR = /^([+|: \t-]*?-[+|: \t-]*?)[ \t]*$/
const FOOTER_SEPARATOR = /^[+|: \t=]*?=[+|: \t=]*?[ \t]*$/
const ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g
const HTML_CODE = /(<code.*?>.*?<\/code>)/

type Align = 'default' | 'left' | 'right' | 'center'
type Section = { kind: 'thead' | 'tbody' | 'tfoot'; rows: Array<{ cells: string[]; line: number }> }

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line])
}

/** Whether a line has a pipe that is not escaped (kramdown's TABLE_LINE). */
function hasPipe(text: string): boolean {
  for (let i = text.indexOf('|'); i >= 0; i = text.indexOf('|', i + 1)) {
    if (i === 0 || text.charCodeAt(i - 1) !== 0x5c /* \ */) return true
  }
  return false
}

/**
 * What kramdown's last check sees in a table's text (code spans and span HTML parsed, the rest
 * text): code spans as themselves, an HTML element (tag, content and closing tag, or to the end
 * when it never closes) as one chunk with no line break and no pipe, text in between.
 */
function tableChunks(text: string): Array<{ kind: 'text' | 'code' | 'html'; value: string }> {
  const chunks: Array<{ kind: 'text' | 'code' | 'html'; value: string }> = []
  let last = 0
  const push = (kind: 'code' | 'html', start: number, end: number) => {
    if (start > last) chunks.push({ kind: 'text', value: text.slice(last, start) })
    chunks.push({ kind, value: kind === 'html' ? '' : text.slice(start, end) })
    last = end
  }
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i)
    if (c === 0x60 /* ` */) {
      let n = i
      while (text.charCodeAt(n) === 0x60) n++
      const ticks = text.slice(i, n)
      const lone =
        ticks.length === 1 && (i === 0 || /\s/.test(text[i - 1]!)) && /\s/.test(text[n] ?? '')
      const close = lone ? -1 : text.indexOf(ticks, n)
      if (close < 0) {
        i = n
        continue
      }
      push('code', i, close + ticks.length)
      i = close + ticks.length
      continue
    }
    if (c === 0x3c /* < */) {
      OPEN_TAG.lastIndex = i
      const open = OPEN_TAG.exec(text)
      if (open) {
        const name = normalizeTagName(open[1]!)
        const end =
          open[3] || VOID_ELEMENTS.has(name)
            ? OPEN_TAG.lastIndex
            : findRawHtmlEnd(text, OPEN_TAG.lastIndex, name).end
        push('html', i, end)
        i = end
        continue
      }
    }
    i++
  }
  if (last < text.length) chunks.push({ kind: 'text', value: text.slice(last) })
  return chunks
}

/**
 * kramdown's last check before accepting a table: pipes inside code spans and HTML elements (an
 * attribute such as `title="A | B"`) do not count, and a code span running over more than one line
 * break ends it (table.rb, the pipe_on_line walk).
 */
function pipesOutsideCode(lines: readonly string[]): boolean {
  let pipeOnLine = false
  for (const chunk of tableChunks(lines.join('\n'))) {
    const parts = chunk.value.split('\n')
    if (chunk.kind === 'code') {
      if (parts.length > 2 || (parts.length === 2 && !pipeOnLine)) break
      if (parts.length === 2) pipeOnLine = false
    } else {
      if (parts.length > 1 && !pipeOnLine && !hasPipe(parts[0]!)) break
      pipeOnLine = (parts.length > 1 ? false : pipeOnLine) || hasPipe(parts[parts.length - 1]!)
    }
  }
  return pipeOnLine
}

/** Splits a row on unescaped pipes, never inside code spans or `<code>` elements. */
export function splitRow(row: string): string[] {
  const cells: string[] = ['']
  const add = (s: string) => {
    cells[cells.length - 1] += s
  }
  const parts = row.split(HTML_CODE)
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      add(part)
      return
    }
    let i = 0
    let plain = ''
    const flush = () => {
      const pieces = plain.split(/(?<!\\)\|/)
      add(pieces[0]!.replace(/\\\|/g, '|'))
      for (const piece of pieces.slice(1)) cells.push(piece.replace(/\\\|/g, '|'))
      plain = ''
    }
    while (i < part.length) {
      if (part.charCodeAt(i) === 0x60 /* ` */) {
        let n = i
        while (part.charCodeAt(n) === 0x60) n++
        const ticks = part.slice(i, n)
        // kramdown: a code span ends at the next occurrence of the same backticks.
        const close = part.indexOf(ticks, n)
        if (close >= 0) {
          flush()
          add(part.slice(i, close + ticks.length))
          i = close + ticks.length
          continue
        }
        plain += ticks
        i = n
        continue
      }
      plain += part[i]
      i++
    }
    flush()
  })
  return cells
}

/**
 * kramdown's after_block_boundary: the table must start a container, follow a blank line, or follow
 * an attribute list waiting for the next block.
 */
function afterBoundary(state: StateBlock, startLine: number): boolean {
  const last = state.tokens[state.tokens.length - 1]
  if (!last || last.nesting === 1) return true
  if (last.type === 'kramdown_ial' && last.meta?.target === 'next') return true
  return startLine > 0 && state.isEmpty(startLine - 1)
}

/** kramdown's before_block_boundary: a blank line, an attribute list, `^`, or the end. */
function beforeBoundary(state: StateBlock, line: number, endLine: number): boolean {
  if (line >= endLine || state.isEmpty(line)) return true
  if (state.sCount[line]! < state.blkIndent) return true
  const text = lineText(state, line)
  return IAL_LINE.test(text) || EOB_LINE.test(text)
}

/**
 * Block rule for kramdown tables: any run of lines holding a pipe, after a blank line and followed
 * by one. A `|---|` line after the first rows makes them the header; without one the table has a
 * body only. Further `|---|` lines start a new body, `|===|` starts the footer.
 */
export function kramdownTable(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const first = lineText(state, startLine)
  if (first === '' || !hasPipe(first)) return false
  if (!afterBoundary(state, startLine)) return false

  const leadingPipe = first.startsWith('|')
  const sections: Section[] = []
  let rows: Section['rows'] = []
  let alignment: Align[] | null = null
  let hasFooter = false
  let columns = 0
  const addSection = (kind: Section['kind'], force: boolean) => {
    if (!hasFooter || kind !== 'tbody' || force) {
      sections.push({ kind, rows })
      rows = []
    }
  }

  let line = startLine
  for (; line < endLine; line++) {
    if (line > startLine && (state.sCount[line]! < state.blkIndent || state.isEmpty(line))) break
    const text = lineText(state, line).replace(/[ \t]+$/, '')
    if (!hasPipe(text)) break
    const sep = SEPARATOR.exec(text)
    if (sep) {
      if (rows.length === 0) continue
      if (alignment === null && !hasFooter) {
        addSection('thead', false)
        alignment = [...sep[1]!.matchAll(ALIGN)].map(([, left, right]) =>
          !left && !right ? 'default' : !right ? 'left' : !left ? 'right' : 'center',
        )
      } else {
        addSection('tbody', false)
      }
      continue
    }
    if (FOOTER_SEPARATOR.test(text)) {
      if (rows.length > 0) addSection('tbody', true)
      hasFooter = true
      continue
    }
    const cells = splitRow(text)
    if (leadingPipe && cells[0]!.trim() === '') cells.shift()
    if (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop()
    columns = Math.max(columns, cells.length)
    rows.push({ cells: cells.map((c) => c.trim()), line })
  }
  if (!beforeBoundary(state, line, endLine)) return false
  const lines: string[] = []
  for (let l = startLine; l < line; l++) lines.push(lineText(state, l))
  if (!pipesOutsideCode(lines)) return false
  if (rows.length > 0) addSection(hasFooter ? 'tfoot' : 'tbody', false)
  if (!sections.some((s) => s.kind === 'tbody')) return false
  if (silent) return true

  const aligns: Align[] = (alignment ?? []).slice(0, columns)
  while (aligns.length < columns) aligns.push('default')

  const table = state.push('table_open', 'table', 1)
  table.map = [startLine, line]
  for (const section of sections) {
    state.push(`${section.kind}_open`, section.kind, 1)
    for (const row of section.rows) {
      const tr = state.push('tr_open', 'tr', 1)
      tr.map = [row.line, row.line + 1]
      const cellTag = section.kind === 'thead' ? 'th' : 'td'
      for (let c = 0; c < columns; c++) {
        const open = state.push(`${cellTag}_open`, cellTag, 1)
        const align = aligns[c]!
        if (align !== 'default') open.attrSet('style', `text-align: ${align}`)
        const inline = state.push('inline', '', 0)
        // kramdown fills an empty cell with a no-break space.
        inline.content = row.cells[c] || '&nbsp;'
        inline.map = [row.line, row.line + 1]
        inline.children = []
        state.push(`${cellTag}_close`, cellTag, -1)
      }
      state.push('tr_close', 'tr', -1)
    }
    state.push(`${section.kind}_close`, section.kind, -1)
  }
  state.push('table_close', 'table', -1)
  state.line = line
  return true
}
