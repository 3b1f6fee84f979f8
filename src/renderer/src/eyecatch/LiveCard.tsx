import { useSyncExternalStore, type ReactElement, type ReactNode } from 'react'
import { CropPreviewImage } from './CropPreviewImage'
import { getLivePreview, subscribeLivePreview } from './live-preview'

/**
 * Renders the post's feed card with `imageSlot` in place of its image, wrapped by `frame`; nothing
 * while no card can be made. The app passes the card feature's live card.
 */
export type LiveCardSlot = (
  imageSlot: ReactNode,
  frame: (card: ReactElement) => ReactElement,
) => ReactNode

/**
 * The post's feed card with the eyecatch being made in place of the written one, live while the
 * writer drags, zooms or edits the title card: what readers will see, before anything is written.
 */
export function LiveCard({ card, label }: { card: LiveCardSlot; label: string }) {
  const live = useSyncExternalStore(subscribeLivePreview, getLivePreview)
  return card(
    live ? <CropPreviewImage preview={live} width={128} alt="記事のアイキャッチ画像" /> : undefined,
    (feedCard) => (
      <section className="ecd-live-card" aria-label={label} data-testid="eyecatch-live-card">
        <h3 className="ecd-live-card__title">{label}</h3>
        {feedCard}
      </section>
    ),
  )
}
