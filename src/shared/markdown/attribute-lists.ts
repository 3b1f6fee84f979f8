import type { StateBlock, StateCore, StateInline, Token } from 'markdown-it'
import type { AttributeList, PipelineEnv } from './types'

// kramdown's attribute list grammar (kramdown/parser/kramdown/extensions.rb). Ruby's \w is ASCII.
const ALD_ID_NAME = String.raw`\w[\w-]*`
const ALD_ANY = new RegExp(
  String.raw`(?:^|\s)(?:(${ALD_ID_NAME})=("|')((?:\\\}|\\["']|[^}\x02])*?)\2|(${ALD_ID_NAME})|((?:#[A-Za-z][\w:-]*|\.[^\s.#]+)+))(?=\s|$)`,
  'g',
)
const ID_OR_CLASS = /#([A-Za-z][\w:-]*)|\.([^\s.#]+)/g

/** A block attribute list line: `{: .class #id key="v"}` (not `{::` or `{:/`). */
export const IAL_LINE = /^ {0,3}\{:(?![:/])((?:\\\}|[^}])+)\}\s*$/
/** An attribute list definition line: `{:name: .class}`. */
const ALD_LINE = new RegExp(String.raw`^ {0,3}\{:(${ALD_ID_NAME}):((?:\\\}|[^}])+)\}\s*$`)
/** An extension line: `{::name attrs}` or `{::name attrs /}`. */
const EXT_LINE = /^ {0,3}\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}\s*$/
/** kramdown's end-of-block marker: a line holding only `^`. */
export const EOB_LINE = /^\^\s*$/

const KNOWN_EXTENSIONS = new Set(['comment', 'nomarkdown', 'options'])

/** Parses the inside of a kramdown attribute list (`.a #b key="v" ref`). */
export function parseAttributeList(source: string): AttributeList {
  const list: AttributeList = { classes: [], id: null, pairs: [], refs: [] }
  ALD_ANY.lastIndex = 0
  for (let m = ALD_ANY.exec(source); m; m = ALD_ANY.exec(source)) {
    if (m[0] === '') {
      ALD_ANY.lastIndex++
      continue
    }
    const [, key, sep, value, ref, idOrClass] = m
    if (ref) list.refs.push(ref)
    else if (idOrClass) {
      ID_OR_CLASS.lastIndex = 0
      for (let p = ID_OR_CLASS.exec(idOrClass); p; p = ID_OR_CLASS.exec(idOrClass)) {
        if (p[2]) list.classes.push(p[2])
        else if (p[1]) list.id = p[1]
      }
    } else if (key && sep) {
      const unescaped = (value ?? '').replace(new RegExp(String.raw`\\(\}|${sep})`, 'g'), '$1')
      list.pairs.push([key, unescaped])
    }
  }
  return list
}

/** Applies an attribute list to a token the way kramdown does: definitions first, then its own. */
export function applyAttributeList(
  token: Token,
  list: AttributeList,
  alds: Map<string, AttributeList>,
  depth = 0,
): void {
  for (const ref of list.refs) {
    const def = alds.get(ref)
    if (def && depth < 8) applyAttributeList(token, def, alds, depth + 1)
  }
  if (depth === 0 && list.refs.length > 0) {
    const meta = (token.meta ??= {})
    meta.ialRefs = [...((meta.ialRefs as string[] | undefined) ?? []), ...list.refs]
  }
  if (list.classes.length > 0) token.attrJoin('class', list.classes.join(' '))
  if (list.id !== null) token.attrSet('id', list.id)
  for (const [key, value] of list.pairs) {
    if (key === 'class') token.attrJoin('class', value)
    else token.attrSet(key, value)
  }
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line]! + state.tShift[line]!, state.eMarks[line])
}

/** Finds a `{:/name}` (or `{:/}`) line after `from`; -1 when there is none. */
function findExtensionEnd(state: StateBlock, from: number, endLine: number, name: string): number {
  const stop = new RegExp(String.raw`^ {0,3}\{:/(${name})?\}\s*$`)
  for (let line = from; line < endLine; line++) {
    if (state.sCount[line]! < state.blkIndent && !state.isEmpty(line)) return -1
    if (stop.test(lineText(state, line))) return line
  }
  return -1
}

