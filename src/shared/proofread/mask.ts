import { locateFrontMatter } from '../metadata/region'

/**
 * What proofreading must never flag, taken out of a post before textlint sees it: front matter,
 * code blocks, raw HTML blocks, math blocks, kramdown syntax (`{:toc}`, `{: .x}`, `{#id}`,
 * `{::comment}`…) and URLs. Masked characters become spaces (line breaks stay), so offsets, lines
 * and columns of the masked text are those of the post.
 */

/** A range of the post's text. */
export interface TextRange {
  from: number
  to: number
}

/** A post with its non-prose parts blanked out. */
export interface ProseMask {
  /** Same length as the post; masked characters are spaces, line breaks kept. */
  text: string
  /** Inline ranges where a finding must not start (inline code and HTML tags, kept in `text`). */
  excluded: TextRange[]
}

// CommonMark HTML block type 6: block-level tag names.
const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details ' +
    'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 ' +
    'head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option ' +
    'p param search section summary table tbody td tfoot th thead title tr track ul'
  ).split(' '),
)
const RAW_TAGS = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i
const TAG_START = /^ {0,3}<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/
const LONE_TAG =
  /^ {0,3}(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const BLOCK_IAL = /^ {0,3}\{:(?!:)[^\n]*\}\s*$/
const EXTENSION_ONE_LINE = /^ {0,3}\{::[a-z]+[^\n]*\/\}\s*$/
const EXTENSION_OPEN = /^ {0,3}\{::([a-z]+)[^\n]*\}/
const TOC_ITEM = /^ {0,3}(?:[*+-]|\d+[.)])\s+\S*\s*$/
const ABBREVIATION = /^ {0,3}\*\[[^\]]+\]:/
const MATH_OPEN = /^ {0,3}\$\$/
const SPAN_SYNTAX = /\{:[^{}\n]*\}|\{#[A-Za-z][\w:.-]*\}/g
const URL = /<(?:https?|ftp|mailto):[^<>\s]*>|(?:https?|ftp):\/\/[^\s<>()[\]{}"'「」『』（）、。]+/g
const INLINE_CODE = /(`+)[^`\n](?:.*?[^`])??\1(?!`)/g
const INLINE_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>|<!--[^\n]*?-->/g

interface Line {
  from: number
  /** End of the line's text (before `\n`). */
  to: number
  text: string
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  let from = 0
  while (from <= text.length) {
    const nl = text.indexOf('\n', from)
    const to = nl < 0 ? text.length : nl
    lines.push({ from, to, text: text.slice(from, to) })
    if (nl < 0) break
    from = nl + 1
  }
  return lines
}

const isBlank = (line: Line | undefined) => line === undefined || line.text.trim() === ''

/** Index of the last line of the block opened at `i` (a blank line ends it when nothing else does). */
function blockEnd(
  lines: Line[],
  i: number,
  ends: (text: string, index: number) => boolean,
): number {
  for (let j = i; j < lines.length; j++) if (ends(lines[j]!.text, j)) return j
  return lines.length - 1
}

function untilBlank(lines: Line[], i: number): number {
  let j = i
  while (j + 1 < lines.length && !isBlank(lines[j + 1])) j++
  return j
}

/** Which lines, from `i`, form a non-prose block; the index of its last line, or -1. */
function nonProseBlock(lines: Line[], i: number): number {
  const text = lines[i]!.text
  const fence = FENCE.exec(text)
  if (fence) {
    const mark = fence[1]!
    const close = new RegExp(`^ {0,3}${mark[0] === '`' ? '`' : '~'}{${mark.length},}\\s*$`)
    return blockEnd(lines, i + 1, (t) => close.test(t))
  }
  if (EXTENSION_ONE_LINE.test(text)) return i
  const extension = EXTENSION_OPEN.exec(text)
  if (extension) {
    const name = extension[1]!
    const close = new RegExp(`\\{:/(?:${name})?\\}`)
    const rest = text.slice(extension[0].length)
    return close.test(rest) ? i : blockEnd(lines, i + 1, (t) => close.test(t))
  }
  if (BLOCK_IAL.test(text)) return i
  if (ABBREVIATION.test(text)) return i
  if (MATH_OPEN.test(text)) {
    const rest = text.trim().slice(2)
    return rest.includes('$$') ? i : blockEnd(lines, i + 1, (t) => t.includes('$$'))
  }
  if (/^ {0,3}<!--/.test(text)) return blockEnd(lines, i, (t) => t.includes('-->'))
  const raw = RAW_TAGS.exec(text)
  if (raw) {
    const close = new RegExp(`</${raw[1]}>`, 'i')
    return blockEnd(lines, i, (t) => close.test(t))
  }
  const tag = TAG_START.exec(text)
  if (tag && BLOCK_TAGS.has(tag[1]!.toLowerCase())) return untilBlank(lines, i)
  // Type 7 (any complete tag alone on its line) cannot interrupt a paragraph.
  if (LONE_TAG.test(text) && isBlank(lines[i - 1])) return untilBlank(lines, i)
  return -1
}

/**
 * The post with the ranges blanked (spaces, line breaks kept), built from slices: the ranges are
 * sorted and may overlap. One pass, no per-character array (a 50k post is masked on every request).
 */
function blanked(source: string, ranges: TextRange[]): string {
  ranges.sort((a, b) => a.from - b.from)
  const out: string[] = []
  let at = 0
  for (const r of ranges) {
    const from = Math.max(r.from, at)
    if (r.to <= from) continue
    out.push(source.slice(at, from), source.slice(from, r.to).replace(NOT_A_BREAK, ' '))
    at = r.to
  }
  out.push(source.slice(at))
  return out.join('')
}
const NOT_A_BREAK = /[^\r\n]/g

/** Blanks the non-prose parts of a post. See the module comment. */
export function maskNonProse(source: string): ProseMask {
  const masked: TextRange[] = []
  const blank = (from: number, to: number) => masked.push({ from, to })
  const excluded: TextRange[] = []
  const region = locateFrontMatter(source)
  const bodyStart = region ? region.end : 0
  if (region) blank(0, region.end)
  const lines = splitLines(source)
  let i = lines.findIndex((l) => l.from >= bodyStart)
  if (i < 0) i = lines.length
  while (i < lines.length) {
    const end = nonProseBlock(lines, i)
    if (end >= 0) {
      // kramdown's table of contents: the list item right above `{:toc}` is a placeholder.
      if (
        end === i &&
        /\{:toc\}/.test(lines[i]!.text) &&
        i > 0 &&
        TOC_ITEM.test(lines[i - 1]!.text)
      ) {
        blank(lines[i - 1]!.from, lines[i - 1]!.to)
      }
      blank(lines[i]!.from, lines[end]!.to)
      i = end + 1
      continue
    }
    const line = lines[i]!
    for (const re of [SPAN_SYNTAX, URL]) {
      re.lastIndex = 0
      for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
        blank(line.from + m.index, line.from + m.index + m[0].length)
      }
    }
    for (const re of [INLINE_CODE, INLINE_TAG]) {
      re.lastIndex = 0
      for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
        excluded.push({ from: line.from + m.index, to: line.from + m.index + m[0].length })
      }
    }
    i++
  }
  excluded.sort((a, b) => a.from - b.from)
  return { text: blanked(source, masked), excluded }
}

/** Whether a finding starting at `offset` falls in an excluded inline range. */
export function isExcluded(excluded: readonly TextRange[], offset: number): boolean {
  // Ranges are in text order: binary search for the last range starting at or before `offset`.
  let lo = 0
  let hi = excluded.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const r = excluded[mid]!
    if (r.from <= offset) {
      if (offset < r.to) return true
      lo = mid + 1
    } else hi = mid - 1
  }
  return false
}
