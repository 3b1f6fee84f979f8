import type { ReactElement, ReactNode } from 'react'
import type { Locale } from '../../../shared/localized'
import { useDraftCard } from './draft-card'
import { FeedCard } from './FeedCard'

/**
 * The open post's feed card (narrow), live, with `imageSlot` in place of its image and wrapped by
 * `frame`; nothing while no post is shown. Other features get it from `App` as a slot.
 */
export function DraftFeedCard({
  locale,
  imageSlot,
  frame,
}: {
  locale: Locale
  imageSlot?: ReactNode
  frame: (card: ReactElement) => ReactElement
}) {
  const draft = useDraftCard(true)
  if (!draft) return null
  return frame(<FeedCard card={draft.card} locale={locale} layout="narrow" imageSlot={imageSlot} />)
}