/**
 * Block rule for kramdown's block-level extensions: attribute lists (`{: .note}`), attribute list
 * definitions, `{::comment}`/`{::nomarkdown}`/`{::options}` and the `^` end-of-block marker.
 * None of them is ever shown as text.
 */
export function kramdownBlockExtensions(
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const text = lineText(state, startLine)
  const first = text.charCodeAt(0)
  if (first === 0x5e /* ^ */) {
    // kramdown's EOB marker must start the line; it also ends a list it lazily follows.
    if (state.sCount[startLine]! > state.blkIndent || !EOB_LINE.test(text)) return false
    if (silent) return true
    pushMarker(state, startLine, startLine + 1)
    return true
  }
  if (first !== 0x7b /* { */ || text.charCodeAt(1) !== 0x3a /* : */) return false

  const ald = ALD_LINE.exec(text)
  if (ald) {
    if (silent) return true
    const env = state.env as PipelineEnv
    const existing = env.alds.get(ald[1]!)
    const parsed = parseAttributeList(ald[2]!)
    env.alds.set(ald[1]!, existing ? mergeLists(existing, parsed) : parsed)
    pushMarker(state, startLine, startLine + 1)
    return true
  }

  const ial = IAL_LINE.exec(text)
  if (ial) {
    if (silent) return true
    const target = ialTarget(state, startLine)
    const token = state.push('kramdown_ial', '', 0)
    token.map = [startLine, startLine + 1]
    token.hidden = true
    token.meta = { ial: parseAttributeList(ial[1]!), target }
    state.line = startLine + 1
    return true
  }

  // Extensions never end a paragraph (kramdown's PARAGRAPH_END does not include them).
  if (silent) return false
  const ext = EXT_LINE.exec(text)
  if (!ext || !KNOWN_EXTENSIONS.has(ext[1]!)) return false
  const name = ext[1]!
  if (ext[3]) {
    pushMarker(state, startLine, startLine + 1)
    return true
  }
  const end = findExtensionEnd(state, startLine + 1, endLine, name)
  if (end < 0) return false
  if (name === 'nomarkdown' || name === 'comment') {
    const token = state.push('html_block', '', 0)
    token.map = [startLine, end + 1]
    const content = state.getLines(startLine + 1, end, state.blkIndent, true)
    // kramdown writes a comment extension as an HTML comment.
    token.content = name === 'comment' ? `<!-- ${content.replace(/\n$/, '')} -->\n` : content
    // kramdown writes nomarkdown content as typed (raw HTML is written back in its own spelling).
    token.info = 'nomarkdown'
    state.line = end + 1
    return true
  }
  pushMarker(state, startLine, end + 1)
  return true
}

function pushMarker(state: StateBlock, start: number, end: number): void {
  const token = state.push('kramdown_marker', '', 0)
  token.map = [start, end]
  token.hidden = true
  state.line = end
}

function mergeLists(a: AttributeList, b: AttributeList): AttributeList {
  return {
    classes: [...a.classes, ...b.classes],
    id: b.id ?? a.id,
    pairs: [...a.pairs, ...b.pairs],
    refs: [...a.refs, ...b.refs],
  }
}

/**
 * Whether a block attribute list belongs to the block before it (written directly under it) or
 * to the next one (after a blank line, at the start of a container, or after another marker).
 */
function ialTarget(state: StateBlock, line: number): 'prev' | 'next' {
  const last = state.tokens[state.tokens.length - 1]
  if (!last || last.nesting === 1) return 'next'
  if (last.type === 'kramdown_ial') return (last.meta?.target as 'prev' | 'next') ?? 'next'
  if (last.type === 'kramdown_marker') return 'next'
  if (line > 0 && state.isEmpty(line - 1)) return 'next'
  return 'prev'
}

/** Index of the opening token matching the closing token at `close` (-1 when unbalanced). */
export function findOpening(tokens: readonly Token[], close: number): number {
  let depth = 0
  for (let i = close; i >= 0; i--) {
    depth -= tokens[i]!.nesting
    if (depth === 0) return i
  }
  return -1
}

/** Index of the closing token matching the opening token at `open` (-1 when unbalanced). */
export function findClosing(tokens: readonly Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return -1
}

