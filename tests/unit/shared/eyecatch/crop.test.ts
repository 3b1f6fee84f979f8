import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  clampCrop,
  cropRect,
  fillCrop,
  fitCrop,
  fitZoom,
  flipCrop,
  INITIAL_CROP,
  MAX_ZOOM,
  nudgeCrop,
  zoomCropByKey,
  ZOOM_STEP,
  panCrop,
  planExport,
  rotateCrop,
  uprightSize,
  viewSize,
  zoomCrop,
  type CropContext,
  type CropState,
} from '../../../../src/shared/eyecatch/crop'
import { transformPoint } from '../../../../src/shared/eyecatch/geometry'

const OUT = { width: 1200, height: 630 }
const landscape: CropContext = { source: { width: 6000, height: 4000 }, output: OUT }
const portrait: CropContext = { source: { width: 3000, height: 4000 }, output: OUT }
// A phone photo: stored sideways, EXIF says rotate 90° clockwise.
const phone: CropContext = { source: { width: 4000, height: 3000 }, exif: 6, output: OUT }

describe('cropRect at the card shape', () => {
  it.each([
    ['landscape, fill', landscape, INITIAL_CROP, { left: 0, top: 425, width: 6000, height: 3150 }],
    ['portrait, fill', portrait, INITIAL_CROP, { left: 0, top: 1212.5, width: 3000, height: 1575 }],
    [
      'phone photo (EXIF 6) is cropped upright',
      phone,
      INITIAL_CROP,
      { left: 0, top: 1212.5, width: 3000, height: 1575 },
    ],
    [
      'landscape rotated 90°',
      landscape,
      { ...INITIAL_CROP, rotation: 90 },
      { left: 0, top: 1950, width: 4000, height: 2100 },
    ],
    [
      'landscape, zoom 2',
      landscape,
      { ...INITIAL_CROP, zoom: 2 },
      { left: 1500, top: 1212.5, width: 3000, height: 1575 },
    ],
    [
      'pushed past the left edge',
      landscape,
      { ...INITIAL_CROP, zoom: 2, centerX: 0 },
      { left: 0, top: 1212.5, width: 3000, height: 1575 },
    ],
    [
      'pushed past the bottom',
      landscape,
      { ...INITIAL_CROP, zoom: 2, centerY: 5 },
      { left: 1500, top: 2425, width: 3000, height: 1575 },
    ],
  ] as const)('%s', (_name, ctx, state, rect) => {
    const r = cropRect(state as CropState, ctx)
    expect(r.left).toBeCloseTo(rect.left, 6)
    expect(r.top).toBeCloseTo(rect.top, 6)
    expect(r.width).toBeCloseTo(rect.width, 6)
    expect(r.height).toBeCloseTo(rect.height, 6)
    expect(r.width / r.height).toBeCloseTo(1200 / 630, 9)
  })

  it('knows the upright size from the EXIF tag', () => {
    expect(uprightSize(phone)).toEqual({ width: 3000, height: 4000 })
    expect(viewSize({ ...INITIAL_CROP, rotation: 270 }, phone)).toEqual({
      width: 4000,
      height: 3000,
    })
  })
})

describe('zoom limits, fit and fill', () => {
  it('fit shows the whole photo with margins, fill covers the frame', () => {
    expect(fitZoom(INITIAL_CROP, landscape)).toBeCloseTo(3150 / 4000)
    const fit = cropRect(fitCrop({ ...INITIAL_CROP, zoom: 3, centerX: 0.1 }, landscape), landscape)
    expect(fit.height).toBeCloseTo(4000)
    expect(fit.left).toBeLessThan(0)
    expect(fit.left + fit.width).toBeGreaterThan(6000)
    const fill = cropRect(fillCrop({ ...INITIAL_CROP, zoom: 0.5 }, landscape), landscape)
    expect(fill.width).toBeCloseTo(6000)
  })

  it.each([
    [100, MAX_ZOOM],
    [0.01, 3150 / 4000],
    [Number.NaN, 1],
  ])('zoom %d is clamped to %d', (zoom, expected) => {
    expect(clampCrop({ ...INITIAL_CROP, zoom }, landscape).zoom).toBeCloseTo(expected)
  })

  it('zooming about a point keeps that point under the cursor', () => {
    const start = { ...INITIAL_CROP, zoom: 1.5, centerX: 0.4, centerY: 0.5 }
    const focus = { x: 0.25, y: 0.75 }
    const before = cropRect(start, landscape)
    const after = cropRect(zoomCrop(start, landscape, 3, focus), landscape)
    expect(after.left + focus.x * after.width).toBeCloseTo(before.left + focus.x * before.width, 6)
    expect(after.top + focus.y * after.height).toBeCloseTo(before.top + focus.y * before.height, 6)
  })
})

