import { useCallback, useId, useState } from 'react'
import { useI18n } from '../../i18n/locale'
import { cardImageResolver } from '../card-image'
import { useDraftCard } from '../draft-card'
import { FeedCard } from '../FeedCard'
import { cardText } from '../strings'
import { useShown } from '../use-shown'
import './tabs.css'

const STORAGE_KEY = 'portal-writer.card-strip'

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'closed'
  } catch {
    return true
  }
}

/**
 * A compact live card above the article preview: the feed card the post makes, updated in the
 * same frame as the article. Collapsible; the choice is remembered.
 */
export function CardStrip() {
  const { locale } = useI18n()
  const id = useId()
  const [open, setOpen] = useState(rememberedOpen)
  const [ref, shown] = useShown<HTMLElement>()
  const draft = useDraftCard(open && shown)

  const toggle = useCallback(() => {
    setOpen((was) => {
      try {
        localStorage.setItem(STORAGE_KEY, was ? 'closed' : 'open')
      } catch {
        // Not remembering is harmless.
      }
      return !was
    })
  }, [])

  return (
    <section
      className={open ? 'pwt-strip' : 'pwt-strip pwt-strip--closed'}
      ref={ref}
      aria-label={cardText(locale, 'panelLabel')}
      data-testid="card-strip"
    >
      <button
        type="button"
        className="pwt-strip__toggle"
        aria-expanded={open}
        // Only a card that is there (none while no post is open): a name of a missing element is
        // an invalid ARIA value.
        aria-controls={open && draft ? `${id}-card` : undefined}
        title={cardText(locale, open ? 'stripHide' : 'stripShow')}
        onClick={toggle}
      >
        <svg
          className="pwt-strip__chevron"
          viewBox="0 0 16 16"
          width="12"
          height="12"
          aria-hidden="true"
        >
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
        {cardText(locale, 'panelLabel')}
      </button>
      {open && draft && (
        <div className="pwt-strip__stage" id={`${id}-card`}>
          <FeedCard
            card={draft.card}
            resolveImage={cardImageResolver(draft.inputs.assetBase)}
            locale={locale}
            layout="narrow"
          />
        </div>
      )}
    </section>
  )
}
