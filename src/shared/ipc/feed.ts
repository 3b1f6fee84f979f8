import { z } from 'zod'

/** IPC channels and events of Hatena Bookmark counts for the feed view. Merged into `contract.ts`. */

/** Hatena Bookmark counts known now (cached; never waits for the network). */
export const bookmarkCountsSchema = z.object({
  /** Whether the writer turned counts on (off by default). */
  enabled: z.boolean(),
  /** Counts by URL; a URL with no count known is absent. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /** True while counts are being fetched: `bookmarks:updated` follows. */
  pending: z.boolean(),
})
export type BookmarkCounts = z.infer<typeof bookmarkCountsSchema>

/** Request/response channels of the bookmark counts. */
export const feedChannels = {
  /** Cached Hatena Bookmark counts for these URLs; stale ones are fetched in the background. */
  'bookmarks:counts': {
    request: z.object({ urls: z.array(z.string().max(2048)).max(5000) }),
    response: bookmarkCountsSchema,
  },
  /** Turns fetching Hatena Bookmark counts on or off (remembered in the data folder). */
  'bookmarks:setEnabled': {
    request: z.object({ enabled: z.boolean() }),
    response: bookmarkCountsSchema,
  },
} as const

/** Main → renderer events of the bookmark counts. */
export const feedEvents = {
  /** New Hatena Bookmark counts arrived (ask `bookmarks:counts` again). */
  'bookmarks:updated': z.null(),
} as const

/** Methods to merge into `apiShape`: `window.portal.bookmarks`. */
export const feedApiShape = {
  bookmarks: { counts: 'bookmarks:counts', setEnabled: 'bookmarks:setEnabled' },
} as const
