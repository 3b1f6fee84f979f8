import { cropOrientation, cropRect, uprightSize, type CropContext, type CropState } from './crop'
import { transformPoint, type Size } from './geometry'

/** CSS for an `<img>` showing a crop live inside a frame, without touching pixels. */
export interface CropPreviewStyle {
  /** CSS width of the `<img>` in px (the upright photo, scaled). */
  width: number
  /** CSS height of the `<img>` in px. */
  height: number
  /** CSS `transform` (with `transform-origin: 0 0`, `position: absolute; left: 0; top: 0`). */
  transform: string
}

/**
 * How to place the upright photo (as a browser shows it, EXIF orientation applied) in a frame of
 * `frame` CSS pixels so the frame shows exactly the crop main will export. The frame must have the
 * output's shape and `overflow: hidden`. Only a transform changes while dragging, so the browser
 * composites it without decoding anything again.
 */
export function cropPreviewStyle(
  state: CropState,
  ctx: CropContext,
  frame: Size,
): CropPreviewStyle {
  const upright = uprightSize(ctx)
  const rect = cropRect(state, ctx)
  const k = frame.width / rect.width
  const scaled = { width: upright.width * k, height: upright.height * k }
  const o = cropOrientation(state)
  // The orientation is affine: read its matrix off the images of the origin and the unit vectors.
  const origin = transformPoint({ x: 0, y: 0 }, scaled, o)
  const ex = transformPoint({ x: 1, y: 0 }, scaled, o)
  const ey = transformPoint({ x: 0, y: 1 }, scaled, o)
  const a = ex.x - origin.x
  const b = ex.y - origin.y
  const c = ey.x - origin.x
  const d = ey.y - origin.y
  const e = origin.x - rect.left * k
  const f = origin.y - rect.top * k
  const n = (v: number) => (Math.abs(v) < 1e-9 ? 0 : Number(v.toFixed(4)))
  return {
    width: n(scaled.width),
    height: n(scaled.height),
    transform: `matrix(${n(a)}, ${n(b)}, ${n(c)}, ${n(d)}, ${n(e)}, ${n(f)})`,
  }
}
