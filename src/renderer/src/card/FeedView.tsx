import { useMemo } from 'react'
import { placeByDate, relativeTime, type CardData } from '../../../shared/card'
import type { Locale } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import { FeedCard, type CardTheme, type ResolveImage } from './FeedCard'
import { cardText } from './strings'
import './FeedView.css'

/** Props of {@link FeedView}. */
export interface FeedViewProps {
  /** The draft's card. */
  draft: CardData
  /** Cards of the repository's other posts (a card with the draft's path is skipped). */
  others: readonly CardData[]
  profile: Pick<Profile, 'siteName' | 'siteUrl' | 'siteDescription'>
  /** The instant every card's relative date is computed for. */
  now: number
  resolveImage?: ResolveImage
  locale?: Locale
  theme?: CardTheme
  /** Most cards shown (the feed page pages its items); default 24. */
  limit?: number
}

/**
 * The blog's page in the feed aggregator: site name, URL and description, the 「フィード」 heading,
 * and the cards newest first with the draft placed by its date and outlined.
 */
export function FeedView({
  draft,
  others,
  profile,
  now,
  resolveImage,
  locale = 'ja',
  theme,
  limit = 24,
}: FeedViewProps) {
  const entries = useMemo(() => {
    const rest = draft.path ? others.filter((c) => c.path !== draft.path) : others
    return placeByDate(draft, rest).slice(0, limit)
  }, [draft, others, limit])
  return (
    <section
      className="pwc-feed"
      aria-label={cardText(locale, 'feedViewLabel')}
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      data-testid="feed-view"
    >
      <header className="pwc-feed__header">
        <h2 className="pwc-feed__site">{profile.siteName}</h2>
        <p className="pwc-feed__url">{profile.siteUrl}</p>
        <p className="pwc-feed__description">{profile.siteDescription}</p>
      </header>
      <div className="pwc-feed__body">
        <h3 className="pwc-feed__heading">{cardText(locale, 'feedHeading')}</h3>
        <div className="pwc-feed__grid">
          {entries.map(({ card, isDraft }, i) => (
            <div
              key={card.path ?? `${isDraft ? 'draft' : 'post'}-${i}`}
              className="pwc-feed__cell"
              data-draft={isDraft || undefined}
            >
              {isDraft && <span className="pwc-feed__badge">{cardText(locale, 'thisPost')}</span>}
              <FeedCard
                card={card}
                resolveImage={resolveImage}
                locale={locale}
                layout="wide"
                highlight={isDraft}
                theme={theme}
                relativeTime={card.dateMs === null ? null : relativeTime(card.dateMs, now, 'ja')}
              />
            </div>
          ))}
        </div>
      </div>
    </section>
  )
}
