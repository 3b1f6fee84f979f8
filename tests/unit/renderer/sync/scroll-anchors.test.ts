// @vitest-environment jsdom
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  readAnchorsAround,
  type LinedBlocks,
} from '../../../../src/renderer/src/sync/scroll-sync-controller'
import {
  lineForOffset,
  offsetForLine,
  withBounds,
  type Anchor,
} from '../../../../src/renderer/src/sync/scroll-sync'

/** The reference: every top-level block with a `data-line`, read one by one (what the app did). */
function readAnchors(article: HTMLElement, scrollTop: number): Anchor[] {
  return Array.from(article.children)
    .filter((el) => el.hasAttribute('data-line'))
    .map((el) => ({
      line: Number(el.getAttribute('data-line')),
      top: el.getBoundingClientRect().top + scrollTop,
    }))
}

/** An article's children with the lines their `data-line` carries (as the patcher keeps them). */
function lined(article: HTMLElement): LinedBlocks {
  const elements = article.children
  return {
    elements,
    line: (i) => {
      const raw = elements[i]?.getAttribute('data-line')
      return raw == null ? NaN : Number(raw)
    },
  }
}

/** An article of top-level blocks at increasing lines and tops; `null` lines carry no data-line. */
function article(blocks: Array<{ line: number | null; top: number }>): {
  el: HTMLElement
  reads: () => number
} {
  const el = document.createElement('article')
  let reads = 0
  for (const b of blocks) {
    const child = document.createElement('p')
    if (b.line !== null) child.setAttribute('data-line', String(b.line))
    child.getBoundingClientRect = () => {
      reads++
      return { top: b.top - 50 } as DOMRect // the document is scrolled by 50 px
    }
    el.append(child)
  }
  return { el, reads: () => reads }
}

const blocks = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 6 }),
      h: fc.integer({ min: 0, max: 90 }),
      // 0: the block carries no line (a wrapper the pipeline adds); often several in a row.
      lined: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 0, maxLength: 60 },
  )
  .map((list) => {
    let line = 3
    let top = 10
    return list.map((b) => {
      line += b.gap
      top += b.h
      return { line: b.lined > 0 ? line : null, top }
    })
  })

describe('reading only the anchors around a position', () => {
  it('maps lines and offsets exactly as reading every block does', () => {
    fc.assert(
      fc.property(blocks, fc.double({ min: 0, max: 400, noNaN: true }), (list, x) => {
        const { el } = article(list)
        const lines = 400
        const height = 6000
        const all = withBounds(readAnchors(el, 50), lines, height)
        const byLine = withBounds(readAnchorsAround(lined(el), 50, 'line', x), lines, height)
        expect(offsetForLine(byLine, x)).toBeCloseTo(offsetForLine(all, x), 6)
        const offset = x * 15
        const byOffset = withBounds(
          readAnchorsAround(lined(el), 50, 'offset', offset),
          lines,
          height,
        )
        expect(lineForOffset(byOffset, offset)).toBeCloseTo(lineForOffset(all, offset), 6)
      }),
      { numRuns: 200 },
    )
  }, 60_000)

  it('finds the right blocks past a long run of blocks without a line', () => {
    // The search's midpoint lands on a block without a line; the nearest lined block outside the
    // range left must not end the search early (it gave the anchors 10 and 30 instead of 30 and 40;
    // found by an exhaustive search over small articles).
    const lines = [10, null, 30, 40, null, null, null]
    const { el } = article(lines.map((line, i) => ({ line, top: i * i * 100 })))
    const around = readAnchorsAround(lined(el), 50, 'line', 35)
    expect(around.map((a) => a.line)).toEqual([30, 40])
    const all = withBounds(readAnchors(el, 50), 200, 9000)
    expect(offsetForLine(withBounds(around, 200, 9000), 35)).toBeCloseTo(offsetForLine(all, 35), 6)
  })

  it('reads a handful of blocks of a long article, not all of them', () => {
    const list = Array.from({ length: 4000 }, (_, i) => ({ line: 10 + i * 3, top: i * 40 }))
    const { el, reads } = article(list)
    readAnchorsAround(lined(el), 50, 'line', 6000)
    readAnchorsAround(lined(el), 50, 'offset', 80_000)
    expect(reads()).toBeLessThan(40)
  })
})
