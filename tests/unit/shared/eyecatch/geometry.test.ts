import { describe, expect, it } from 'vitest'
import {
  centredAspectRect,
  compose,
  containSize,
  exifOrientation,
  IDENTITY,
  intersectRect,
  invert,
  transformPoint,
  transformRect,
  transformSize,
  type Orientation,
  type Point,
} from '../../../../src/shared/eyecatch/geometry'

const ALL: Orientation[] = [0, 1, 2, 3].flatMap((turns) =>
  [false, true].map((flip) => ({ turns: turns as Orientation['turns'], flip })),
)

/** Which visual corner a stored corner ends up in, for a stored image 40×20. */
function cornerOf(p: Point, o: Orientation): string {
  const size = { width: 40, height: 20 }
  const out = transformSize(size, o)
  const q = transformPoint(p, size, o)
  return `${q.y === 0 ? 'T' : q.y === out.height ? 'B' : '?'}${q.x === 0 ? 'L' : q.x === out.width ? 'R' : '?'}`
}

describe('exifOrientation (EXIF 2.3 Orientation tag)', () => {
  // Where the stored top-left and top-right corners must appear once the photo is upright.
  it.each([
    [1, 'TL', 'TR', false],
    [2, 'TR', 'TL', false],
    [3, 'BR', 'BL', false],
    [4, 'BL', 'BR', false],
    [5, 'TL', 'BL', true],
    [6, 'TR', 'BR', true],
    [7, 'BR', 'TR', true],
    [8, 'BL', 'TL', true],
  ])('tag %i puts the stored top-left at %s and top-right at %s', (tag, tl, tr, swaps) => {
    const o = exifOrientation(tag)
    expect(cornerOf({ x: 0, y: 0 }, o)).toBe(tl)
    expect(cornerOf({ x: 40, y: 0 }, o)).toBe(tr)
    expect(transformSize({ width: 40, height: 20 }, o)).toEqual(
      swaps ? { width: 20, height: 40 } : { width: 40, height: 20 },
    )
  })

  it.each([undefined, 0, 9, -1, 1.5])('treats %s as upright', (tag) => {
    expect(exifOrientation(tag)).toEqual(IDENTITY)
  })
})

describe('the 8 orientations form a group', () => {
  const size = { width: 7, height: 3 }
  const p = { x: 2, y: 1 }

  it.each(ALL.map((o) => [o]))('invert undoes %j', (o) => {
    expect(compose(invert(o), o)).toEqual(IDENTITY)
    expect(compose(o, invert(o))).toEqual(IDENTITY)
    const q = transformPoint(p, size, o)
    expect(transformPoint(q, transformSize(size, o), invert(o))).toEqual(p)
  })

  it('compose(b, a) moves points like a then b, for all 64 pairs', () => {
    for (const a of ALL) {
      for (const b of ALL) {
        const step = transformPoint(transformPoint(p, size, a), transformSize(size, a), b)
        expect(transformPoint(p, size, compose(b, a))).toEqual(step)
      }
    }
  })

  it('maps rectangles to rectangles of the same area', () => {
    const rect = { left: 1, top: 0.5, width: 3, height: 2 }
    for (const o of ALL) {
      const r = transformRect(rect, size, o)
      expect(r.width * r.height).toBeCloseTo(6)
      expect(r.left).toBeGreaterThanOrEqual(0)
      expect(r.top).toBeGreaterThanOrEqual(0)
    }
    expect(transformRect(rect, size, { turns: 1, flip: false })).toEqual({
      left: 0.5,
      top: 1,
      width: 2,
      height: 3,
    })
  })
})

describe('rectangle helpers', () => {
  it.each([
    [{ width: 1200, height: 630 }, 2, { left: 0, top: 15, width: 1200, height: 600 }],
    [{ width: 1000, height: 1000 }, 2, { left: 0, top: 250, width: 1000, height: 500 }],
    [{ width: 3000, height: 1000 }, 2, { left: 500, top: 0, width: 2000, height: 1000 }],
  ])('centredAspectRect(%j, %d)', (size, aspect, rect) => {
    expect(centredAspectRect(size, aspect)).toEqual(rect)
  })

  it('intersects and contains', () => {
    expect(
      intersectRect(
        { left: 0, top: 0, width: 10, height: 10 },
        { left: 5, top: -5, width: 10, height: 10 },
      ),
    ).toEqual({
      left: 5,
      top: 0,
      width: 5,
      height: 5,
    })
    expect(
      intersectRect(
        { left: 0, top: 0, width: 1, height: 1 },
        { left: 2, top: 2, width: 1, height: 1 },
      ),
    ).toBeNull()
    expect(containSize({ width: 1200, height: 630 }, { width: 128, height: 112 })).toEqual({
      width: 128,
      height: 67.2,
    })
  })
})
