import { toRomaji } from 'wanakana'

/**
 * Fuzzy matching for tag and author suggestions that does not care about width, case, katakana
 * versus hiragana, or kana versus romaji: 「ルビー」, 「るびー」 and "rubi" fold to the same key.
 * Kanji are compared as written (reading them needs a dictionary).
 */

/** A suggestion with how many posts use it. */
export interface SuggestionEntry {
  value: string
  count: number
}

const KATAKANA = /[\u30A1-\u30F6]/g
const NOT_WORD = /[^\p{L}\p{N}]+/gu
const folded = new Map<string, string>()
const MAX_CACHE = 20_000

/**
 * The form of a text used for matching: NFKC (full-width to half-width and back), lower case,
 * katakana as hiragana, kana as romaji (wanakana, Hepburn), without spaces, punctuation or the
 * long-vowel mark.
 */
export function foldForMatch(text: string): string {
  const cached = folded.get(text)
  if (cached !== undefined) return cached
  const hiragana = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
  const romaji = /[\u3041-\u3096\u30FC]/.test(hiragana) ? toRomaji(hiragana) : hiragana
  const key = romaji.replace(NOT_WORD, '')
  if (folded.size >= MAX_CACHE) folded.clear()
  folded.set(text, key)
  return key
}

/**
 * The key the blog files a tag page under (`/tags/<tag lower-cased, spaces to ->/`, PORTAL.md §1),
 * after NFKC: two tags with one key share one page.
 */
export function tagPageKey(tag: string): string {
  return tag.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '-')
}

/** Levenshtein distance between two strings (by UTF-16 unit; the inputs here are short). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  if (a.length === 0) return b.length
  if (b.length === 0) return a.length
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

/** Whether every character of `query` appears in `text` in order; returns the gaps, or -1. */
function subsequenceGaps(query: string, text: string): number {
  let gaps = 0
  let at = 0
  for (const ch of query) {
    const found = text.indexOf(ch, at)
    if (found < 0) return -1
    gaps += found - at
    at = found + 1
  }
  return gaps
}

/** How well `value` matches the query (higher is better); 0 means no match. */
export function matchScore(query: string, value: string): number {
  const q = foldForMatch(query)
  if (q === '') return 1
  const v = foldForMatch(value)
  if (v === q) return 1000
  if (v.startsWith(q)) return 800 - Math.min(100, v.length - q.length)
  const words = value
    .normalize('NFKC')
    .split(/[\s\-_/.]+/)
    .map(foldForMatch)
  if (words.some((w) => w.startsWith(q))) return 600
  if (v.includes(q)) return 400
  const gaps = subsequenceGaps(q, v)
  if (gaps >= 0 && q.length >= 2 && gaps <= q.length * 2) return 200 - Math.min(150, gaps * 10)
  // A typo: within one edit of the start of the value.
  if (q.length >= 3 && editDistance(q, v.slice(0, q.length)) <= 1) return 100
  if (q.length >= 3 && editDistance(q, v) <= 1) return 100
  return 0
}

/** Options of {@link rankSuggestions}. */
export interface RankOptions {
  /** At most this many results (default 8). */
  limit?: number
  /** Values to leave out (e.g. tags the post already has), compared after folding. */
  exclude?: readonly string[]
}

/**
 * Suggestions for what the writer typed: best match first, then the most used. An empty query
 * lists the most used.
 */
export function rankSuggestions(
  query: string,
  entries: readonly SuggestionEntry[],
  options: RankOptions = {},
): SuggestionEntry[] {
  const exclude = new Set((options.exclude ?? []).map(foldForMatch))
  const scored: Array<{ entry: SuggestionEntry; score: number }> = []
  for (const entry of entries) {
    if (exclude.has(foldForMatch(entry.value))) continue
    const score = matchScore(query, entry.value)
    if (score > 0) scored.push({ entry, score })
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.entry.count - a.entry.count ||
      (a.entry.value < b.entry.value ? -1 : a.entry.value > b.entry.value ? 1 : 0),
  )
  return scored.slice(0, options.limit ?? 8).map((s) => s.entry)
}

/**
 * The known value closest to `value` (for "did you mean…?"), or null when none is close: same
 * after folding, or within a quarter of its length in edits (at least 1, at most 3).
 */
export function nearestKnown(value: string, known: readonly SuggestionEntry[]): string | null {
  const v = foldForMatch(value)
  if (v === '') return null
  const limit = Math.min(3, Math.max(1, Math.floor(v.length / 4)))
  let best: { value: string; distance: number; count: number } | null = null
  for (const entry of known) {
    if (entry.value === value) continue
    const distance = editDistance(v, foldForMatch(entry.value))
    if (distance > limit) continue
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && entry.count > best.count)
    )
      best = { value: entry.value, distance, count: entry.count }
  }
  return best?.value ?? null
}
