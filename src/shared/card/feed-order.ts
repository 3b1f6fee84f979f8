import type { CardData } from './card'

/** A card in the feed view, with whether it is the draft being written. */
export interface FeedEntry {
  card: CardData
  isDraft: boolean
}

/**
 * Places the draft's card among other posts' cards as the feed orders them: newest first.
 * A card without a date goes last; equal dates keep the draft first (it was just written).
 */
export function placeByDate(draft: CardData, others: readonly CardData[]): FeedEntry[] {
  const entries: FeedEntry[] = [
    { card: draft, isDraft: true },
    ...others.map((card) => ({ card, isDraft: false })),
  ]
  const time = (e: FeedEntry) => e.card.dateMs ?? Number.NEGATIVE_INFINITY
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => time(b.e) - time(a.e) || a.i - b.i)
    .map(({ e }) => e)
}
