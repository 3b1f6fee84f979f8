import { useState, type ReactNode } from 'react'
import type { CardData } from '../../../shared/card'
import type { Locale } from '../../../shared/localized'
import { HATENA_ICON_URL, PLACEHOLDER_IMAGE_URL } from './icons'
import { cardText } from './strings'
import './FeedCard.css'

/** Turns a repository-relative image path (or an http(s) URL) into a URL the window may load. */
export type ResolveImage = (src: string) => string | null

/** Light or dark; `auto` follows the system. */
export type CardTheme = 'light' | 'dark' | 'auto'

/** Props of {@link FeedCard}. */
export interface FeedCardProps {
  card: CardData
  resolveImage?: ResolveImage
  locale?: Locale
  /** `narrow`: the feed on a phone (image column left); `wide`: a desktop grid cell (image on top). */
  layout?: 'narrow' | 'wide'
  /** Overrides the card's relative date (the feed view recomputes every card for one instant). */
  relativeTime?: string | null
  /** Marks the card as the post being written (feed view). */
  highlight?: boolean
  theme?: CardTheme
  /** Shown instead of the eyecatch: the eyecatch studio's live crop, before anything is written. */
  imageSlot?: ReactNode
}

/**
 * One post's card as the feed shows it (PORTAL.md §2): eyecatch shown whole and top-aligned (or the
 * placeholder), title clamped to 3 lines, Hatena Bookmark count only when above 0, site name, the
 * excerpt clamped to 2 lines and the relative date with the absolute time as tooltip.
 */
export function FeedCard({
  card,
  resolveImage,
  locale = 'ja',
  layout = 'narrow',
  relativeTime,
  highlight = false,
  theme,
  imageSlot,
}: FeedCardProps) {
  const src = card.eyecatch && resolveImage ? resolveImage(card.eyecatch) : null
  const [failed, setFailed] = useState<string | null>(null)
  const showImage = src !== null && failed !== src
  const date = relativeTime !== undefined ? relativeTime : card.relativeTime
  const classes = ['pwc-card', `pwc-card--${layout}`]
  if (highlight) classes.push('pwc-card--highlight')
  return (
    <article
      className={classes.join(' ')}
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      data-testid="feed-card"
    >
      <div className="pwc-card__image">
        {imageSlot ? (
          imageSlot
        ) : showImage ? (
          <img src={src} alt={cardText(locale, 'eyecatchAlt')} onError={() => setFailed(src)} />
        ) : (
          <img
            className="pwc-card__placeholder"
            src={PLACEHOLDER_IMAGE_URL}
            alt={cardText(locale, 'eyecatchAlt')}
            width={256}
            height={256}
          />
        )}
      </div>
      <div className="pwc-card__content">
        <span
          className={card.title ? 'pwc-card__title' : 'pwc-card__title pwc-card__title--empty'}
          data-testid="card-title"
        >
          {card.title || cardText(locale, 'untitled')}
        </span>
        {card.bookmarks > 0 && (
          <div className="pwc-card__hatena" title={cardText(locale, 'hatenaTitle')}>
            <img src={HATENA_ICON_URL} alt={cardText(locale, 'hatenaAlt')} width={16} height={16} />
            <span>{card.bookmarks}</span>
          </div>
        )}
        <div className="pwc-card__site">
          <span>{card.siteName}</span>
        </div>
        {card.excerpt !== '' && (
          <div className="pwc-card__summary" data-testid="card-excerpt">
            {card.excerpt}
          </div>
        )}
        <div className="pwc-card__date" title={card.tooltip ?? undefined} data-testid="card-date">
          {date ?? cardText(locale, 'noDate')}
        </div>
      </div>
    </article>
  )
}
