import { Parser } from 'htmlparser2'

/** How many code points of plain text the feed keeps (PORTAL.md §2). */
export const EXCERPT_LENGTH = 1000

/** What a stretch of the excerpt came from, for the inspector's marks and warnings. */
export type ExcerptSource = 'toc' | 'code'

/** A stretch of the excerpt, in UTF-16 offsets of `text` (so `text.slice(start, end)` works). */
export interface ExcerptRange {
  readonly start: number
  readonly end: number
  readonly source: ExcerptSource
}

/**
 * The plain text of a rendered post, cut to a number of code points. Read-only: one answer is
 * shared by every caller that reads the same start of HTML (see {@link plainTextFromHtml}).
 */
export interface PlainText {
  /** The first `limit` code points, well-formed (lone surrogates become U+FFFD). */
  readonly text: string
  /** Code points in `text`. */
  readonly length: number
  /** True when the post has more plain text than `text` holds. */
  readonly truncated: boolean
  /** Stretches that came from the table of contents or from code. */
  readonly ranges: readonly ExcerptRange[]
}

/** Elements whose start and end are block boundaries: no separator, surrounding whitespace dropped. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
])

/**
 * Elements whose content is never text a reader sees. `script`/`style` per PORTAL.md §2; `template`
 * is inert; an `iframe`'s content is fallback markup that browsers never show.
 */
const IGNORED = new Set(['script', 'style', 'template', 'iframe', 'noframes', 'head', 'title'])

/**
 * The preview's stand-in for an image it cannot show holds the alt text; it is an image, so it
 * contributes nothing (rule 6), whether the card reads the preview's HTML or renders its own.
 */
const IMAGE_PLACEHOLDER = /(?:^|\s)pw-missing-image(?:\s|$)/

const LISTS = new Set(['ul', 'ol'])
const CODE = new Set(['code', 'pre', 'kbd', 'samp'])

/**
 * Kana, kanji and full-width punctuation: a line break next to one of these vanishes (rule 5).
 * Hangul is left out on purpose: Korean separates words with spaces.
 */
const CJK =
  /^[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3190-\u31FF\u3200-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{3FFFF}]$/u

/** Whitespace as the feed collapses it (JavaScript `\s`, which includes U+3000 and NBSP). */
const WHITESPACE_RUN = /\s+/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Whether a one-code-point string is kana, kanji or full-width punctuation. */
export function isCjk(ch: string): boolean {
  return CJK.test(ch)
}

const NONE = 0
const SPACE = 1
const BREAK = 2

/**
 * Turns the parser's events into the feed's plain text, one decision at a time (PORTAL.md §2):
 * separators are settled only when the next visible character arrives, so the first `limit` code
 * points never change once written and parsing can stop there.
 */
class PlainTextWriter {
  private readonly parts: string[] = []
  private units = 0
  length = 0
  private last = ''
  private pending = NONE
  private forced = false
  /** Nothing visible since the last block boundary: whitespace here is dropped. */
  private atEdge = true
  full = false
  truncated = false
  /** Written while reading: the last range grows while its source goes on. */
  readonly ranges: { start: number; end: number; source: ExcerptSource }[] = []

  constructor(private readonly limit: number) {}

  /** A block starts or ends: pending whitespace is dropped (blocks join without separator). */
  block(): void {
    this.pending = NONE
    this.atEdge = true
  }

  /** One space that survives block boundaries (after a table cell, before a nested list). */
  forceSpace(): void {
    this.forced = true
  }

  lineBreak(): void {
    if (!this.atEdge) this.pending = BREAK
  }

