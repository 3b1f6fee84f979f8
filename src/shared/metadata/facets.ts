import type { Suggestions } from '../ipc/metadata'
import type { SuggestionEntry } from './fuzzy'

/** The values of one post that suggestions count. */
export interface PostFacets {
  tags: string[]
  authors: string[]
  categories: string[]
}

/** Kinds of value suggestions count. */
export const FACET_KEYS = ['tags', 'authors', 'categories'] as const

/**
 * The list a front-matter value holds: a YAML list of text, or (as middleman-blog also accepts) a
 * comma-separated string. Blank entries and duplicates within the post are dropped.
 */
export function listValues(value: unknown): string[] {
  let raw: unknown[] = []
  if (Array.isArray(value)) raw = value
  else if (typeof value === 'string') raw = value.split(',')
  const out: string[] = []
  for (const item of raw) {
    if (typeof item !== 'string' && typeof item !== 'number') continue
    const text = String(item).trim()
    if (text !== '' && !out.includes(text)) out.push(text)
  }
  return out
}

/** The tags, authors and categories of a parsed front matter. */
export function facetsOf(data: Record<string, unknown>): PostFacets {
  return {
    tags: listValues(data.tags),
    authors: listValues(data.authors),
    categories: listValues(data.categories),
  }
}

/** Sorts counted values: most used first, then by value. */
export function sortedEntries(counts: ReadonlyMap<string, number>): SuggestionEntry[] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
}

/**
 * Suggestions with the open post's live values counted in (the repository's were fetched without
 * it), so what the writer just typed counts at once.
 */
export function withOpenPost(
  suggestions: Suggestions,
  data: Record<string, unknown> | null,
): Suggestions {
  if (!data) return suggestions
  const facets = facetsOf(data)
  const merge = (entries: readonly SuggestionEntry[], values: readonly string[]) => {
    if (values.length === 0) return [...entries]
    const counts = new Map(entries.map((e) => [e.value, e.count]))
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    return sortedEntries(counts)
  }
  return {
    tags: merge(suggestions.tags, facets.tags),
    authors: merge(suggestions.authors, facets.authors),
    categories: merge(suggestions.categories, facets.categories),
    posts: suggestions.posts + 1,
  }
}
