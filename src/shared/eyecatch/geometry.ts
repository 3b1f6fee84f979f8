/** A width and a height in pixels. */
export interface Size {
  width: number
  height: number
}

/** A point in pixels (continuous coordinates: the image spans 0..width, 0..height). */
export interface Point {
  x: number
  y: number
}

/** An axis-aligned rectangle in pixels. */
export interface Rect {
  left: number
  top: number
  width: number
  height: number
}

/** Quarter turns clockwise. */
export type QuarterTurns = 0 | 1 | 2 | 3

/**
 * One of the 8 ways to lay an image on a grid (the dihedral group D4): first mirror left↔right when
 * `flip`, then rotate clockwise by `turns` quarter turns. This is also the order sharp applies
 * `flop()` and `rotate(angle)` in, whatever order they are called in.
 */
export interface Orientation {
  turns: QuarterTurns
  flip: boolean
}

/** The orientation that changes nothing. */
export const IDENTITY: Orientation = { turns: 0, flip: false }

function turnsOf(n: number): QuarterTurns {
  return (((n % 4) + 4) % 4) as QuarterTurns
}

/**
 * The transform that makes a stored image upright, for an EXIF Orientation tag (1–8).
 * Missing or out-of-range tags mean "already upright".
 */
export function exifOrientation(tag: number | undefined): Orientation {
  switch (tag) {
    case 2:
      return { turns: 0, flip: true }
    case 3:
      return { turns: 2, flip: false }
    case 4:
      return { turns: 2, flip: true }
    case 5:
      return { turns: 3, flip: true }
    case 6:
      return { turns: 1, flip: false }
    case 7:
      return { turns: 1, flip: true }
    case 8:
      return { turns: 3, flip: false }
    default:
      return IDENTITY
  }
}

/** Composes two orientations: `first` is applied, then `second`. */
export function compose(second: Orientation, first: Orientation): Orientation {
  // R^a M^f · R^b M^g = R^(a ± b) M^(f xor g), since M R^b = R^-b M.
  return {
    turns: turnsOf(second.turns + (second.flip ? -first.turns : first.turns)),
    flip: second.flip !== first.flip,
  }
}

/** The orientation that undoes `o`. */
export function invert(o: Orientation): Orientation {
  return o.flip ? { turns: o.turns, flip: true } : { turns: turnsOf(-o.turns), flip: false }
}

/** The size of an image after applying `o`. */
export function transformSize(size: Size, o: Orientation): Size {
  return o.turns % 2 === 1 ? { width: size.height, height: size.width } : { ...size }
}

/** Where a point of an image of `size` lands after applying `o`. */
export function transformPoint(p: Point, size: Size, o: Orientation): Point {
  let { x, y } = p
  let { width: w, height: h } = size
  if (o.flip) x = w - x
  for (let i = 0; i < o.turns; i++) {
    // One clockwise quarter turn: the left edge becomes the top edge.
    const nx = h - y
    y = x
    x = nx
    const t = w
    w = h
    h = t
  }
  return { x, y }
}

/** Where a rectangle of an image of `size` lands after applying `o`. */
export function transformRect(rect: Rect, size: Size, o: Orientation): Rect {
  const a = transformPoint({ x: rect.left, y: rect.top }, size, o)
  const b = transformPoint({ x: rect.left + rect.width, y: rect.top + rect.height }, size, o)
  return {
    left: Math.min(a.x, b.x),
    top: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  }
}

/** The overlap of two rectangles, or null when they do not overlap. */
export function intersectRect(a: Rect, b: Rect): Rect | null {
  const left = Math.max(a.left, b.left)
  const top = Math.max(a.top, b.top)
  const right = Math.min(a.left + a.width, b.left + b.width)
  const bottom = Math.min(a.top + a.height, b.top + b.height)
  if (right <= left || bottom <= top) return null
  return { left, top, width: right - left, height: bottom - top }
}

/** The largest rectangle of aspect `aspect` (width / height) centred in `size`. */
export function centredAspectRect(size: Size, aspect: number): Rect {
  if (size.width / size.height > aspect) {
    const width = size.height * aspect
    return { left: (size.width - width) / 2, top: 0, width, height: size.height }
  }
  const height = size.width / aspect
  return { left: 0, top: (size.height - height) / 2, width: size.width, height }
}

/** Scales `size` to fit inside `box` keeping its shape (CSS `object-fit: contain`). */
export function containSize(size: Size, box: Size): Size {
  const scale = Math.min(box.width / size.width, box.height / size.height)
  return { width: size.width * scale, height: size.height * scale }
}