/** Core rule: applies block attribute lists to their blocks (kramdown's update_tree). */
export function applyBlockAttributeLists(state: StateCore): void {
  const tokens = state.tokens
  const env = state.env as PipelineEnv
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type !== 'kramdown_ial') continue
    const target = token.meta?.target === 'prev' ? previousBlock(tokens, i) : nextBlock(tokens, i)
    if (target) applyAttributeList(target, token.meta!.ial as AttributeList, env.alds)
  }
}

function previousBlock(tokens: readonly Token[], index: number): Token | null {
  const level = tokens[index]!.level
  for (let i = index - 1; i >= 0; i--) {
    const t = tokens[i]!
    if (t.level < level) return null
    if (t.level > level) continue
    if (t.type === 'kramdown_ial' || t.type === 'kramdown_marker') continue
    if (t.nesting === 0) return t
    if (t.nesting === -1) {
      const open = findOpening(tokens, i)
      return open >= 0 ? tokens[open]! : null
    }
    return null
  }
  return null
}

function nextBlock(tokens: readonly Token[], index: number): Token | null {
  const level = tokens[index]!.level
  for (let i = index + 1; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.level !== level) return null
    if (t.type === 'kramdown_ial' || t.type === 'kramdown_marker') continue
    return t.nesting === -1 ? null : t
  }
  return null
}

const SPAN_IAL = /\{:((?:\\\}|[^}])+)\}/y
const SPAN_EXT = /\{::(\w+)(?:\s((?:\\\}|[^}])*?)|)(\/)?\}/y

/**
 * Inline rule for span attribute lists written right after an element (`*word*{: .x}`) and span
 * extensions (`{::comment}…{:/comment}`). An attribute list after plain text stays text, as in
 * kramdown.
 */
export function kramdownSpanExtensions(state: StateInline, silent: boolean): boolean {
  const start = state.pos
  if (state.src.charCodeAt(start) !== 0x7b || state.src.charCodeAt(start + 1) !== 0x3a) return false
  SPAN_EXT.lastIndex = start
  const ext = SPAN_EXT.exec(state.src)
  if (ext && ext.index + ext[0].length <= state.posMax) {
    const name = ext[1]!
    if (!KNOWN_EXTENSIONS.has(name)) return false
    let end = start + ext[0].length
    let body: string | null = null
    if (!ext[3]) {
      const stop = new RegExp(String.raw`\{:/(${name})?\}`, 'g')
      stop.lastIndex = end
      const m = stop.exec(state.src)
      if (!m || m.index + m[0].length > state.posMax) return false
      body = state.src.slice(end, m.index)
      end = m.index + m[0].length
    }
    if (!silent && name === 'nomarkdown' && body !== null) {
      const token = state.push('html_inline', '', 0)
      token.content = body
      token.info = 'nomarkdown'
    }
    state.pos = end
    return true
  }
  if (state.pending !== '' || state.tokens.length === 0) return false
  SPAN_IAL.lastIndex = start
  const ial = SPAN_IAL.exec(state.src)
  if (!ial || start + ial[0].length > state.posMax) return false
  if (!silent) {
    const token = state.push('kramdown_span_ial', '', 0)
    token.meta = { ial: parseAttributeList(ial[1]!) }
    token.markup = ial[0]
  }
  state.pos = start + ial[0].length
  return true
}

const SPAN_TARGETS = new Set(['code_inline', 'image', 'html_inline', 'footnote_ref'])

/**
 * Inline post-processing: applies span attribute lists to the element before them (after
 * emphasis has been resolved); one that follows text turns back into text.
 */
export function applySpanAttributeLists(state: StateInline): void {
  const tokens = state.tokens
  const env = state.env as PipelineEnv
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.type !== 'kramdown_span_ial') continue
    // Strong emphasis leaves an empty text token beside its closing token.
    let p = i - 1
    while (p >= 0 && tokens[p]!.type === 'text' && tokens[p]!.content === '') p--
    const prev = tokens[p]
    let target: Token | null = null
    if (prev && prev.nesting === -1) {
      const open = findOpening(tokens, p)
      target = open >= 0 ? tokens[open]! : null
    } else if (prev && SPAN_TARGETS.has(prev.type) && prev.type !== 'html_inline') {
      target = prev
    }
    if (target) {
      applyAttributeList(target, token.meta!.ial as AttributeList, env.alds)
      token.hidden = true
    } else {
      token.type = 'text'
      token.content = token.markup
    }
  }
}
