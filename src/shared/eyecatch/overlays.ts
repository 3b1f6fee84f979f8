import { centredAspectRect, containSize, type Rect, type Size } from './geometry'

/** A guide drawn over the crop frame, in output pixels. */
export interface OverlayBand {
  id: 'x-large-card' | 'facebook'
  /** The part of the output that stays visible there. */
  visible: Rect
  /** How much is cut from each side, as a fraction of the output's height or width. */
  cutFraction: number
}

/**
 * What X's `summary_large_image` shows of the output: the centred 2:1 part (PORTAL.md §3).
 * 1200×630 loses 15 px (about 2.4 %) at the top and at the bottom.
 */
export function xSafeBand(output: Size): OverlayBand {
  const visible = centredAspectRect(output, 2)
  const cut =
    visible.height < output.height ? visible.top / output.height : visible.left / output.width
  return { id: 'x-large-card', visible, cutFraction: cut }
}

/** What Facebook shows of the output: the centred 1.91:1 part. */
export function facebookBand(output: Size): OverlayBand {
  const visible = centredAspectRect(output, 1.91)
  const cut =
    visible.height < output.height ? visible.top / output.height : visible.left / output.width
  return { id: 'facebook', visible, cutFraction: cut }
}

/**
 * The feed card's eyecatch box in CSS pixels (PORTAL.md §2): about 8rem wide and at most 7em high
 * on narrow screens, with the image shown whole (`object-fit: contain`).
 */
export const FEED_THUMBNAIL_BOX: Size = { width: 128, height: 112 }

/**
 * The size the whole output appears at as the feed's thumbnail, and the scale from output pixels:
 * detail smaller than `1 / scale` output pixels is lost there.
 */
export function feedThumbnail(
  output: Size,
  box: Size = FEED_THUMBNAIL_BOX,
): Size & { scale: number } {
  const size = containSize(output, box)
  return { ...size, scale: size.width / output.width }
}

/** A rectangle as percentages of the output, for absolutely positioned overlay boxes. */
export function percentRect(
  rect: Rect,
  output: Size,
): { left: string; top: string; width: string; height: string } {
  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`
  return {
    left: pct(rect.left, output.width),
    top: pct(rect.top, output.height),
    width: pct(rect.width, output.width),
    height: pct(rect.height, output.height),
  }
}
