import { msg, type LocalizedText } from '../localized'
import { EXCERPT_LENGTH, isCjk, type PlainText } from './excerpt'

/** Layout the feed gives the excerpt: a width in CSS pixels, a font size and a line clamp. */
export interface ExcerptBox {
  widthPx: number
  fontPx: number
  lines: number
}

/**
 * The feed's excerpt box on a 4-column desktop page: about 250 px wide, 0.75em of a 16 px page,
 * clamped to 2 lines (PORTAL.md §2). An estimate: the inspector marks what is likely visible.
 */
export const FEED_EXCERPT_BOX: ExcerptBox = { widthPx: 250, fontPx: 12, lines: 2 }

/** Approximate advance of one character in em: full-width 1, Latin and digits about 0.55. */
function advanceEm(ch: string): number {
  if (isCjk(ch)) return ch >= '\uFF61' && ch <= '\uFF9F' ? 0.5 : 1
  if (ch === ' ') return 0.3
  if (/[A-Z@MW%&mw]/.test(ch)) return 0.68
  if (/[il.,:;'!|I]/.test(ch)) return 0.28
  return 0.55
}

/**
 * How much of the excerpt (UTF-16 length) fits the clamped box, with `word-break: break-all` as
 * in the feed (a line breaks at any character). An estimate from typical glyph widths.
 */
export function visibleExcerptLength(text: string, box: ExcerptBox = FEED_EXCERPT_BOX): number {
  const lineEm = box.widthPx / box.fontPx
  let line = 1
  let used = 0
  let i = 0
  for (const ch of text) {
    const w = advanceEm(ch)
    if (used + w > lineEm) {
      line++
      used = 0
      if (line > box.lines) return i
    }
    used += w
    i += ch.length
  }
  return text.length
}

/** A note about the excerpt a writer can act on. */
export interface ExcerptWarning {
  id: 'empty' | 'toc' | 'greeting' | 'raw-url' | 'markdown' | 'short'
  severity: 'warning' | 'info'
  message: LocalizedText
}

const GREETING =
  /^(?:こんにちは|こんばんは|おはようございます|はじめまして|初めまして|どうも|お疲れさまです|お疲れ様です|hello|hi|hey)(?![a-z])/i
const RAW_URL = /https?:\/\/[^\s]+/i
const LEFTOVER = /\*\*|__|~~|\]\(|\{:|\]\[/

/** Shares of the excerpt above which the table of contents "is" the excerpt. */
const TOC_SHARE_OF_VISIBLE = 0.5
const TOC_SHARE_OF_EXCERPT = 0.4

/**
 * Warnings about a post's excerpt: empty, mostly the table of contents, opening with a greeting,
 * raw URLs, leftover Markdown outside code, and (as information) a post shorter than the excerpt.
 */
export function inspectExcerpt(
  plain: PlainText,
  box: ExcerptBox = FEED_EXCERPT_BOX,
): ExcerptWarning[] {
  const out: ExcerptWarning[] = []
  const { text } = plain
  if (text.trim() === '') {
    out.push({
      id: 'empty',
      severity: 'warning',
      message: msg(
        '本文に文章がないため、カードの抜粋が空になります。最初に記事の内容を伝える段落を書いてください。',
        'The post has no text, so the card shows no excerpt. Start with a paragraph that says what the post is about.',
      ),
    })
    return out
  }
  const visible = visibleExcerptLength(text, box)
  let tocAll = 0
  let tocVisible = 0
  for (const r of plain.ranges) {
    if (r.source !== 'toc') continue
    tocAll += r.end - r.start
    tocVisible += Math.max(0, Math.min(r.end, visible) - r.start)
  }
  if (
    tocVisible >= visible * TOC_SHARE_OF_VISIBLE ||
    tocAll >= text.length * TOC_SHARE_OF_EXCERPT
  ) {
    out.push({
      id: 'toc',
      severity: 'warning',
      message: msg(
        '抜粋の多くが目次の見出しの羅列です。目次（{:toc}）の前に、記事の内容を伝える導入の段落を置いてください。',
        'Most of the excerpt is the table of contents. Put an introductory paragraph before the {:toc} list.',
      ),
    })
  }
  if (GREETING.test(text.trimStart())) {
    out.push({
      id: 'greeting',
      severity: 'warning',
      message: msg(
        '抜粋があいさつで始まっています。フィードで見えるのは最初の 2 行ほどなので、あいさつより先に記事で分かることを書くと読まれやすくなります。',
        'The excerpt opens with a greeting. The feed shows only about two lines, so say what the post offers before greeting.',
      ),
    })
  }
  const url = RAW_URL.exec(text)
  if (url) {
    out.push({
      id: 'raw-url',
      severity: 'warning',
      message: msg(
        `抜粋に URL がそのまま出ています（${url[0].slice(0, 40)}）。リンクには [説明](URL) のように文字を付けてください。`,
        `The excerpt shows a raw URL (${url[0].slice(0, 40)}). Give links text, like [description](URL).`,
      ),
    })
  }
  // Markdown left as text outside code (code may legitimately hold `**` or `](`).
  let prose = ''
  let at = 0
  for (const r of plain.ranges) {
    if (r.source !== 'code') continue
    prose += text.slice(at, r.start) + '\n'
    at = r.end
  }
  prose += text.slice(at)
  const left = LEFTOVER.exec(prose)
  if (left) {
    out.push({
      id: 'markdown',
      severity: 'warning',
      message: msg(
        `抜粋に Markdown の記号「${left[0]}」が文字のまま残っています。書き方を確かめてください（全角の括弧や記号のそばの ** など）。`,
        `The excerpt shows Markdown "${left[0]}" as text. Check the syntax around it.`,
      ),
    })
  }
  if (!plain.truncated && plain.length < EXCERPT_LENGTH) {
    out.push({
      id: 'short',
      severity: 'info',
      message: msg(
        `本文が ${plain.length} 文字で ${EXCERPT_LENGTH} 文字より短いため、抜粋は本文全体です。`,
        `The post has ${plain.length} characters of text, fewer than ${EXCERPT_LENGTH}, so the excerpt is the whole post.`,
      ),
    })
  }
  return out
}
