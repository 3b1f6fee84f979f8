/**
 * Japanese line breaking for the title card (kinsoku shori), on top of a font's measurements.
 * Pure: the caller passes `measure`, backed in main by the shipped font's glyph advances.
 */

/** Width in pixels of `text` set at `px` pixels. */
export type Measure = (text: string, px: number) => number

/**
 * Splits a line into phrases whose concatenation is the line (BudouX in main): a line may break
 * only between phrases (and at spaces), never inside one, unless nothing else fits.
 */
export type PhraseSplitter = (text: string) => string[]

/**
 * Characters that never start a line: closing brackets and quotes, punctuation, iteration marks,
 * the long-vowel mark and small kana.
 */
export const NO_LINE_START = new Set(
  Array.from(
    '、。，．・：；？！‼⁇⁈⁉ー〜～…‥）〕］｝〉》」』】〙〗〟’”｣ゝゞヽヾ々〻' +
      'ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ' +
      ')]},.:;!?%',
  ),
)

/** Characters that never end a line: opening brackets and quotes move to the next line. */
export const NO_LINE_END = new Set(Array.from('（〔［｛〈《「『【〘〖〝‘“｢([{'))

// Letters, digits and ASCII punctuation form words that are never split.
const WORDY = /^[\u0021-\u007E\u00A0-\u024F\u1E00-\u1EFF\u2010-\u2011\u2019]+$/u
const SPACE = /^[ \t\u00A0\u2002-\u200A]$/u

const graphemes = new Intl.Segmenter('ja', { granularity: 'grapheme' })

/** One unbreakable run of text, or a space where a line may break. */
export interface Segment {
  text: string
  kind: 'word' | 'text' | 'space'
}

function firstChar(s: string): string {
  return Array.from(s)[0] ?? ''
}

function lastChar(s: string): string {
  const chars = Array.from(s)
  return chars[chars.length - 1] ?? ''
}

/**
 * Splits one line of a title into unbreakable segments: ASCII/Latin words stay whole, each other
 * character stands alone, characters that may not start a line join the segment before them and
 * opening brackets join the segment after them. Runs of spaces become one space segment.
 */
export function segmentLine(line: string, phrases?: PhraseSplitter): Segment[] {
  // Where a phrase begins (offsets into `line`); without a splitter every character may break.
  let starts: Set<number> | null = null
  if (phrases) {
    starts = new Set()
    let at = 0
    for (const phrase of phrases(line)) {
      starts.add(at)
      at += phrase.length
    }
  }
  // Atoms: words, single graphemes, single spaces; inside a phrase, graphemes stay together.
  const atoms: Segment[] = []
  for (const { segment, index } of graphemes.segment(line)) {
    const prev = atoms[atoms.length - 1]
    if (starts && prev && prev.kind !== 'space' && !SPACE.test(segment) && !starts.has(index)) {
      prev.text += segment
      if (!WORDY.test(segment)) prev.kind = 'text'
      continue
    }
    if (SPACE.test(segment)) {
      if (prev && prev.kind !== 'space') atoms.push({ text: ' ', kind: 'space' })
      else if (!prev) continue
      continue
    }
    if (WORDY.test(segment)) {
      if (prev?.kind === 'word') prev.text += segment
      else atoms.push({ text: segment, kind: 'word' })
      continue
    }
    atoms.push({ text: segment, kind: 'text' })
  }
  while (atoms[atoms.length - 1]?.kind === 'space') atoms.pop()

  // Kinsoku: glue what may not start a line to the left, what may not end a line to the right,
  // even across a space ("「 EKS", "EKS 、").
  const out: Segment[] = []
  let glueNext = false
  for (const atom of atoms) {
    const prev = out[out.length - 1]
    if (atom.kind === 'space') {
      if (prev && NO_LINE_END.has(lastChar(prev.text))) {
        prev.text += ' '
        glueNext = true
      } else out.push({ ...atom })
      continue
    }
    let target = prev && prev.kind !== 'space' ? prev : undefined
    let joiner = ''
    if (prev?.kind === 'space' && NO_LINE_START.has(firstChar(atom.text)) && out.length >= 2) {
      out.pop()
      target = out[out.length - 1]
      joiner = ' '
    }
    if (
      target &&
      (glueNext ||
        joiner !== '' ||
        NO_LINE_START.has(firstChar(atom.text)) ||
        NO_LINE_END.has(lastChar(target.text)))
    ) {
      target.text += joiner + atom.text
      if (atom.kind === 'word') target.kind = 'word'
    } else {
      out.push({ ...atom })
    }
    glueNext = false
  }
  return out
}

/** Lines produced for one paragraph at one size. */
export interface WrapResult {
  lines: string[]
  /** True when some unbreakable segment is wider than the line on its own. */
  tooWide: boolean
}

function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (g) => g.segment)
}

/**
 * Wraps one paragraph into lines no wider than `maxWidth` at `px`, breaking only between segments
 * (greedy, like the browser). With `breakWords`, a segment wider than a whole line is cut between
 * characters as a last resort; otherwise it gets a line of its own and `tooWide` is set.
 */
export function wrapParagraph(
  text: string,
  maxWidth: number,
  px: number,
  measure: Measure,
  breakWords = false,
  phrases?: PhraseSplitter,
): WrapResult {
  const segments = segmentLine(text, phrases)
  const lines: string[] = []
  let tooWide = false
  let current = ''
  let width = 0
  let pendingSpace = false
  const spaceWidth = measure(' ', px)
  const flush = () => {
    if (current !== '') lines.push(current)
    current = ''
    width = 0
    pendingSpace = false
  }
  for (const seg of segments) {
    if (seg.kind === 'space') {
      pendingSpace = current !== ''
      continue
    }
    const w = measure(seg.text, px)
    const gap = pendingSpace ? spaceWidth : 0
    if (current !== '' && width + gap + w <= maxWidth) {
      current += (pendingSpace ? ' ' : '') + seg.text
      width += gap + w
      pendingSpace = false
      continue
    }
    if (current !== '') flush()
    if (w <= maxWidth) {
      current = seg.text
      width = w
      continue
    }
    if (!breakWords) {
      tooWide = true
      lines.push(seg.text)
      continue
    }
    // Last resort: cut between characters, still keeping line-start rules where possible.
    for (const g of splitGraphemes(seg.text)) {
      const gw = measure(g, px)
      if (current !== '' && width + gw > maxWidth && !NO_LINE_START.has(g)) flush()
      current += g
      width += gw
    }
  }
  flush()
  return { lines, tooWide }
}

/**
 * Joins the writer's lines into one paragraph: with nothing between Japanese text, with a space
 * between Latin words.
 */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.reduce((acc, p) => {
    if (acc === '') return p
    const a = lastChar(acc)
    const b = firstChar(p)
    return acc + (WORDY.test(a) && WORDY.test(b) ? ' ' : '') + p
  }, '')
}

/** Splits a title into the writer's own lines: trimmed, blank lines dropped. */
export function authorLines(title: string): string[] {
  return title
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t ]+/g, ' ').trim())
    .filter((l) => l !== '')
}