  /** Text as it appears in the HTML (whitespace runs inside are spaces or line breaks). */
  text(data: string, source: ExcerptSource | null): void {
    if (this.truncated) return
    let from = 0
    WHITESPACE_RUN.lastIndex = 0
    for (let m = WHITESPACE_RUN.exec(data); m; m = WHITESPACE_RUN.exec(data)) {
      if (m.index > from) this.word(data.slice(from, m.index), source)
      if (this.truncated) return
      // A run holding a newline is a line break, in code blocks too (rule 5); else one space.
      if (this.atEdge) this.pending = NONE
      else if (m[0].includes('\n')) this.pending = BREAK
      else if (this.pending === NONE) this.pending = SPACE
      from = m.index + m[0].length
    }
    if (from < data.length) this.word(data.slice(from), source)
  }

  private word(word: string, source: ExcerptSource | null): void {
    if (this.full) {
      this.truncated = true
      return
    }
    const clean = word.replace(LONE_SURROGATE, '\uFFFD')
    const first = String.fromCodePoint(clean.codePointAt(0)!)
    let sep = ''
    if (this.length > 0) {
      if (this.forced || this.pending === SPACE) sep = ' '
      else if (this.pending === BREAK) sep = isCjk(this.last) || isCjk(first) ? '' : ' '
    }
    this.pending = NONE
    this.forced = false
    this.atEdge = false
    this.emit(sep + clean, source)
  }

  private emit(piece: string, source: ExcerptSource | null): void {
    const start = this.units
    let count = 0
    let cut = piece.length
    // Count code points; stop at the limit without ever cutting a surrogate pair.
    for (let i = 0; i < piece.length; i++) {
      if (this.length + count === this.limit) {
        cut = i
        break
      }
      const c = piece.charCodeAt(i)
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < piece.length) i++
      count++
    }
    const kept = cut === piece.length ? piece : piece.slice(0, cut)
    if (kept.length > 0) {
      this.parts.push(kept)
      this.units += kept.length
      this.length += count
      const lastCode = kept.codePointAt(kept.length - 1)!
      const lastIsLow = lastCode >= 0xdc00 && lastCode <= 0xdfff && kept.length >= 2
      this.last = lastIsLow ? kept.slice(-2) : kept.slice(-1)
      if (source) {
        const prev = this.ranges[this.ranges.length - 1]
        if (prev && prev.source === source && prev.end === start) prev.end = this.units
        else this.ranges.push({ start, end: this.units, source })
      }
    }
    if (this.length >= this.limit) {
      this.full = true
      if (cut < piece.length) this.truncated = true
    }
  }

  /** The end of the document: a forced space still owed (after a last table cell) is written. */
  finish(): void {
    if (this.forced && this.length > 0 && !this.full) this.emit(' ', null)
    else if (this.forced && this.full) this.truncated = true
  }

  result(): PlainText {
    return {
      text: this.parts.join(''),
      length: this.length,
      truncated: this.truncated,
      ranges: this.ranges,
    }
  }
}

/** Characters fed to the parser at a time, so a long post stops parsing once the excerpt is full. */
const CHUNK = 8192

/** Tells whether an element is the kramdown table of contents (`{:toc}` renders `id="markdown-toc"`). */
function isToc(attribs: Record<string, string>): boolean {
  if (attribs.id === 'markdown-toc') return true
  const cls = attribs.class
  return cls !== undefined && /(?:^|\s)(?:markdown-toc|table-of-contents|toc)(?:\s|$)/.test(cls)
}

/**
 * The last answer of {@link plainTextFromHtml}, with the start of the HTML it was read from: any
 * HTML that starts the same way has the same answer (see {@link readPlainText}).
 */
let lastRead: { limit: number; read: string; whole: boolean; result: PlainText } | null = null

/**
 * The plain text of rendered post HTML as the feed computes it (PORTAL.md §2 rules 2–7), cut to
 * `limit` code points. The answer is the same object as the last call's when the HTML starts with
 * everything that call read: a long post's excerpt lies in its first few kilobytes (a table of
 * contents of hundreds of headings, often), which an edit further down leaves alone, so the card
 * reads none of it again. Callers must not change the answer.
 */
