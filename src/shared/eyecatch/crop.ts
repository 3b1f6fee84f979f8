import {
  compose,
  exifOrientation,
  intersectRect,
  invert,
  transformRect,
  transformSize,
  type Orientation,
  type Rect,
  type Size,
} from './geometry'

/** Right angles the writer can rotate by. */
export type Rotation = 0 | 90 | 180 | 270

/**
 * What the writer chose in the crop view. Independent of pixel sizes, so it survives a change of
 * output size and travels over IPC as plain data.
 */
export interface CropState {
  /** Clockwise rotation applied to the upright photo (after `mirrored`). */
  rotation: Rotation
  /** Mirror the upright photo left↔right before rotating. */
  mirrored: boolean
  /** 1 = the largest crop of the output's shape (fill); below 1 shows margins (down to fit). */
  zoom: number
  /** Centre of the crop as a fraction (0..1) of the rotated photo's width. */
  centerX: number
  /** Centre of the crop as a fraction (0..1) of the rotated photo's height. */
  centerY: number
}

/** The facts a crop is computed from. */
export interface CropContext {
  /** The photo's stored pixel size, before EXIF orientation. */
  source: Size
  /** EXIF Orientation tag (1–8); undefined when absent. */
  exif?: number
  /** The output size (profile `eyecatchWidth` × `eyecatchHeight`). */
  output: Size
}

/** Highest zoom: the crop is then 1/8 of the fill crop's width. */
export const MAX_ZOOM = 8

/** The starting crop: upright, centred, filling the frame. */
export const INITIAL_CROP: CropState = {
  rotation: 0,
  mirrored: false,
  zoom: 1,
  centerX: 0.5,
  centerY: 0.5,
}

/** The photo's size as the writer sees it: EXIF orientation applied. */
export function uprightSize(ctx: CropContext): Size {
  return transformSize(ctx.source, exifOrientation(ctx.exif))
}

/** The writer's rotation and mirrors as an orientation. */
export function cropOrientation(state: CropState): Orientation {
  return {
    turns: (((Math.round(state.rotation / 90) % 4) + 4) % 4) as Orientation['turns'],
    flip: state.mirrored,
  }
}

function withOrientation(state: CropState, o: Orientation): CropState {
  return { ...state, rotation: (o.turns * 90) as Rotation, mirrored: o.flip }
}

/** The photo's size after EXIF orientation and the writer's rotation: the frame the crop lives in. */
export function viewSize(state: CropState, ctx: CropContext): Size {
  return transformSize(uprightSize(ctx), cropOrientation(state))
}

/** The crop size at zoom 1: the largest rectangle of the output's shape inside the rotated photo. */
function fillSize(view: Size, output: Size): Size {
  const aspect = output.width / output.height
  return view.width / view.height > aspect
    ? { width: view.height * aspect, height: view.height }
    : { width: view.width, height: view.width / aspect }
}

/** The zoom at which the whole photo shows inside the frame (letterboxed): ≤ 1. */
export function fitZoom(state: CropState, ctx: CropContext): number {
  const view = viewSize(state, ctx)
  const fill = fillSize(view, ctx.output)
  return Math.min(fill.width / view.width, fill.height / view.height)
}

/** Allowed zoom range for this photo and output. */
export function zoomRange(state: CropState, ctx: CropContext): { min: number; max: number } {
  return { min: fitZoom(state, ctx), max: MAX_ZOOM }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v))
}

/**
 * Brings a state back into range: zoom between fit and {@link MAX_ZOOM}, and the centre where the
 * crop stays on the photo. On an axis where the crop is larger than the photo (zoomed out past
 * fill) the photo is centred on that axis.
 */
export function clampCrop(state: CropState, ctx: CropContext): CropState {
  const view = viewSize(state, ctx)
  const range = zoomRange(state, ctx)
  const zoom = clamp(Number.isFinite(state.zoom) ? state.zoom : 1, range.min, range.max)
  const fill = fillSize(view, ctx.output)
  const w = fill.width / zoom
  const h = fill.height / zoom
  const axis = (c: number, crop: number, full: number) => {
    if (crop >= full) return 0.5
    const half = crop / 2 / full
    return clamp(Number.isFinite(c) ? c : 0.5, half, 1 - half)
  }
  return {
    ...state,
    zoom,
    centerX: axis(state.centerX, w, view.width),
    centerY: axis(state.centerY, h, view.height),
  }
}

