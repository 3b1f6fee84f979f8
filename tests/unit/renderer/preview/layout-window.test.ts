// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import {
  KEEP_SCREENS,
  LayoutWindow,
  NEAR_CLASS,
  WINDOW_SCREENS,
  nextWindow,
  type ChildGeometry,
} from '../../../../src/renderer/src/preview/layout-window'

/** Children of the given heights stacked from `scrollTop` px above the viewport's top. */
function stacked(heights: number[], scrollTop: number): ChildGeometry & { reads: number } {
  const tops: number[] = []
  let y = -scrollTop
  for (const h of heights) {
    tops.push(y)
    y += h
  }
  const g = {
    count: heights.length,
    reads: 0,
    top: (i: number) => (g.reads++, tops[i]!),
    bottom: (i: number) => (g.reads++, tops[i]! + heights[i]!),
  }
  return g
}

describe('nextWindow', () => {
  const H = 600
  const heights = Array.from({ length: 2000 }, (_, i) => 40 + (i % 7) * 10)

  it('lays out the children within the margin of the viewport, reading O(log n) positions', () => {
    const g = stacked(heights, 40_000)
    const range = nextWindow(g, H, null)!
    expect(g.reads).toBeLessThan(60)
    const top = stacked(heights, 40_000)
    // Every child within WINDOW_SCREENS of the viewport is in; the ones just outside are not.
    for (let i = 0; i < heights.length; i++) {
      const near = top.bottom(i) >= -H * WINDOW_SCREENS && top.top(i) <= H + H * WINDOW_SCREENS
      expect(i >= range.first && i <= range.last, `child ${i}`).toBe(near)
    }
  })

  it('keeps the window while it covers the viewport and half a screen beyond, then moves it', () => {
    const first = nextWindow(stacked(heights, 40_000), H, null)!
    // A little scrolling (less than a screen) keeps the same window (no restyle).
    expect(nextWindow(stacked(heights, 40_000 + H * 0.9), H, first)).toBe(first)
    // Far enough that less than KEEP_SCREENS is laid out below: it moves.
    const far = 40_000 + H * (WINDOW_SCREENS - KEEP_SCREENS) + 100
    const moved = nextWindow(stacked(heights, far), H, first)!
    expect(moved).not.toBe(first)
    expect(moved.first).toBeGreaterThan(first.first)
  })

  it('handles the ends and an empty article', () => {
    expect(nextWindow(stacked([], 0), H, null)).toBeNull()
    const atTop = nextWindow(stacked(heights, 0), H, null)!
    expect(atTop.first).toBe(0)
    const total = heights.reduce((a, b) => a + b, 0)
    const atEnd = nextWindow(stacked(heights, total - H), H, null)!
    expect(atEnd.last).toBe(heights.length - 1)
    // Scrolled past everything (a short article in a tall frame): still a valid range.
    const past = nextWindow(stacked([50, 50], 5000), H, null)!
    expect(past.first).toBeLessThanOrEqual(past.last)
  })
})

describe('LayoutWindow', () => {
  it('marks the window’s children, a child put in later too, and unmarks those that leave', () => {
    const article = document.createElement('article')
    document.body.append(article)
    for (let i = 0; i < 100; i++) article.append(document.createElement('p'))
    let scrollTop = 0
    // jsdom has no layout: each child is 100 px high, the viewport 600 px.
    const place = () =>
      Array.from(article.children).forEach((c, i) => {
        c.getBoundingClientRect = () =>
          ({ top: i * 100 - scrollTop, bottom: i * 100 + 100 - scrollTop }) as DOMRect
      })
    Object.defineProperty(window, 'innerHeight', { value: 600, configurable: true })
    let long = true
    const w = new LayoutWindow(article, () => long)
    place()
    w.update()
    const marked = () =>
      Array.from(article.children).flatMap((c, i) => (c.classList.contains(NEAR_CLASS) ? [i] : []))
    expect(marked()).toEqual(Array.from({ length: 16 }, (_, i) => i))
    // A block inserted inside the window is laid out at once.
    const inserted = document.createElement('p')
    article.insertBefore(inserted, article.children[3]!)
    place()
    w.update()
    expect(inserted.classList.contains(NEAR_CLASS)).toBe(true)
    // A block replaced in place (typing in it): the new one is marked without reading positions.
    let reads = 0
    const replacement = document.createElement('p')
    replacement.getBoundingClientRect = () => (reads++, { top: 500, bottom: 600 }) as DOMRect
    for (const c of Array.from(article.children)) {
      const read = c.getBoundingClientRect.bind(c)
      c.getBoundingClientRect = () => (reads++, read())
    }
    article.replaceChild(replacement, article.children[5]!)
    w.patched()
    expect(reads).toBe(0)
    expect(replacement.classList.contains(NEAR_CLASS)).toBe(true)
    // Scrolled far: the old children are unmarked, the new ones marked.
    scrollTop = 6000
    place()
    w.update()
    expect(marked()[0]).toBeGreaterThan(40)
    expect(article.children[0]!.classList.contains(NEAR_CLASS)).toBe(false)
    // No longer long: nothing stays marked.
    long = false
    w.update()
    expect(marked()).toEqual([])
  })

  it('reads no position when a post fills in below the window, and does when the window reached its end', () => {
    const article = document.createElement('article')
    document.body.append(article)
    let reads = 0
    // jsdom has no layout: each child is 100 px high, the viewport 600 px; every read is counted.
    const place = () =>
      Array.from(article.children).forEach((c, i) => {
        c.getBoundingClientRect = () => (
          reads++,
          { top: i * 100, bottom: i * 100 + 100 } as DOMRect
        )
      })
    const add = (n: number) => {
      for (let i = 0; i < n; i++) article.append(document.createElement('p'))
      place()
    }
    Object.defineProperty(window, 'innerHeight', { value: 600, configurable: true })
    const w = new LayoutWindow(article, () => true)
    add(100)
    w.update()
    const first = w.current!
    expect(first.last).toBeLessThan(99)
    // The next step of a post filling in: 50 blocks after the last one shown.
    reads = 0
    const old = article.children.length
    add(50)
    w.patched(old)
    expect(reads).toBe(0)
    expect(w.current).toBe(first)
    // A change that starts inside the window places it again.
    reads = 0
    article.insertBefore(document.createElement('p'), article.children[first.last]!)
    place()
    w.patched(first.last)
    expect(reads).toBeGreaterThan(0)
    // A short article the window covers to its end: children added after it may come into view.
    article.replaceChildren()
    const short = new LayoutWindow(article, () => true)
    add(3)
    short.update()
    expect(short.current).toEqual({ first: 0, last: 2 })
    reads = 0
    add(5)
    short.patched(3)
    expect(reads).toBeGreaterThan(0)
    expect(short.current!.last).toBe(7)
    expect(article.children[7]!.classList.contains(NEAR_CLASS)).toBe(true)
  })
})