export function plainTextFromHtml(html: string, limit: number = EXCERPT_LENGTH): PlainText {
  const last = lastRead
  if (
    last &&
    last.limit === limit &&
    (last.whole ? html === last.read : html.startsWith(last.read))
  )
    return last.result
  let readTo = html.length
  const result = readPlainText(html, limit, (end) => (readTo = end))
  lastRead =
    readTo < html.length
      ? // The parse stopped at the '<' after its last chunk: the chunks are cut the same way in any
        // HTML with this start, '<' included, and nothing after it was read.
        { limit, read: html.slice(0, readTo + 1), whole: false, result }
      : { limit, read: html, whole: true, result }
  return result
}

/**
 * {@link plainTextFromHtml} without remembering: parsing stops as soon as the limit is reached and
 * one more character is seen. `stoppedAt`, when the parse stopped before the end, gets the offset
 * where the chunks read end (a '<').
 */
export function readPlainText(
  html: string,
  limit: number,
  stoppedAt?: (end: number) => void,
): PlainText {
  const writer = new PlainTextWriter(Math.max(0, Math.floor(limit)))
  let depth = 0
  let ignoreDepth = 0
  let codeDepth = 0
  let liDepth = 0
  // Stack of "this element opened a TOC region", to know when the region ends.
  const tocStack: boolean[] = []
  // Stack of "this element is ignored with its content" (script, style, image placeholders…).
  const ignored: boolean[] = []
  let tocDepth = 0
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++
        const toc = isToc(attribs)
        tocStack.push(toc)
        if (toc) tocDepth++
        if (
          IGNORED.has(name) ||
          (attribs.class !== undefined && IMAGE_PLACEHOLDER.test(attribs.class))
        ) {
          ignored.push(true)
          ignoreDepth++
          return
        }
        ignored.push(false)
        if (ignoreDepth > 0) return
        if (name === 'br') {
          writer.lineBreak()
          return
        }
        if (BLOCK.has(name)) {
          writer.block()
          // A nested list follows its parent item's text after one space (rule 3).
          if (LISTS.has(name) && liDepth > 0) writer.forceSpace()
        }
        if (name === 'li') liDepth++
        if (CODE.has(name)) codeDepth++
      },
      onclosetag(name) {
        depth = Math.max(0, depth - 1)
        if (tocStack.pop()) tocDepth--
        if (ignored.pop()) {
          ignoreDepth = Math.max(0, ignoreDepth - 1)
          return
        }
        if (ignoreDepth > 0) return
        if (name === 'li') liDepth = Math.max(0, liDepth - 1)
        if (CODE.has(name)) codeDepth = Math.max(0, codeDepth - 1)
        // Each table cell's text is followed by one space (rule 4).
        if (name === 'td' || name === 'th') writer.forceSpace()
        if (BLOCK.has(name)) writer.block()
      },
      ontext(data) {
        if (ignoreDepth > 0) return
        // Whitespace-only text at the top level of raw HTML adds nothing (rule 6).
        if (depth === 0 && data.trim() === '') return
        const source: ExcerptSource | null = tocDepth > 0 ? 'toc' : codeDepth > 0 ? 'code' : null
        writer.text(data, source)
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  let at = 0
  while (at < html.length && !writer.truncated) {
    // Cut chunks just before a tag, so no text node, entity or surrogate pair is split in two.
    const next = html.indexOf('<', at + CHUNK)
    const end = next < 0 ? html.length : next
    parser.write(html.slice(at, end))
    at = end
  }
  if (!writer.truncated) {
    parser.end()
    writer.finish()
  } else if (at < html.length) stoppedAt?.(at)
  return writer.result()
}

/** The feed's excerpt of rendered post HTML: its first 1000 code points of plain text (PORTAL.md §2). */
export function excerptFromHtml(html: string): string {
  return plainTextFromHtml(html, EXCERPT_LENGTH).text
}
