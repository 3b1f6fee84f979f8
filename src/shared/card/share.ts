import { msg, type LocalizedText } from '../localized'

/** Characters of plain text kept in `og:description` before `...` (PORTAL.md §1). */
export const OG_DESCRIPTION_LENGTH = 117

/**
 * The post's `og:description`: the first 117 characters (code points) of the plain text followed by
 * `...`. A text of 117 characters or fewer is used whole, without `...` (nothing was cut).
 */
export function ogDescription(plain: string): string {
  let count = 0
  for (let i = 0; i < plain.length; i++) {
    if (count === OG_DESCRIPTION_LENGTH) return plain.slice(0, i) + '...'
    const c = plain.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < plain.length) i++
    count++
  }
  return plain
}

/** The page title the blog writes in `<title>` and `og:title`: `<post title> - <site name>`. */
export function pageTitle(title: string, siteName: string): string {
  return `${title} - ${siteName}`
}

/** Aspect ratio (width / height) of X's summary_large_image card. */
export const X_RATIO = 2
/** Aspect ratio of Facebook's link preview image (1200×630). */
export const FACEBOOK_RATIO = 1.91
/** X refuses images over 5 MB; Facebook over 8 MB (PORTAL.md §3). */
export const X_MAX_BYTES = 5 * 1024 * 1024
export const FACEBOOK_MAX_BYTES = 8 * 1024 * 1024
/** Below this Facebook shows a small thumbnail instead of a large image. */
export const MIN_SHARE_WIDTH = 600
export const MIN_SHARE_HEIGHT = 315
/** How far from 1.91:1 still counts as "about 1.91:1" (relative difference). */
export const RATIO_TOLERANCE = 0.03

/** A rectangle in image pixels. */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** What a centre crop to a ratio keeps and loses, in pixels and as fractions of the image. */
export interface CropGeometry {
  ratio: number
  /** The part that stays visible. */
  kept: Rect
  /** Which edges are cut: top and bottom (`vertical`), left and right (`horizontal`) or none. */
  axis: 'vertical' | 'horizontal' | 'none'
  /** Fraction of the image lost at the top (or left) edge, 0–0.5. */
  lostBefore: number
  /** Fraction of the image lost at the bottom (or right) edge, 0–0.5. */
  lostAfter: number
}

/** Centre-crops a `width`×`height` image to `ratio` (width / height), as X and Facebook do. */
export function centerCrop(width: number, height: number, ratio: number): CropGeometry {
  if (!(width > 0) || !(height > 0) || !(ratio > 0)) {
    return {
      ratio,
      kept: { x: 0, y: 0, width: 0, height: 0 },
      axis: 'none',
      lostBefore: 0,
      lostAfter: 0,
    }
  }
  const own = width / height
  if (Math.abs(own - ratio) < 1e-9) {
    return { ratio, kept: { x: 0, y: 0, width, height }, axis: 'none', lostBefore: 0, lostAfter: 0 }
  }
  if (own < ratio) {
    // Taller than the card: the top and bottom bands are lost.
    const keptHeight = width / ratio
    const y = (height - keptHeight) / 2
    const lost = y / height
    return {
      ratio,
      kept: { x: 0, y, width, height: keptHeight },
      axis: 'vertical',
      lostBefore: lost,
      lostAfter: lost,
    }
  }
  const keptWidth = height * ratio
  const x = (width - keptWidth) / 2
  const lost = x / width
  return {
    ratio,
    kept: { x, y: 0, width: keptWidth, height },
    axis: 'horizontal',
    lostBefore: lost,
    lostAfter: lost,
  }
}

/** What is known about the eyecatch file. */
export interface ImageFacts {
  width: number
  height: number
  /** File size in bytes, when known. */
  bytes?: number | null
  /** File format (`png`, `jpeg`, `webp`, `svg`…) or a MIME type, when known. */
  format?: string | null
}

/** A problem with the eyecatch as a share image. */
export interface ShareWarning {
  id: 'too-small' | 'ratio' | 'too-large' | 'svg'
  message: LocalizedText
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/** Limits of {@link shareImageWarnings} (a profile's `check:` options may change them). */
export interface ShareLimits {
  minWidth: number
  minHeight: number
  /** Relative difference from 1.91:1 that still counts as the card's shape. */
  ratioTolerance: number
}

/** Warnings for an eyecatch used as `og:image` (PORTAL.md §3): size, ratio, weight, SVG. */
export function shareImageWarnings(
  image: ImageFacts,
  limits: ShareLimits = {
    minWidth: MIN_SHARE_WIDTH,
    minHeight: MIN_SHARE_HEIGHT,
    ratioTolerance: RATIO_TOLERANCE,
  },
): ShareWarning[] {
  const out: ShareWarning[] = []
  const { width, height } = image
  const { minWidth, minHeight } = limits
  const format = (image.format ?? '').toLowerCase()
  if (format === 'svg' || format.includes('svg')) {
    out.push({
      id: 'svg',
      message: msg(
        'アイキャッチが SVG です。X と Facebook は SVG を表示しません。PNG か JPEG で書き出してください。',
        'The eyecatch is an SVG. X and Facebook do not show SVG images: export it as PNG or JPEG.',
      ),
    })
  }
  if (width < minWidth || height < minHeight) {
    out.push({
      id: 'too-small',
      message: msg(
        `アイキャッチが ${width}×${height} と小さいため、Facebook などでは小さなサムネイルになります。${minWidth}×${minHeight} 以上（おすすめは 1200×630）にしてください。`,
        `The eyecatch is only ${width}×${height}, so Facebook and others show it as a small thumbnail. Use at least ${minWidth}×${minHeight} (1200×630 is best).`,
      ),
    })
  }
  if (width > 0 && height > 0) {
    const ratio = width / height
    if (Math.abs(ratio - FACEBOOK_RATIO) / FACEBOOK_RATIO > limits.ratioTolerance) {
      const fb = centerCrop(width, height, FACEBOOK_RATIO)
      const lost = Math.round((fb.lostBefore + fb.lostAfter) * 100)
      const edges = fb.axis === 'vertical' ? ['上下', 'top and bottom'] : ['左右', 'left and right']
      out.push({
        id: 'ratio',
        message: msg(
          `アイキャッチの縦横比が ${ratio.toFixed(2)}:1 で、共有カードの 1.91:1 と違います。Facebook では${edges[0]}が合わせて約 ${lost}% 切れます。1200×630 がおすすめです。`,
          `The eyecatch is ${ratio.toFixed(2)}:1, not the share card's 1.91:1: Facebook cuts about ${lost}% off the ${edges[1]}. 1200×630 is best.`,
        ),
      })
    }
  }
  if (typeof image.bytes === 'number' && image.bytes > X_MAX_BYTES) {
    const both = image.bytes > FACEBOOK_MAX_BYTES
    out.push({
      id: 'too-large',
      message: msg(
        `アイキャッチが ${mb(image.bytes)} MB あります。X は 5 MB を超える画像を表示しません${both ? '（Facebook も 8 MB まで）' : ''}。圧縮するか小さくしてください。`,
        `The eyecatch is ${mb(image.bytes)} MB. X does not show images over 5 MB${both ? ' (Facebook: 8 MB)' : ''}: compress or shrink it.`,
      ),
    })
  }
  return out
}
