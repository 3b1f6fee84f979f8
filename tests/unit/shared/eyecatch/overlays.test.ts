import { describe, expect, it } from 'vitest'
import {
  INITIAL_CROP,
  cropOrientation,
  cropRect,
  flipCrop,
  rotateCrop,
  uprightSize,
  type CropContext,
  type CropState,
} from '../../../../src/shared/eyecatch/crop'
import { invert, transformPoint, transformSize } from '../../../../src/shared/eyecatch/geometry'
import {
  facebookBand,
  feedThumbnail,
  percentRect,
  xSafeBand,
} from '../../../../src/shared/eyecatch/overlays'
import { cropPreviewStyle } from '../../../../src/shared/eyecatch/preview-transform'

describe('share overlays (PORTAL.md §3)', () => {
  it.each([
    [{ width: 1200, height: 630 }, { left: 0, top: 15, width: 1200, height: 600 }, 0.0238],
    [{ width: 1200, height: 675 }, { left: 0, top: 37.5, width: 1200, height: 600 }, 0.0556],
    [{ width: 1200, height: 500 }, { left: 100, top: 0, width: 1000, height: 500 }, 0.0833],
  ])('X keeps the centred 2:1 band of %j', (output, visible, cut) => {
    const band = xSafeBand(output)
    expect(band.visible).toEqual(visible)
    expect(band.cutFraction).toBeCloseTo(cut, 4)
  })

  it('Facebook keeps nearly all of 1200×630', () => {
    expect(facebookBand({ width: 1200, height: 630 }).visible.height).toBeCloseTo(628.27, 1)
  })

  it('the feed shows the whole eyecatch about 128 px wide', () => {
    const t = feedThumbnail({ width: 1200, height: 630 })
    expect(t.width).toBe(128)
    expect(t.height).toBeCloseTo(67.2)
    expect(t.scale).toBeCloseTo(0.1067, 4)
    // A tall output is limited by the box height instead.
    expect(feedThumbnail({ width: 600, height: 900 }).height).toBe(112)
  })

  it('turns rectangles into CSS percentages', () => {
    expect(
      percentRect({ left: 0, top: 15, width: 1200, height: 600 }, { width: 1200, height: 630 }),
    ).toEqual({
      left: '0.000%',
      top: '2.381%',
      width: '100.000%',
      height: '95.238%',
    })
  })
})

/** Applies a CSS `matrix(a, b, c, d, e, f)` to a point. */
function applyMatrix(transform: string, x: number, y: number): { x: number; y: number } {
  const [a, b, c, d, e, f] = transform
    .replace(/^matrix\(|\)$/g, '')
    .split(',')
    .map(Number) as [number, number, number, number, number, number]
  return { x: a * x + c * y + e, y: b * x + d * y + f }
}

describe('cropPreviewStyle: the live preview shows exactly the exported crop', () => {
  const ctx: CropContext = {
    source: { width: 4000, height: 3000 },
    exif: 6,
    output: { width: 1200, height: 630 },
  }
  const frame = { width: 600, height: 315 }
  const base: CropState = { ...INITIAL_CROP, zoom: 1.7, centerX: 0.35, centerY: 0.6 }
  const states: [string, CropState][] = [
    ['upright', base],
    ['rotated', rotateCrop(base, ctx)],
    ['rotated twice', rotateCrop(rotateCrop(base, ctx), ctx)],
    ['mirrored', flipCrop(base, ctx, true)],
    ['mirrored and rotated back', rotateCrop(flipCrop(base, ctx, false), ctx, true)],
  ]

  it.each(states)('%s: the crop corners land on the frame corners', (_name, state) => {
    const style = cropPreviewStyle(state, ctx, frame)
    const upright = uprightSize(ctx)
    const scaled = { width: style.width, height: style.height }
    expect(style.width / upright.width).toBeCloseTo(frame.width / cropRect(state, ctx).width, 9)
    const rect = cropRect(state, ctx)
    const k = frame.width / rect.width
    const view = transformSize(scaled, cropOrientation(state))
    const back = invert(cropOrientation(state))
    for (const [vx, vy, fx, fy] of [
      [rect.left, rect.top, 0, 0],
      [rect.left + rect.width, rect.top + rect.height, frame.width, frame.height],
      [rect.left + rect.width, rect.top, frame.width, 0],
    ] as const) {
      // The photo point (in the scaled upright <img>) that the export puts at this frame corner.
      const p = transformPoint({ x: vx * k, y: vy * k }, view, back)
      const q = applyMatrix(style.transform, p.x, p.y)
      expect(q.x).toBeCloseTo(fx, 3)
      expect(q.y).toBeCloseTo(fy, 3)
    }
  })
})
