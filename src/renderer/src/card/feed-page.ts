import { placeByDate, type CardData } from '../../../shared/card'

/** Cards on one page of the feed. */
export const FEED_PAGE_SIZE = 24

/**
 * The page of the feed that holds the draft: the other cards to show with it, which page that is
 * and how many pages there are (newest first, as the feed orders them).
 */
export function feedPageOf(
  draft: CardData,
  others: readonly CardData[],
  size: number = FEED_PAGE_SIZE,
): { others: CardData[]; page: number; pages: number } {
  const order = placeByDate(draft, others)
  const index = order.findIndex((e) => e.isDraft)
  const page = Math.floor(Math.max(0, index) / size)
  const slice = order.slice(page * size, page * size + size)
  return {
    others: slice.filter((e) => !e.isDraft).map((e) => e.card),
    page: page + 1,
    pages: Math.max(1, Math.ceil(order.length / size)),
  }
}
