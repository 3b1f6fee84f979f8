import type { MarkdownIt, StateInline } from 'markdown-it'
import { openHtmlElements, restoreHtmlElements } from './html-rules'

// kramdown/parser/kramdown/emphasis.rb: emphasis is parsed left to right, greedily. An opening
// `*`/`**`/`_`/`__` not followed by whitespace starts an element whose content runs to the first
// matching delimiter that is not preceded by whitespace (and, for `*`, is not the start of `**`).
// An element never nests in itself; a failed `**` is retried as `*` one character later. This is
// what makes `これは**「重要」**です` emphasis and `**テスト **「重要」**` one strong run on the blog.

/** Ruby's \s (ASCII only: an ideographic space is not whitespace to kramdown). */
function isSpace(c: string | undefined): boolean {
  return c !== undefined && /[ \t\n\v\f\r]/.test(c)
}
const ALPHA_BEFORE = /\p{Alphabetic}-?\p{Alphabetic}*$/u
const ALNUM = /^[\p{Alphabetic}\p{Nd}]/u
/** Characters a paragraph may spend on emphasis that never closes before the rest is plain text. */
const RETRY_BUDGET = 200_000

type Element = 'em' | 'strong'

const stacks = new WeakMap<StateInline, Element[]>()
const spent = new WeakMap<StateInline, number>()

interface Snapshot {
  pos: number
  tokens: number
  meta: number
  pending: string
  pendingLevel: number
  level: number
  delimiters: StateInline['delimiters']
  prevDelimiters: number
  html: string[]
  footnotes: FootnoteSnapshot | null
}

interface FootnoteState {
  refs?: Record<string, number>
  list?: Array<{ count?: number }>
}
interface FootnoteSnapshot {
  length: number
  counts: Array<number | undefined>
}

/** markdown-it-footnote numbers notes as it meets their markers: an abandoned attempt must not count. */
function footnoteSnapshot(state: StateInline): FootnoteSnapshot | null {
  const list = (state.env.footnotes as FootnoteState | undefined)?.list
  return list ? { length: list.length, counts: list.map((f) => f.count) } : null
}

function restoreFootnotes(state: StateInline, saved: FootnoteSnapshot | null): void {
  const footnotes = state.env.footnotes as FootnoteState | undefined
  const list = footnotes?.list
  if (!footnotes || !list) return
  const length = saved?.length ?? 0
  if (footnotes.refs) {
    for (const key of Object.keys(footnotes.refs))
      if (footnotes.refs[key]! >= length) footnotes.refs[key] = -1
  }
  list.length = length
  saved?.counts.forEach((count, i) => {
    list[i]!.count = count
  })
}

function snapshot(state: StateInline): Snapshot {
  return {
    pos: state.pos,
    tokens: state.tokens.length,
    meta: state.tokens_meta.length,
    pending: state.pending,
    pendingLevel: state.pendingLevel,
    level: state.level,
    delimiters: state.delimiters,
    prevDelimiters: state._prev_delimiters.length,
    html: openHtmlElements(state),
    footnotes: footnoteSnapshot(state),
  }
}

function restore(state: StateInline, s: Snapshot): void {
  spent.set(state, (spent.get(state) ?? 0) + (state.pos - s.pos))
  state.pos = s.pos
  state.tokens.length = s.tokens
  state.tokens_meta.length = s.meta
  state.pending = s.pending
  state.pendingLevel = s.pendingLevel
  state.level = s.level
  state.delimiters = s.delimiters
  state._prev_delimiters.length = s.prevDelimiters
  restoreHtmlElements(state, s.html)
  restoreFootnotes(state, s.footnotes)
}

/** Runs the inline rules from `state.pos` until a delimiter kramdown accepts as the closing one. */
function parseUntilClose(
  state: StateInline,
  delim: string,
  element: Element,
  marker: string,
  openIndex: number,
): boolean {
  const rules = state.md.inline.ruler.getRules('')
  const src = state.src
  const end = state.posMax
  const maxNesting = state.md.options.maxNesting
  while (state.pos < end) {
    const pos = state.pos
    if (src.startsWith(delim, pos) && !isSpace(src[pos - 1])) {
      const after = pos + delim.length < end ? src[pos + delim.length] : undefined
      const emBeforeStrong =
        element === 'em' && after === marker && (pos + 2 >= end || src[pos + 2] !== marker)
      const underscoreInWord = marker === '_' && after !== undefined && ALNUM.test(after)
      const hasContent = state.tokens.length > openIndex + 1 || state.pending !== ''
      if (!emBeforeStrong && !underscoreInWord && hasContent) return true
    }
    let ok = false
    if (state.level < maxNesting) {
      for (const rule of rules) {
        if (rule(state, false)) {
          ok = true
          break
        }
      }
    }
    if (ok) {
      if (state.pos <= pos) state.pos = pos + 1
      continue
    }
    state.pending += src[state.pos++]
  }
  return false
}