describe('panning and keyboard nudging', () => {
  const zoomed = { ...INITIAL_CROP, zoom: 2 }

  it('dragging right by a tenth of the frame moves the crop a tenth of its width left', () => {
    const before = cropRect(zoomed, landscape)
    const after = cropRect(panCrop(zoomed, landscape, 0.1, 0), landscape)
    expect(after.left).toBeCloseTo(before.left - 0.1 * before.width)
    expect(after.top).toBeCloseTo(before.top)
  })

  it.each([
    ['ArrowRight', false, -12, 0],
    ['ArrowLeft', false, 12, 0],
    ['ArrowDown', false, 0, -12],
    ['ArrowUp', false, 0, 12],
    ['ArrowRight', true, -120, 0],
    ['ArrowUp', true, 0, 120],
  ])(
    '%s (shift %s) moves the photo 1 % of the card width per step (10 % with Shift)',
    (key, large, dx, dy) => {
      const before = cropRect(zoomed, landscape)
      const after = cropRect(nudgeCrop(zoomed, landscape, key, large), landscape)
      const sourcePerOutput = before.width / OUT.width
      expect(after.left - before.left).toBeCloseTo(dx * sourcePerOutput)
      expect(after.top - before.top).toBeCloseTo(dy * sourcePerOutput)
    },
  )

  it('ignores other keys and stops at the edges', () => {
    expect(nudgeCrop(zoomed, landscape, 'Enter')).toBe(zoomed)
    let s: CropState = { ...zoomed, centerX: 0.26 }
    for (let i = 0; i < 50; i++) s = nudgeCrop(s, landscape, 'ArrowRight', true)
    expect(cropRect(s, landscape).left).toBe(0)
  })
})

describe('rotating and mirroring act on what the writer sees', () => {
  it('four quarter turns, or a turn and its undo, give the start back', () => {
    const s = { ...INITIAL_CROP, zoom: 2, centerX: 0.3, centerY: 0.6 }
    let r = s
    for (let i = 0; i < 4; i++) r = rotateCrop(r, landscape)
    expect(r.rotation).toBe(0)
    expect(r.centerX).toBeCloseTo(clampCrop(s, landscape).centerX)
    const back = rotateCrop(rotateCrop(s, landscape), landscape, true)
    expect(back.rotation).toBe(0)
    const twice = flipCrop(flipCrop(s, landscape, true), landscape, true)
    expect(twice).toMatchObject({ rotation: 0, mirrored: false, zoom: 2 })
    expect(twice.centerX).toBeCloseTo(0.3)
  })

  it('a clockwise turn after a mirror still turns the view clockwise', () => {
    const mirrored = flipCrop(INITIAL_CROP, landscape, true)
    const turned = rotateCrop(mirrored, landscape)
    // Stored top-left → mirrored: top-right → turned clockwise: bottom-right.
    const { orientation } = planExport(turned, landscape)
    const size = { width: 6000, height: 4000 }
    expect(transformPoint({ x: 0, y: 0 }, size, orientation)).toEqual({ x: 4000, y: 6000 })
    // And turning first, then mirroring: top-left → top-right → top-left.
    const other = flipCrop(rotateCrop(INITIAL_CROP, landscape), landscape, true)
    expect(transformPoint({ x: 0, y: 0 }, size, planExport(other, landscape).orientation)).toEqual({
      x: 0,
      y: 0,
    })
  })

  it('mirroring top↔bottom is a left↔right mirror and a half turn', () => {
    const s = flipCrop(INITIAL_CROP, landscape, false)
    expect(s).toMatchObject({ rotation: 180, mirrored: true })
  })
})

