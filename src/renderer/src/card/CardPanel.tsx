import { useEffect, useId, useMemo, useState } from 'react'
import {
  absoluteTooltip,
  AS_OF_CHOICES,
  asOfInstant,
  buildCard,
  relativeTime,
  type AsOf,
  type CardData,
} from '../../../shared/card'
import { formatWithOffset, parseFrontMatterDate } from '../../../shared/dates'
import type { Locale } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import { DateTimeField } from '../i18n/DateTimeField'
import { ExcerptInspector } from './ExcerptInspector'
import { FeedCard, type CardTheme, type ResolveImage } from './FeedCard'
import { cardText, type CardStringKey } from './strings'
import './CardPanel.css'

/** Props of {@link CardPanel}: a card already built, or the post's text to build it from. */
export type CardPanelProps = CardPanelOptions &
  (
    | {
        /** The post's whole text (front matter and body), as in the editor. */
        text: string
        card?: undefined
      }
    | {
        text?: undefined
        /** The card already built (e.g. shared with other views): used instead of building. */
        card: CardData
      }
  )

/** What {@link CardPanel} takes besides the card or the text. */
interface CardPanelOptions {
  profile: Profile
  /** Repository-relative path of the post. */
  path?: string | null
  /** The post's asset folder (`PostDocument.assetDir`); default from the profile. */
  assetDir?: string | null
  /** The body HTML the article preview rendered from the same text: the card reuses it. */
  html?: string
  /** Turns the eyecatch's repository path into a URL for the window (the preview's resolver). */
  resolveImage?: ResolveImage
  /** The current time (epoch ms); the "now" choice and the default. */
  now: number
  bookmarks?: number | null
  locale?: Locale
  theme?: CardTheme
  /** Show the excerpt inspector under the card (default true). */
  inspector?: boolean
  /** Called with the card each time it is rebuilt, so other views can share it. */
  onCard?: (card: CardData) => void
}

const AS_OF_LABEL: Record<AsOf, CardStringKey> = {
  publication: 'asOfPublication',
  week: 'asOfWeek',
  month: 'asOfMonth',
  now: 'asOfNow',
  custom: 'asOfCustom',
}

/** The minute of `ms` as a date in the feed's time zone (Asia/Tokyo, +09:00). */
function minuteOf(ms: number): string {
  return formatWithOffset(Math.floor(ms / 60_000) * 60_000, '+09:00')
}

/**
 * The live card preview: the draft's feed card (phone or desktop layout), an "as of" control
 * (at publication, a week later, a month later, now, or a chosen time) and the excerpt inspector.
 */
export function CardPanel(props: CardPanelProps) {
  const {
    text,
    profile,
    path = null,
    assetDir,
    html,
    resolveImage,
    now,
    bookmarks,
    locale = 'ja',
    theme,
    inspector = true,
  } = props
  const id = useId()
  const [asOf, setAsOf] = useState<AsOf>('now')
  const [custom, setCustom] = useState<string>(() => minuteOf(now))
  const [layout, setLayout] = useState<'narrow' | 'wide'>('narrow')

  const prebuilt = props.card
  const card = useMemo(
    () => prebuilt ?? buildCard(text ?? '', { profile, now, path, assetDir, bookmarks, html }),
    [prebuilt, text, profile, now, path, assetDir, bookmarks, html],
  )
  const { onCard } = props
  useEffect(() => onCard?.(card), [onCard, card])

  const customMs = parseFrontMatterDate(custom)
  const instant = asOfInstant(asOf, card.dateMs, now, customMs)
  const shownRelative = card.dateMs === null ? null : relativeTime(card.dateMs, instant, 'ja')

  return (
    <section
      className="pwc-panel"
      aria-label={cardText(locale, 'panelLabel')}
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      data-testid="card-panel"
    >
      <fieldset className="pwc-panel__asof">
        <legend>{cardText(locale, 'asOf')}</legend>
        <div className="pwc-panel__choices" role="radiogroup">
          {AS_OF_CHOICES.map((choice) => (
            <label key={choice} className={asOf === choice ? 'is-selected' : undefined}>
              <input
                type="radio"
                name={`${id}-asof`}
                value={choice}
                checked={asOf === choice}
                onChange={() => setAsOf(choice)}
              />
              {cardText(locale, AS_OF_LABEL[choice])}
            </label>
          ))}
        </div>
        {asOf === 'custom' && (
          <DateTimeField
            className="pwc-panel__custom"
            ariaLabel={cardText(locale, 'asOfCustomInput')}
            value={custom}
            offset="+09:00"
            locale={locale}
            onEdit={setCustom}
          />
        )}
        <p className="pwc-panel__instant" data-testid="card-as-of">
          {cardText(locale, 'asOfAt', { date: `${absoluteTooltip(instant)} JST` })}
        </p>
      </fieldset>
      <div className="pwc-panel__layout" role="radiogroup" aria-label={cardText(locale, 'layout')}>
        {(['narrow', 'wide'] as const).map((l) => (
          <label key={l} className={layout === l ? 'is-selected' : undefined}>
            <input
              type="radio"
              name={`${id}-layout`}
              value={l}
              checked={layout === l}
              onChange={() => setLayout(l)}
            />
            {cardText(locale, l === 'narrow' ? 'layoutPhone' : 'layoutDesktop')}
          </label>
        ))}
      </div>
      <div className={`pwc-panel__stage pwc-panel__stage--${layout}`}>
        <FeedCard
          card={card}
          resolveImage={resolveImage}
          locale={locale}
          layout={layout}
          relativeTime={shownRelative}
          theme={theme}
        />
      </div>
      {inspector && <ExcerptInspector plain={card.plain} locale={locale} theme={theme} />}
    </section>
  )
}