function attempt(
  state: StateInline,
  from: number,
  delim: string,
  element: Element,
  marker: string,
  stack: Element[],
): boolean {
  const saved = snapshot(state)
  state.pos = from
  const open = state.push(`${element}_open`, element, 1)
  open.markup = delim
  stack.push(element)
  const found = parseUntilClose(state, delim, element, marker, state.tokens.length - 1)
  stack.pop()
  if (!found) {
    restore(state, saved)
    return false
  }
  state.push(`${element}_close`, element, -1).markup = delim
  state.pos += delim.length
  return true
}

/** Inline rule: kramdown's emphasis (replaces markdown-it's delimiter-based one for `*` and `_`). */
export function kramdownEmphasisRule(state: StateInline, silent: boolean): boolean {
  if (silent) return false
  const src = state.src
  const start = state.pos
  const marker = src[start]
  if (marker !== '*' && marker !== '_') return false
  const delim = start + 1 < state.posMax && src[start + 1] === marker ? marker + marker : marker
  const element: Element = delim.length === 2 ? 'strong' : 'em'
  let stack = stacks.get(state)
  if (!stack) {
    stack = []
    stacks.set(state, stack)
  }
  const next = start + delim.length < state.posMax ? src[start + delim.length] : undefined
  const literal =
    (marker === '_' && ALPHA_BEFORE.test(src.slice(Math.max(0, start - 64), start))) ||
    isSpace(next) ||
    stack.includes(element) ||
    (spent.get(state) ?? 0) > RETRY_BUDGET
  if (!literal) {
    if (attempt(state, start + delim.length, delim, element, marker, stack)) return true
    // kramdown retries a failed `**` as `*`, starting at the second marker (the first one is dropped).
    if (
      element === 'strong' &&
      stack[stack.length - 1] !== 'em' &&
      attempt(state, start + 1, marker, 'em', marker, stack)
    )
      return true
  }
  state.pending += delim
  state.pos = start + delim.length
  return true
}

const STRIKETHROUGH = /~~(?![\s~])[\s\S]*?[^\s~]~~/y
/** Where a `~~` was found to have no closing `~~` after it (no later one can have one either). */
const noClosingFrom = new WeakMap<StateInline, number>()

/**
 * GFM strikethrough as kramdown-parser-gfm matches it: `~~`, no whitespace or `~` next, up to the
 * first `~~` after a character that is neither; the text between is parsed on its own.
 */
export function kramdownStrikethrough(state: StateInline, silent: boolean): boolean {
  const start = state.pos
  if (state.src.charCodeAt(start) !== 0x7e || state.src.charCodeAt(start + 1) !== 0x7e) return false
  if (start >= (noClosingFrom.get(state) ?? Infinity)) return false
  STRIKETHROUGH.lastIndex = start
  const m = STRIKETHROUGH.exec(state.src)
  if (!m) {
    if (!/[\s~]/.test(state.src[start + 2] ?? ' ')) noClosingFrom.set(state, start)
    return false
  }
  if (start + m[0].length > state.posMax) return false
  const end = start + m[0].length
  if (!silent) {
    const max = state.posMax
    state.push('s_open', 's', 1).markup = '~~'
    state.pos = start + 2
    state.posMax = end - 2
    state.md.inline.tokenize(state)
    state.posMax = max
    state.push('s_close', 's', -1).markup = '~~'
  }
  state.pos = end
  return true
}

/** Makes emphasis and strikethrough follow kramdown instead of CommonMark. */
export function kramdownEmphasis(md: MarkdownIt): void {
  md.inline.ruler.at('emphasis', kramdownEmphasisRule)
  md.inline.ruler.at('strikethrough', kramdownStrikethrough)
}

/**
 * Code spans the kramdown way: a run of backticks ends at the next occurrence of the same run, even
 * inside a longer one (`` `a``b` `` is two code spans); a lone backtick between spaces is text.
 */
export function kramdownBackticks(state: StateInline, silent: boolean): boolean {
  const src = state.src
  const start = state.pos
  if (src.charCodeAt(start) !== 0x60) return false
  let pos = start
  while (pos < state.posMax && src.charCodeAt(pos) === 0x60) pos++
  const marker = src.slice(start, pos)
  const simple = marker.length === 1
  const spaceBefore = start === 0 || /\s/.test(src[start - 1]!)
  if (simple && spaceBefore && pos < state.posMax && /\s/.test(src[pos]!)) return false
  const end = src.indexOf(marker, pos)
  if (end < 0 || end + marker.length > state.posMax) {
    if (!silent) state.pending += marker
    state.pos = pos
    return true
  }
  if (!silent) {
    let text = src.slice(pos, end)
    if (!simple) {
      if (text.startsWith(' ')) text = text.slice(1)
      if (text.endsWith(' ')) text = text.slice(0, -1)
    }
    const token = state.push('code_inline', 'code', 0)
    token.markup = marker
    token.content = text
  }
  state.pos = end + marker.length
  return true
}
