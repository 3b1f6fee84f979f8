import { z } from 'zod'

/** Hatena Bookmark's public count endpoint: many `url` parameters, a JSON map of counts back. */
export const HATENA_COUNT_ENDPOINT = 'https://bookmark.hatenaapis.com/count/entries'
/** The endpoint answers at most this many URLs a request. */
export const HATENA_URLS_PER_REQUEST = 50

/**
 * The request URLs that ask for the bookmark counts of `urls`: duplicates dropped, 50 a request.
 * Only http(s) URLs are asked about.
 */
export function hatenaCountRequests(urls: readonly string[]): string[] {
  const unique = [...new Set(urls.filter((u) => /^https?:\/\//i.test(u)))]
  const requests: string[] = []
  for (let i = 0; i < unique.length; i += HATENA_URLS_PER_REQUEST) {
    const query = unique
      .slice(i, i + HATENA_URLS_PER_REQUEST)
      .map((u) => `url=${encodeURIComponent(u)}`)
      .join('&')
    requests.push(`${HATENA_COUNT_ENDPOINT}?${query}`)
  }
  return requests
}

const countsSchema = z.record(z.string(), z.number().int().nonnegative())

/**
 * Reads the endpoint's answer (`{"<url>": 12, …}`). Anything else gives an empty map: a card then
 * shows no count, as when offline.
 */
export function parseHatenaCounts(body: unknown): Map<string, number> {
  const parsed = countsSchema.safeParse(body)
  return parsed.success ? new Map(Object.entries(parsed.data)) : new Map()
}
