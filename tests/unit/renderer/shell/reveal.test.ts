// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { revealWithin } from '../../../../src/renderer/src/shell/reveal'

/** A scroller 100 px tall at y = 50 (1 px border) holding 20 rows of 30 px; rows move with scrollTop. */
function list(): { scroller: HTMLElement; rows: HTMLElement[] } {
  const scroller = document.createElement('ul')
  Object.defineProperty(scroller, 'clientTop', { value: 1 })
  Object.defineProperty(scroller, 'clientHeight', { value: 100 })
  scroller.getBoundingClientRect = () => ({ top: 50, bottom: 152 }) as DOMRect
  const rows = Array.from({ length: 20 }, (_, i) => {
    const row = document.createElement('li')
    row.getBoundingClientRect = () => {
      const top = 51 + i * 30 - scroller.scrollTop
      return { top, bottom: top + 30 } as DOMRect
    }
    scroller.append(row)
    return row
  })
  return { scroller, rows }
}

describe('revealWithin', () => {
  it('scrolls only as far as brings a row below the view to its bottom edge, and back up to the top edge', () => {
    const { scroller, rows } = list()
    revealWithin(scroller, rows[1]!)
    expect(scroller.scrollTop).toBe(0)
    revealWithin(scroller, rows[5]!)
    // Row 5 spans 150–180 of the content; the view is 100 tall: 80 px down.
    expect(scroller.scrollTop).toBe(80)
    revealWithin(scroller, rows[4]!)
    expect(scroller.scrollTop).toBe(80)
    revealWithin(scroller, rows[1]!)
    expect(scroller.scrollTop).toBe(30)
  })

  it('moves nothing but the scroller and sets no Tab starting point (no scrollIntoView)', () => {
    const { scroller, rows } = list()
    let asked = 0
    for (const r of rows) r.scrollIntoView = () => asked++
    revealWithin(scroller, rows[19]!)
    expect(asked).toBe(0)
    expect(scroller.scrollTop).toBe(19 * 30 + 30 - 100)
  })
})
