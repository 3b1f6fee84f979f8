import type { SteadyView } from '../../shell/workspace-view'
import { useI18n } from '../../i18n/locale'
import { cardImageResolver } from '../card-image'
import { CardPanel } from '../CardPanel'
import { useDraftCard } from '../draft-card'
import { cardText } from '../strings'
import { useShown } from '../use-shown'
import './tabs.css'

/**
 * The 「カード」 tab: the open post's feed card, live as the writer types, with the "as of" control
 * (at publication, a week later, a month later, now, a chosen time) and the excerpt inspector.
 */
export function CardTab({ view }: { view: SteadyView }) {
  const { locale } = useI18n()
  const [ref, shown] = useShown<HTMLDivElement>()
  // The same (memoized) build the article tab's strip and the other tabs use.
  const draft = useDraftCard(shown)
  return (
    <div className="pwt pwt--card" ref={ref} data-testid="card-tab">
      {draft && view.currentPath ? (
        <CardPanel
          card={draft.card}
          profile={draft.inputs.profile}
          path={draft.inputs.path}
          assetDir={draft.inputs.assetDir}
          resolveImage={cardImageResolver(draft.inputs.assetBase)}
          now={draft.inputs.now}
          bookmarks={draft.card.bookmarks}
          locale={locale}
        />
      ) : (
        <p className="pwt__empty">{cardText(locale, 'noPost')}</p>
      )}
    </div>
  )
}