describe('planExport', () => {
  it('reads the crop from stored pixels and resizes to the exact output', () => {
    const plan = planExport(INITIAL_CROP, landscape)
    expect(plan).toMatchObject({
      extract: { left: 0, top: 425, width: 6000, height: 3150 },
      resize: { width: 1200, height: 630 },
      orientation: { turns: 0, flip: false },
      place: { left: 0, top: 0, width: 1200, height: 630 },
      output: { width: 1200, height: 630 },
      letterboxed: false,
      upscaled: false,
    })
    expect(planExport(INITIAL_CROP, landscape, 2).output).toEqual({ width: 2400, height: 1260 })
  })

  it('maps an upright crop of a phone photo back to its sideways stored pixels', () => {
    const plan = planExport(INITIAL_CROP, phone)
    // Upright 3000×4000, crop rows 1212.5–2787.5 → stored columns 1212–2788 (all rows).
    expect(plan.extract).toEqual({ left: 1212, top: 0, width: 1576, height: 3000 })
    expect(plan.resize).toEqual({ width: 630, height: 1200 })
    expect(plan.orientation).toEqual({ turns: 1, flip: false })
  })

  it('letterboxes when zoomed out past fill and says when it upscales', () => {
    const plan = planExport(fitCrop(INITIAL_CROP, landscape), landscape)
    expect(plan.letterboxed).toBe(true)
    expect(plan.extract).toEqual({ left: 0, top: 0, width: 6000, height: 4000 })
    expect(plan.place.height).toBe(630)
    expect(plan.place.width).toBe(945)
    expect(plan.place.left).toBe(128)
    const small = planExport(INITIAL_CROP, { source: { width: 800, height: 600 }, output: OUT })
    expect(small.upscaled).toBe(true)
  })

  it('always stays inside the stored image and the output, whatever the crop', () => {
    const orientation = fc.integer({ min: 1, max: 8 })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9000 }),
        fc.integer({ min: 1, max: 9000 }),
        orientation,
        fc.constantFrom(0, 90, 180, 270),
        fc.boolean(),
        fc.double({ min: 0.01, max: 20, noNaN: true }),
        fc.double({ min: -2, max: 3, noNaN: true }),
        fc.double({ min: -2, max: 3, noNaN: true }),
        fc.constantFrom(1, 2),
        (w, h, exif, rotation, mirrored, zoom, cx, cy, scale) => {
          const ctx = { source: { width: w, height: h }, exif, output: OUT }
          const state = { rotation, mirrored, zoom, centerX: cx, centerY: cy } as CropState
          const plan = planExport(state, ctx, scale)
          const e = plan.extract
          expect(e.left).toBeGreaterThanOrEqual(0)
          expect(e.top).toBeGreaterThanOrEqual(0)
          expect(e.width).toBeGreaterThanOrEqual(1)
          expect(e.height).toBeGreaterThanOrEqual(1)
          expect(e.left + e.width).toBeLessThanOrEqual(w)
          expect(e.top + e.height).toBeLessThanOrEqual(h)
          const p = plan.place
          expect(p.left + p.width).toBeLessThanOrEqual(plan.output.width)
          expect(p.top + p.height).toBeLessThanOrEqual(plan.output.height)
          const turned = plan.orientation.turns % 2 === 1
          expect(turned ? plan.resize.height : plan.resize.width).toBe(p.width)
          expect(plan.output).toEqual({ width: 1200 * scale, height: 630 * scale })
          if (!plan.letterboxed) expect(p).toEqual({ left: 0, top: 0, ...plan.output })
        },
      ),
      { numRuns: 400 },
    )
  })
})

describe('the zoom slider keys move in steps a writer can see', () => {
  const start = { ...INITIAL_CROP, zoom: 2 }
  it.each([
    ['ArrowRight', false, 2 * 1.05],
    ['ArrowUp', false, 2 * 1.05],
    ['ArrowLeft', false, 2 / 1.05],
    ['ArrowDown', false, 2 / 1.05],
    ['ArrowRight', true, 2 * 1.25],
    ['ArrowLeft', true, 2 / 1.25],
    ['PageUp', false, 2 * 1.25],
    ['PageDown', false, 2 / 1.25],
  ])('%s (shift %s) zooms to %f', (key, large, zoom) => {
    expect(zoomCropByKey(start, landscape, key, large)!.zoom).toBeCloseTo(zoom, 6)
  })

  it('Home shows the whole photo, End the closest zoom, other keys are not taken', () => {
    expect(zoomCropByKey(start, landscape, 'Home')!.zoom).toBeCloseTo(fitZoom(start, landscape))
    expect(zoomCropByKey(start, landscape, 'End')!.zoom).toBe(MAX_ZOOM)
    expect(zoomCropByKey(start, landscape, 'Tab')).toBeNull()
  })

  it('crosses the whole range in a few dozen presses, not thousands', () => {
    let s: CropState = fitCrop(start, landscape)
    let presses = 0
    while (s.zoom < MAX_ZOOM && presses < 1000) {
      s = zoomCropByKey(s, landscape, 'ArrowRight')!
      presses++
    }
    expect(presses).toBeLessThan(Math.ceil(Math.log(MAX_ZOOM * 2) / Math.log(ZOOM_STEP.small)) + 1)
    expect(presses).toBeGreaterThan(10)
  })
})