/** The crop rectangle in the rotated photo's pixels (may extend past the photo when zoomed out). */
export function cropRect(state: CropState, ctx: CropContext): Rect {
  const s = clampCrop(state, ctx)
  const view = viewSize(s, ctx)
  const fill = fillSize(view, ctx.output)
  const width = fill.width / s.zoom
  const height = fill.height / s.zoom
  return {
    left: s.centerX * view.width - width / 2,
    top: s.centerY * view.height - height / 2,
    width,
    height,
  }
}

/** Fills the frame (zoom 1), keeping the centre. */
export function fillCrop(state: CropState, ctx: CropContext): CropState {
  return clampCrop({ ...state, zoom: 1 }, ctx)
}

/** Shows the whole photo (zoom to fit), centred. */
export function fitCrop(state: CropState, ctx: CropContext): CropState {
  return clampCrop({ ...state, zoom: fitZoom(state, ctx), centerX: 0.5, centerY: 0.5 }, ctx)
}

/**
 * Zooms to `zoom`, keeping the photo point under `focus` (a fraction 0..1 of the frame; default
 * its centre) where it is, as a mouse wheel or pinch expects.
 */
export function zoomCrop(
  state: CropState,
  ctx: CropContext,
  zoom: number,
  focus: { x: number; y: number } = { x: 0.5, y: 0.5 },
): CropState {
  const before = cropRect(state, ctx)
  const view = viewSize(state, ctx)
  const px = before.left + focus.x * before.width
  const py = before.top + focus.y * before.height
  const next = clampCrop({ ...state, zoom }, ctx)
  const fill = fillSize(view, ctx.output)
  const w = fill.width / next.zoom
  const h = fill.height / next.zoom
  return clampCrop(
    {
      ...next,
      centerX: (px - focus.x * w + w / 2) / view.width,
      centerY: (py - focus.y * h + h / 2) / view.height,
    },
    ctx,
  )
}

/**
 * Moves the photo by a drag of (`dx`, `dy`) measured as fractions of the frame's width and height:
 * dragging right by the whole frame width moves the crop one crop-width to the left.
 */
export function panCrop(state: CropState, ctx: CropContext, dx: number, dy: number): CropState {
  const rect = cropRect(state, ctx)
  const view = viewSize(state, ctx)
  return clampCrop(
    {
      ...state,
      centerX: state.centerX - (dx * rect.width) / view.width,
      centerY: state.centerY - (dy * rect.height) / view.height,
    },
    ctx,
  )
}

/** Arrow keys the crop view understands. */
export type NudgeKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown'

/** How far one arrow key moves the photo: a share of the output's width (Shift: the large step). */
export const NUDGE_STEP = { small: 0.01, large: 0.1 }

/**
 * Moves the photo in the arrow's direction, like a drag: 1 % of the output's width per key
 * (12 px of a 1200 px card), 10 % with Shift; the same distance vertically.
 * Returns the same state when the key is not an arrow.
 */
export function nudgeCrop(
  state: CropState,
  ctx: CropContext,
  key: string,
  large = false,
): CropState {
  const step = ctx.output.width * (large ? NUDGE_STEP.large : NUDGE_STEP.small)
  const fx = step / ctx.output.width
  const fy = step / ctx.output.height
  switch (key as NudgeKey) {
    case 'ArrowLeft':
      return panCrop(state, ctx, -fx, 0)
    case 'ArrowRight':
      return panCrop(state, ctx, fx, 0)
    case 'ArrowUp':
      return panCrop(state, ctx, 0, -fy)
    case 'ArrowDown':
      return panCrop(state, ctx, 0, fy)
    default:
      return state
  }
}

/**
 * Rotates the view a quarter turn (clockwise unless `counter`), keeping the same part of the photo
 * centred. Works on what the writer sees, whatever was mirrored before.
 */
export function rotateCrop(state: CropState, ctx: CropContext, counter = false): CropState {
  // In fractions a clockwise quarter turn maps (u, v) to (1 − v, u).
  const centre = counter
    ? { centerX: state.centerY, centerY: 1 - state.centerX }
    : { centerX: 1 - state.centerY, centerY: state.centerX }
  const turn: Orientation = { turns: counter ? 3 : 1, flip: false }
  return clampCrop(
    withOrientation({ ...state, ...centre }, compose(turn, cropOrientation(state))),
    ctx,
  )
}

/**
 * Mirrors the view left↔right (`horizontal`) or top↔bottom as the writer sees it, keeping the same
 * part of the photo centred.
 */
