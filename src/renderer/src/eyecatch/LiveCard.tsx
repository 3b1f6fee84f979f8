import { useSyncExternalStore } from 'react'
import type { Locale } from '../../../shared/localized'
import { useDraftCard } from '../card/draft-card'
import { FeedCard } from '../card/FeedCard'
import { CropPreviewImage } from './CropPreviewImage'
import { getLivePreview, subscribeLivePreview } from './live-preview'

/**
 * The post's feed card with the eyecatch being made in place of the written one, live while the
 * writer drags, zooms or edits the title card: what readers will see, before anything is written.
 */
export function LiveCard({ locale, label }: { locale: Locale; label: string }) {
  const live = useSyncExternalStore(subscribeLivePreview, getLivePreview)
  const draft = useDraftCard(true)
  if (!draft) return null
  return (
    <section className="ecd-live-card" aria-label={label} data-testid="eyecatch-live-card">
      <h3 className="ecd-live-card__title">{label}</h3>
      <FeedCard
        card={draft.card}
        locale={locale}
        layout="narrow"
        imageSlot={
          live ? (
            <CropPreviewImage preview={live} width={128} alt="記事のアイキャッチ画像" />
          ) : undefined
        }
      />
    </section>
  )
}
