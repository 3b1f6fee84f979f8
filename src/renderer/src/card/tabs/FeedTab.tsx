import { useEffect, useId, useMemo, useState } from 'react'
import type { PostCard } from '../../../../shared/ipc/contract'
import { useShell } from '../../shell/shell-context'
import type { SteadyView } from '../../shell/workspace-view'
import { useI18n } from '../../i18n/locale'
import { countFor, publishedUrl } from '../bookmark-store'
import { useBookmarks } from '../use-bookmarks'
import { cardImageResolver } from '../card-image'
import { useDraftCard } from '../draft-card'
import { FEED_PAGE_SIZE, feedPageOf } from '../feed-page'
import { FeedView } from '../FeedView'
import { cardText } from '../strings'
import { useShown } from '../use-shown'
import './tabs.css'

/**
 * The 「フィード」 tab: the blog's page on the feed aggregator (site header, 「フィード」) with the
 * open post's live card placed by its date among the repository's other published posts, and the
 * switch for Hatena Bookmark counts (off by default).
 */
export function FeedTab({ view }: { view: SteadyView }) {
  const { portal } = useShell()
  const { locale } = useI18n()
  const id = useId()
  const [ref, shown] = useShown<HTMLDivElement>()
  const draft = useDraftCard(shown)
  const [cards, setCards] = useState<PostCard[] | null>(null)

  // Other posts change rarely: read their cards (cached by main) when the tab is shown and when
  // the list of posts changes.
  useEffect(() => {
    if (!shown) return
    let current = true
    portal.posts.cards().then(
      (list) => current && setCards(list),
      () => current && setCards([]),
    )
    return () => {
      current = false
    }
  }, [portal, shown, view.repo, view.posts])

  const now = draft?.inputs.now ?? 0
  // The post the draft card is of (the one the article shows) is not listed twice.
  const path = draft?.inputs.path ?? view.currentPath
  const published = useMemo(
    () => (cards ?? []).filter((c) => !c.draft && c.card.path !== path),
    [cards, path],
  )
  const urls = useMemo(
    () =>
      published.map((c) => publishedUrl(c.card, false, now)).filter((u): u is string => u !== null),
    [published, now],
  )
  const bookmarks = useBookmarks(urls)
  const others = useMemo(
    () => published.map((c) => ({ ...c.card, bookmarks: countFor(bookmarks, c.card.url) })),
    [published, bookmarks],
  )

  if (!draft || !view.repo) {
    return (
      <div className="pwt" ref={ref} data-testid="feed-tab">
        <p className="pwt__empty">{cardText(locale, 'noPost')}</p>
      </div>
    )
  }
  const page = feedPageOf(draft.card, others)
  return (
    <div className="pwt pwt--feed" ref={ref} data-testid="feed-tab">
      <div className="pwt__bar">
        <label className="pwt__switch">
          <input
            type="checkbox"
            checked={bookmarks.enabled}
            disabled={!bookmarks.ready}
            aria-describedby={`${id}-hint`}
            onChange={(e) => void bookmarks.store.setEnabled(e.target.checked)}
          />
          {cardText(locale, 'bookmarksToggle')}
        </label>
        {bookmarks.enabled && bookmarks.pending && (
          <span className="pwt__status" role="status">
            {cardText(locale, 'bookmarksPending')}
          </span>
        )}
        <p className="pwt__hint" id={`${id}-hint`}>
          {cardText(locale, 'bookmarksHint')}
        </p>
      </div>
      {draft.inputs.unpublished && (
        <p className="pwt__note">{cardText(locale, 'feedUnpublished')}</p>
      )}
      {cards === null && <p className="pwt__note">{cardText(locale, 'feedLoading')}</p>}
      {page.pages > 1 && (
        <p className="pwt__note" data-testid="feed-page">
          {cardText(locale, 'feedPage', {
            page: page.page,
            pages: page.pages,
            size: FEED_PAGE_SIZE,
          })}
        </p>
      )}
      <FeedView
        draft={draft.card}
        others={page.others}
        profile={view.repo.profile}
        now={now}
        resolveImage={cardImageResolver(draft.inputs.assetBase)}
        locale={locale}
        limit={FEED_PAGE_SIZE}
      />
    </div>
  )
}
