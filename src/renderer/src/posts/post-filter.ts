import type { PostSummary } from '../../../shared/post'
import { datePartsOf, parseFrontMatterDate } from '../../../shared/dates'

/** Normalises text for matching: NFKC (full-width ↔ half-width) and lower case. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/**
 * Filters posts by a query matching the title or a tag (case and width insensitive).
 * Every whitespace-separated word must match; `#tag` matches tags only.
 */
export function filterPosts(posts: readonly PostSummary[], query: string): PostSummary[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words.length === 0) return [...posts]
  return posts.filter((p) => {
    const title = fold(p.title)
    const tags = p.tags.map(fold)
    return words.every((w) =>
      w.startsWith('#') && w.length > 1
        ? tags.some((t) => t.includes(w.slice(1)))
        : title.includes(w) || tags.some((t) => t.includes(w)),
    )
  })
}

/** Newest first; posts without a valid date after dated ones, then by title. */
export function sortPosts(posts: readonly PostSummary[]): PostSummary[] {
  const key = (p: PostSummary) => (p.date ? parseFrontMatterDate(p.date) : null)
  return [...posts].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    if (ka !== null && kb !== null && ka !== kb) return kb - ka
    if (ka === null && kb !== null) return 1
    if (ka !== null && kb === null) return -1
    return a.title.localeCompare(b.title, 'ja')
  })
}

/** The date shown in the list: `YYYY-MM-DD` as written in the front matter, or null. */
export function displayDate(date: string | null): string | null {
  if (!date) return null
  const parts = datePartsOf(date)
  return parts ? `${parts.year}-${parts.month}-${parts.day}` : null
}
