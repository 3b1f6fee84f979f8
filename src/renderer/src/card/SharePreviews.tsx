import { useState } from 'react'
import {
  centerCrop,
  FACEBOOK_RATIO,
  shareImageWarnings,
  X_RATIO,
  type CardData,
  type CropGeometry,
  type ImageFacts,
} from '../../../shared/card'
import type { Locale } from '../../../shared/localized'
import type { CardTheme, ResolveImage } from './FeedCard'
import { HATENA_ICON_URL, PLACEHOLDER_IMAGE_URL } from './icons'
import { cardText } from './strings'
import './SharePreviews.css'

/** Props of {@link SharePreviews}. */
export interface SharePreviewsProps {
  card: CardData
  resolveImage?: ResolveImage
  /**
   * What main knows of the eyecatch file (size in bytes, format). Width and height are measured
   * from the loaded image when not given.
   */
  imageFacts?: Partial<ImageFacts> | null
  locale?: Locale
  theme?: CardTheme
}

function hostOf(url: string | null, fallback: string): string {
  for (const u of [url, fallback]) {
    if (!u) continue
    try {
      return new URL(u).host
    } catch {
      // try the next one
    }
  }
  return fallback
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`
}

function formatOf(path: string | null): string | null {
  const m = path ? /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(path) : null
  return m ? m[1]!.toLowerCase().replace('jpg', 'jpeg') : null
}

/** The full image with the bands a centre crop loses shaded and labelled. */
function CropDiagram({
  src,
  crop,
  locale,
  onSize,
}: {
  src: string
  crop: CropGeometry | null
  locale: Locale
  onSize?: (w: number, h: number) => void
}) {
  const pct = crop ? Math.round(crop.lostBefore * 1000) / 10 : 0
  const vertical = crop?.axis === 'vertical'
  const band = `${pct}%`
  return (
    <figure className="pws-crop">
      <div className="pws-crop__frame">
        <img
          src={src}
          alt=""
          onLoad={(e) => onSize?.(e.currentTarget.naturalWidth, e.currentTarget.naturalHeight)}
        />
        {crop && crop.axis !== 'none' && (
          <>
            <span
              className="pws-crop__band"
              style={
                vertical
                  ? { top: 0, left: 0, right: 0, height: band }
                  : { top: 0, bottom: 0, left: 0, width: band }
              }
            />
            <span
              className="pws-crop__band"
              style={
                vertical
                  ? { bottom: 0, left: 0, right: 0, height: band }
                  : { top: 0, bottom: 0, right: 0, width: band }
              }
            />
          </>
        )}
      </div>
      <figcaption data-testid="crop-caption">
        {crop && crop.axis !== 'none'
          ? cardText(locale, 'shareLost', {
              edges: cardText(locale, vertical ? 'edgesVertical' : 'edgesHorizontal'),
              pct: pct.toFixed(1),
            })
          : cardText(locale, 'shareNoLoss')}
      </figcaption>
    </figure>
  )
}

/**
 * How the post looks when shared: X (summary_large_image, 2:1), Facebook (1.91:1), a Slack unfurl
 * and a Hatena Bookmark entry, each showing `<title> - <site name>` and `og:description`; the crop
 * each service applies to the eyecatch is drawn over the whole image, and problems are listed.
 */
export function SharePreviews({
  card,
  resolveImage,
  imageFacts,
  locale = 'ja',
  theme,
}: SharePreviewsProps) {
  const src = card.eyecatch && resolveImage ? resolveImage(card.eyecatch) : null
  const [measured, setMeasured] = useState<{ src: string; w: number; h: number } | null>(null)
  const natural = measured && measured.src === src ? measured : null
  const width = imageFacts?.width ?? natural?.w ?? 0
  const height = imageFacts?.height ?? natural?.h ?? 0
  const facts: ImageFacts = {
    width,
    height,
    bytes: imageFacts?.bytes ?? null,
    format: imageFacts?.format ?? formatOf(card.eyecatch),
  }
  const known = src !== null && width > 0 && height > 0
  const xCrop = known ? centerCrop(width, height, X_RATIO) : null
  const fbCrop = known ? centerCrop(width, height, FACEBOOK_RATIO) : null
  const warnings = known ? shareImageWarnings(facts) : []
  const image = src ?? PLACEHOLDER_IMAGE_URL
  const host = hostOf(card.url, card.siteUrl)
  const onSize = (w: number, h: number) => {
    if (src) setMeasured({ src, w, h })
  }
  return (
    <section
      className="pws"
      aria-label={cardText(locale, 'shareLabel')}
      data-theme={theme && theme !== 'auto' ? theme : undefined}
      data-testid="share-previews"
    >
      <dl className="pws__meta">
        <dt>{cardText(locale, 'sharePageTitle')}</dt>
        <dd data-testid="share-page-title">{card.pageTitle}</dd>
        <dt>{cardText(locale, 'shareDescription')}</dt>
        <dd data-testid="share-og-description">{card.ogDescription}</dd>
        {known && (
          <>
            <dt>{cardText(locale, 'shareImage')}</dt>
            <dd>
              {width}×{height}
              {facts.bytes ? ` · ${sizeText(facts.bytes)}` : ''}
              {facts.format ? ` · ${facts.format.toUpperCase()}` : ''}
            </dd>
          </>
        )}
      </dl>
      {(card.eyecatchProblem || src === null || warnings.length > 0) && (
        <ul className="pws__warnings" data-testid="share-warnings">
          {card.eyecatchProblem && <li data-warning="eyecatch">{card.eyecatchProblem[locale]}</li>}
          {!card.eyecatchProblem && src === null && (
            <li data-warning="no-image">{cardText(locale, 'shareNoImage')}</li>
          )}
          {warnings.map((w) => (
            <li key={w.id} data-warning={w.id}>
              {w.message[locale]}
            </li>
          ))}
        </ul>
      )}

      <div className="pws__grid">
        <article className="pws-service" data-service="x">
          <h3>{cardText(locale, 'shareX')}</h3>
          <div className="pws-x">
            <div className="pws-x__media">
              <img src={image} alt="" />
              <span className="pws-x__overlay">{card.pageTitle}</span>
            </div>
            <p className="pws-x__from">From {host}</p>
          </div>
          {src && <CropDiagram src={src} crop={xCrop} locale={locale} onSize={onSize} />}
        </article>

        <article className="pws-service" data-service="facebook">
          <h3>{cardText(locale, 'shareFacebook')}</h3>
          <div className="pws-fb">
            <div className="pws-fb__media">
              <img src={image} alt="" />
            </div>
            <div className="pws-fb__text">
              <p className="pws-fb__host">{host.toUpperCase()}</p>
              <p className="pws-fb__title">{card.pageTitle}</p>
              <p className="pws-fb__description">{card.ogDescription}</p>
            </div>
          </div>
          {src && <CropDiagram src={src} crop={fbCrop} locale={locale} />}
        </article>

        <article className="pws-service" data-service="slack">
          <h3>{cardText(locale, 'shareSlack')}</h3>
          <div className="pws-slack">
            <p className="pws-slack__site">
              <span className="pws-slack__favicon" aria-hidden="true">
                {card.siteName.slice(0, 1)}
              </span>
              {card.siteName}
            </p>
            <p className="pws-slack__title">{card.pageTitle}</p>
            <p className="pws-slack__description">{card.ogDescription}</p>
            <img className="pws-slack__image" src={image} alt="" />
          </div>
        </article>

        <article className="pws-service" data-service="hatena">
          <h3>{cardText(locale, 'shareHatena')}</h3>
          <div className="pws-hatena">
            <div className="pws-hatena__main">
              <p className="pws-hatena__users">
                <img src={HATENA_ICON_URL} alt="" width={14} height={14} />
                {cardText(locale, 'hatenaUsers', { n: card.bookmarks })}
              </p>
              <p className="pws-hatena__title">{card.pageTitle}</p>
              <p className="pws-hatena__host">{host}</p>
              <p className="pws-hatena__description">{card.ogDescription}</p>
            </div>
            <img className="pws-hatena__thumb" src={image} alt="" />
          </div>
        </article>
      </div>
    </section>
  )
}