export function flipCrop(state: CropState, ctx: CropContext, horizontal: boolean): CropState {
  // A top↔bottom mirror is a left↔right mirror followed by a half turn.
  const mirror: Orientation = horizontal ? { turns: 0, flip: true } : { turns: 2, flip: true }
  const centre = horizontal ? { centerX: 1 - state.centerX } : { centerY: 1 - state.centerY }
  return clampCrop(
    withOrientation({ ...state, ...centre }, compose(mirror, cropOrientation(state))),
    ctx,
  )
}

/** How main turns a crop into pixels with sharp. */
export interface ExportPlan {
  /** Region of the stored (not yet oriented) image to read, in whole pixels. */
  extract: Rect
  /** The same region before rounding to whole pixels (for reading at reduced scale). */
  exact: Rect
  /** Size to resize `extract` to, before `orientation` is applied. */
  resize: Size
  /** Mirror then rotate, after resizing: EXIF orientation and the writer's transform together. */
  orientation: Orientation
  /** Where the oriented region goes in the output; the rest is background (zoomed out past fill). */
  place: Rect
  /** Final output size in pixels (output × scale). */
  output: Size
  /** True when the photo does not cover the whole output. */
  letterboxed: boolean
  /** True when the crop has fewer source pixels than output pixels: the result will look soft. */
  upscaled: boolean
}

/**
 * Plans the export of a crop: which stored pixels to read, how to resize and orient them, and
 * where they land in an output of `ctx.output × scale` pixels. Pure, so the pixels main produces
 * match the preview the renderer showed.
 */
export function planExport(state: CropState, ctx: CropContext, scale = 1): ExportPlan {
  const s = clampCrop(state, ctx)
  const exif = exifOrientation(ctx.exif)
  const user = cropOrientation(s)
  const net = compose(user, exif)
  const view = viewSize(s, ctx)
  const crop = cropRect(s, ctx)
  const output = {
    width: Math.round(ctx.output.width * scale),
    height: Math.round(ctx.output.height * scale),
  }
  const k = output.width / crop.width
  const visible =
    intersectRect(crop, { left: 0, top: 0, width: view.width, height: view.height }) ?? crop
  // Where the visible part lands in the output, rounded to whole pixels and kept inside.
  const x0 = Math.max(0, Math.round((visible.left - crop.left) * k))
  const y0 = Math.max(0, Math.round((visible.top - crop.top) * k))
  const x1 = Math.min(output.width, Math.round((visible.left + visible.width - crop.left) * k))
  const y1 = Math.min(output.height, Math.round((visible.top + visible.height - crop.top) * k))
  const place = { left: x0, top: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) }
  // Back from the view to stored pixels, then to whole pixels inside the stored image.
  const stored = transformRect(visible, view, invert(net))
  const left = Math.max(0, Math.floor(stored.left + 1e-6))
  const top = Math.max(0, Math.floor(stored.top + 1e-6))
  const right = Math.min(ctx.source.width, Math.ceil(stored.left + stored.width - 1e-6))
  const bottom = Math.min(ctx.source.height, Math.ceil(stored.top + stored.height - 1e-6))
  const extract = { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) }
  const resize =
    net.turns % 2 === 1
      ? { width: place.height, height: place.width }
      : { width: place.width, height: place.height }
  return {
    extract,
    exact: stored,
    resize,
    orientation: net,
    place,
    output,
    letterboxed: place.width < output.width || place.height < output.height,
    upscaled: crop.width < output.width,
  }
}

/** Zoom factor per key on the zoom slider: a small step, and the large one (Shift, Page keys). */
export const ZOOM_STEP = { small: 1.05, large: 1.25 }

/**
 * The slider keys of a zoom control, in sensible steps: arrows zoom 5 % (25 % with Shift), Page Up
 * and Page Down 25 %, Home and End go to the whole photo and the closest zoom. Up and Right zoom in.
 * Returns null for any other key, so the caller lets it through.
 */
export function zoomCropByKey(
  state: CropState,
  ctx: CropContext,
  key: string,
  large = false,
): CropState | null {
  const step = large ? ZOOM_STEP.large : ZOOM_STEP.small
  const range = zoomRange(state, ctx)
  switch (key) {
    case 'ArrowUp':
    case 'ArrowRight':
      return zoomCrop(state, ctx, state.zoom * step)
    case 'ArrowDown':
    case 'ArrowLeft':
      return zoomCrop(state, ctx, state.zoom / step)
    case 'PageUp':
      return zoomCrop(state, ctx, state.zoom * ZOOM_STEP.large)
    case 'PageDown':
      return zoomCrop(state, ctx, state.zoom / ZOOM_STEP.large)
    case 'Home':
      return zoomCrop(state, ctx, range.min)
    case 'End':
      return zoomCrop(state, ctx, range.max)
    default:
      return null
  }
}
