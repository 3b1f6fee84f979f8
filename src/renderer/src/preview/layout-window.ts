/**
 * The blocks of a long article that are laid out: those within a few screens of the preview's
 * viewport. Every other block skips style, layout and paint (`content-visibility: hidden`, keeping
 * its last size as a placeholder, see preview-css.ts). Chromium's `content-visibility: auto` does
 * the same by itself, but it tracks every block with an intersection observer that it recomputes
 * in each frame the page changes: with the 2,000 blocks of a 200k-character post that took about
 * 24 ms of every keystroke's frame. This window is a range of children, moved only when the
 * viewport nears its edge: typing in a block reads no position, a new block a few (O(log n)).
 */

/** A range of an article's element children (0-based, inclusive). */
export interface ChildRange {
  first: number
  last: number
}

/** Where an article's children are, relative to the viewport's top (px, in document order). */
export interface ChildGeometry {
  count: number
  top(i: number): number
  bottom(i: number): number
}

/** Screens laid out beyond each edge of the viewport when the window moves. */
export const WINDOW_SCREENS = 1.5
/** The window moves once less than this many screens are laid out beyond an edge. */
export const KEEP_SCREENS = 0.5

/** The first child whose bottom is at or below `y` (count when none). */
function firstEndingBelow(g: ChildGeometry, y: number): number {
  let lo = 0
  let hi = g.count
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (g.bottom(mid) >= y) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** The last child whose top is at or above `y` (-1 when none). */
function lastStartingAbove(g: ChildGeometry, y: number): number {
  let lo = -1
  let hi = g.count - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (g.top(mid) <= y) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** The children within `margin` px of a viewport `height` px high, or null when there are none. */
function childrenNear(g: ChildGeometry, height: number, margin: number): ChildRange | null {
  if (g.count === 0) return null
  const first = Math.min(firstEndingBelow(g, -margin), g.count - 1)
  const last = Math.max(lastStartingAbove(g, height + margin), first)
  return { first, last }
}

/**
 * The range to lay out: `current` while it still covers the viewport and half a screen beyond each
 * edge, else the children within {@link WINDOW_SCREENS} screens of it. Reads O(log n) positions.
 */
export function nextWindow(
  g: ChildGeometry,
  height: number,
  current: ChildRange | null,
): ChildRange | null {
  const needed = childrenNear(g, height, height * KEEP_SCREENS)
  if (!needed) return null
  if (current && current.first <= needed.first && current.last >= needed.last) return current
  return childrenNear(g, height, height * WINDOW_SCREENS)
}

/** The class of a long article's children that are laid out (see preview-css.ts). */
export const NEAR_CLASS = 'pw-near'

/**
 * Keeps a long article's window on its viewport (see the module comment). The window's children
 * carry {@link NEAR_CLASS}: a class, not a positional rule such as `:nth-child`, since with one
 * of those every block the patcher inserts restyles all the blocks after it.
 */
export class LayoutWindow {
  private range: ChildRange | null = null
  /** The children carrying the class now. */
  private near = new Set<Element>()
  /** A check queued for the next frame: revealed blocks take their real size, which moves others. */
  private settleFrame = 0
  private settles = 0
  /** How many children the article had when the window was last placed. */
  private placedCount = -1

  constructor(
    private readonly article: HTMLElement,
    private readonly active: () => boolean,
  ) {}

  /** The range laid out now (null: none, or the article is not long). */
  get current(): ChildRange | null {
    return this.range
  }

  /**
   * Moves the window if the viewport nears its edge, and lays out the blocks that came into it
   * (call after the article or the scroll position changed, before the frame is painted, so no
   * block shows unrendered).
   */
  update(): void {
    if (!this.active()) {
      this.apply(null)
      return
    }
    const view = this.article.ownerDocument.defaultView
    const children = this.article.children
    const height = view?.innerHeight ?? 0
    if (!view || height <= 0) return
    // Positions of children, read lazily: the binary searches read O(log n) of them.
    const rects = new Map<number, DOMRect>()
    const rect = (i: number) => {
      let r = rects.get(i)
      if (!r) rects.set(i, (r = children[i]!.getBoundingClientRect()))
      return r
    }
    const before = this.range
    this.placedCount = children.length
    const next = nextWindow(
      { count: children.length, top: (i) => rect(i).top, bottom: (i) => rect(i).bottom },
      height,
      this.range,
    )
    this.apply(next)
    if (next !== before) this.settle()
    else this.settles = 0
  }

  /**
   * The article was patched; its children before `firstChanged` are the same elements in the same
   * places. The window's range still holds, and only its new children take the class, when
   * - the article has as many children as when the window was last placed (a block replaced in
   *   place: typing in it), or
   * - the change starts after the window's last child, and children followed it then (a big post
   *   filling in below the viewport: what is above and in the window did not move, and the window
   *   did not reach the article's end).
   * Reading positions would force a layout in the patch's task (about 5 ms per keystroke at 200k
   * characters, 10–40 ms per step of a post filling in), before the frame does it anyway.
   * Otherwise the window is placed again.
   */
  patched(firstChanged = 0): void {
    const range = this.range
    if (range && this.active()) {
      const count = this.article.children.length
      const below = firstChanged > range.last && range.last < this.placedCount - 1
      if (count === this.placedCount || below) {
        this.placedCount = count
        this.apply(range)
        return
      }
    }
    this.update()
  }

  /** Stops the queued check (the frame is being unbound). */
  dispose(): void {
    if (this.settleFrame)
      this.article.ownerDocument.defaultView?.cancelAnimationFrame(this.settleFrame)
    this.settleFrame = 0
    this.apply(null)
  }

  /**
   * Lays out the children in `range` (a block the patcher put in since carries no class yet) and
   * skips the others that did. O(size of the window).
   */
  private apply(range: ChildRange | null): void {
    this.range = range
    const children = this.article.children
    const near = new Set<Element>()
    if (range)
      for (let i = range.first; i <= range.last && i < children.length; i++) {
        const child = children[i]!
        near.add(child)
        if (!this.near.has(child)) child.classList.add(NEAR_CLASS)
      }
    for (const child of this.near) if (!near.has(child)) child.classList.remove(NEAR_CLASS)
    this.near = near
  }

  /** Checks again next frame, a few times at most, until the window stays (sizes settle). */
  private settle(): void {
    const view = this.article.ownerDocument.defaultView
    if (!view || this.settleFrame || this.settles >= 3) return
    this.settles++
    this.settleFrame = view.requestAnimationFrame(() => {
      this.settleFrame = 0
      this.update()
    })
  }
}

/**
 * Scrolls `target` (in `article`) to the viewport's top. In a long article its block may be skipped
 * for layout (a footnote has no box yet), and the blocks around it take their real sizes once laid
 * out, which moves it: bring its block into view, lay out the window there, and again until the
 * window stays (positions are read with the sizes just laid out), then the target itself.
 */
export function scrollToTarget(
  target: Element,
  article: Element,
  window: LayoutWindow | null,
): void {
  let block: Element = target
  while (block.parentElement && block.parentElement !== article) block = block.parentElement
  if (block.parentElement === article && window) {
    for (let i = 0; i < 4; i++) {
      const before = window.current
      block.scrollIntoView({ block: 'start' })
      window.update()
      if (window.current === before) break
    }
  }
  target.scrollIntoView({ block: 'start' })
  window?.update()
}
