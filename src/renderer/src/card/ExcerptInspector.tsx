import { useMemo } from 'react'
import {
  EXCERPT_LENGTH,
  FEED_EXCERPT_BOX,
  inspectExcerpt,
  visibleExcerptLength,
  type ExcerptBox,
  type ExcerptSource,
  type PlainText,
} from '../../../shared/card'
import type { Locale } from '../../../shared/localized'
import type { CardTheme } from './FeedCard'
import { cardText } from './strings'
import './ExcerptInspector.css'

/** Props of {@link ExcerptInspector}. */
export interface ExcerptInspectorProps {
  /** The plain text behind the card's excerpt (`card.plain`). */
  plain: PlainText
  locale?: Locale
  /** The excerpt's box in the feed; default: a desktop grid cell. */
  box?: ExcerptBox
  theme?: CardTheme
}

interface Piece {
  text: string
  visible: boolean
  source: ExcerptSource | null
}

/** Cuts the excerpt where the visible part ends and where TOC/code stretches start and end. */
function piecesOf(plain: PlainText, visible: number): Piece[] {
  const cuts = new Set<number>([0, visible, plain.text.length])
  for (const r of plain.ranges) {
    cuts.add(r.start)
    cuts.add(r.end)
  }
  const points = [...cuts].filter((n) => n >= 0 && n <= plain.text.length).sort((a, b) => a - b)
  const pieces: Piece[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    if (end <= start) continue
    const range = plain.ranges.find((r) => r.start <= start && end <= r.end)
    pieces.push({
      text: plain.text.slice(start, end),
      visible: end <= visible,
      source: range?.source ?? null,
    })
  }
  return pieces
}

/**
 * The whole excerpt (all 1000 characters the feed puts in the page) with the part the feed's
 * 2-line clamp shows marked, TOC and code stretches tinted, and warnings a writer can act on.
 */
export function ExcerptInspector({
  plain,
  locale = 'ja',
  box = FEED_EXCERPT_BOX,
  theme,
}: ExcerptInspectorProps) {
  const visible = useMemo(() => visibleExcerptLength(plain.text, box), [plain.text, box])
  const warnings = useMemo(() => inspectExcerpt(plain, box), [plain, box])
  const pieces = useMemo(() => piecesOf(plain, visible), [plain, visible])
  return (
    <section
      className="pwc-inspector"
      aria-label={cardText(locale, 'inspectorLabel')}
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      data-testid="excerpt-inspector"
    >
      <header className="pwc-inspector__head">
        <h3>{cardText(locale, 'inspectorLabel')}</h3>
        <span className="pwc-inspector__count">
          {cardText(locale, 'inspectorCount', { n: plain.length, max: EXCERPT_LENGTH })}
        </span>
      </header>
      {warnings.length === 0 ? (
        <p className="pwc-inspector__ok">{cardText(locale, 'inspectorNoWarnings')}</p>
      ) : (
        <ul className="pwc-inspector__warnings">
          {warnings.map((w) => (
            <li
              key={w.id}
              className={`pwc-inspector__warning pwc-inspector__warning--${w.severity}`}
              data-warning={w.id}
            >
              <strong>
                {cardText(locale, w.severity === 'warning' ? 'inspectorWarning' : 'inspectorInfo')}
              </strong>{' '}
              {w.message[locale]}
            </li>
          ))}
        </ul>
      )}
      <ul className="pwc-inspector__legend">
        <li>
          <span className="pwc-inspector__swatch pwc-inspector__swatch--visible" />{' '}
          {cardText(locale, 'inspectorVisible')}
        </li>
        <li>
          <span className="pwc-inspector__swatch pwc-inspector__swatch--toc" />{' '}
          {cardText(locale, 'inspectorToc')}
        </li>
        <li>
          <span className="pwc-inspector__swatch pwc-inspector__swatch--code" />{' '}
          {cardText(locale, 'inspectorCode')}
        </li>
        <li>
          <span className="pwc-inspector__swatch pwc-inspector__swatch--hidden" />{' '}
          {cardText(locale, 'inspectorHidden')}
        </li>
      </ul>
      {/* It scrolls: focusable so the keyboard can scroll it, and named for what it holds. */}
      <p
        className="pwc-inspector__text"
        data-testid="excerpt-full"
        tabIndex={0}
        role="region"
        aria-label={cardText(locale, 'inspectorLabel')}
      >
        {pieces.map((p, i) => {
          const cls = ['pwc-inspector__piece', p.visible ? 'is-visible' : 'is-hidden']
          if (p.source) cls.push(`is-${p.source}`)
          return (
            <span key={i} className={cls.join(' ')}>
              {p.text}
            </span>
          )
        })}
      </p>
    </section>
  )
}
