import {
  authorLines,
  joinParagraphs,
  wrapParagraph,
  type Measure,
  type PhraseSplitter,
} from './line-break'

/** Limits for fitting the title (PORTAL.md §4). */
export interface TitleFitOptions {
  /** Widest line in pixels. */
  maxWidth: number
  /** Most lines allowed. */
  maxLines: number
  /** Tallest the title block may be in pixels (lines × line height). */
  maxHeight: number
  /** Largest font size tried first. */
  maxSize: number
  /** Smallest font size before giving up. */
  minSize: number
  /** Smallest size at which the writer's own line breaks are kept without further wrapping. */
  authorBreakMinSize: number
  /** Line height as a multiple of the font size. */
  lineHeight: number
  /** Japanese phrases: lines break between them (none: between any two characters). */
  phrases?: PhraseSplitter
}

/** The blog generator's limits: 54 → 24 px over at most 4 lines. */
export const DEFAULT_TITLE_FIT: TitleFitOptions = {
  maxWidth: 960,
  maxLines: 4,
  maxHeight: 4 * Math.round(54 * 1.44),
  maxSize: 54,
  minSize: 24,
  authorBreakMinSize: 34,
  lineHeight: 1.44,
}

/** How the title was fitted. */
export interface TitleFit {
  /** Font size in pixels. */
  size: number
  /** Line height in pixels. */
  lineHeight: number
  /** Lines to draw (at most `maxLines`; the last ends with … when the title did not fit). */
  lines: string[]
  /** How many lines the whole title needs at `size`. */
  neededLines: number
  /** True when the title did not fit in `maxLines` even at the smallest size. */
  overflow: boolean
  /** True when the writer's own line breaks were kept. */
  keptAuthorBreaks: boolean
  /** True when a word longer than a whole line had to be cut. */
  brokeWord: boolean
}

const ELLIPSIS = '…'

/** Wraps `measure` with a cache: the fitter asks for the same segments at many sizes. */
export function cachedMeasure(measure: Measure): Measure {
  const cache = new Map<string, number>()
  return (text, px) => {
    const key = `${px}\u0000${text}`
    let w = cache.get(key)
    if (w === undefined) {
      w = measure(text, px)
      cache.set(key, w)
    }
    return w
  }
}

function clampWithEllipsis(
  lines: string[],
  maxLines: number,
  maxWidth: number,
  px: number,
  measure: Measure,
): string[] {
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  let last = Array.from(kept[maxLines - 1] ?? '')
  while (last.length > 0 && measure(last.join('') + ELLIPSIS, px) > maxWidth)
    last = last.slice(0, -1)
  kept[maxLines - 1] = last.join('').trimEnd() + ELLIPSIS
  return kept
}

/**
 * Fits a title: the largest size from `maxSize` down to `minSize` (1 px steps) at which it fits in
 * `maxLines` lines and `maxHeight`. Tried in this order: (1) the writer's own line breaks with no
 * further wrapping (down to `authorBreakMinSize`), (2) the writer's lines, each wrapped, (3) the
 * lines joined and wrapped. When nothing fits, the smallest size is used, the text is clamped
 * with … and `overflow` is set.
 */
export function fitTitle(
  title: string,
  measure: Measure,
  options: TitleFitOptions = DEFAULT_TITLE_FIT,
): TitleFit {
  const m = cachedMeasure(measure)
  const o = options
  const paragraphs = authorLines(title)
  const lineHeightAt = (size: number) => Math.round(size * o.lineHeight)
  const fits = (lines: string[], size: number) =>
    lines.length <= o.maxLines && lines.length * lineHeightAt(size) <= o.maxHeight
  const result = (
    size: number,
    lines: string[],
    keptAuthorBreaks: boolean,
    brokeWord = false,
  ): TitleFit => ({
    size,
    lineHeight: lineHeightAt(size),
    lines: clampWithEllipsis(lines, o.maxLines, o.maxWidth, size, m),
    neededLines: lines.length,
    overflow: !fits(lines, size),
    keptAuthorBreaks,
    brokeWord,
  })
  if (paragraphs.length === 0) return result(o.maxSize, [], false)

  const wrapAll = (paras: string[], size: number, breakWords = false) => {
    let tooWide = false
    const lines = paras.flatMap((p) => {
      const r = wrapParagraph(p, o.maxWidth, size, m, breakWords, o.phrases)
      tooWide ||= r.tooWide
      return r.lines
    })
    return { lines, tooWide }
  }

  const multi = paragraphs.length > 1
  // (1) The writer's breaks exactly as typed.
  if (multi && paragraphs.length <= o.maxLines) {
    for (let size = o.maxSize; size >= Math.max(o.minSize, o.authorBreakMinSize); size--) {
      const { lines, tooWide } = wrapAll(paragraphs, size)
      if (!tooWide && lines.length === paragraphs.length && fits(lines, size))
        return result(size, lines, true)
    }
  }
  // (2) The writer's lines, each wrapped.
  for (let size = o.maxSize; size >= o.minSize; size--) {
    const { lines, tooWide } = wrapAll(paragraphs, size)
    if (!tooWide && fits(lines, size)) return result(size, lines, multi)
  }
  // (3) One paragraph, wrapped freely.
  const joined = multi ? [joinParagraphs(paragraphs)] : paragraphs
  if (multi) {
    for (let size = o.maxSize; size >= o.minSize; size--) {
      const { lines, tooWide } = wrapAll(joined, size)
      if (!tooWide && fits(lines, size)) return result(size, lines, false)
    }
  }
  // Nothing fits: the smallest size, words cut only if one is wider than a line.
  const { lines, tooWide } = wrapAll(joined, o.minSize)
  if (tooWide) {
    const cut = wrapAll(joined, o.minSize, true)
    return result(o.minSize, cut.lines, false, true)
  }
  return result(o.minSize, lines, false)
}
