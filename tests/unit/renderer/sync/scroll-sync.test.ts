import { describe, expect, it } from 'vitest'
import {
  lineForOffset,
  normalizeAnchors,
  offsetForLine,
  ScrollLock,
  withBounds,
} from '../../../../src/renderer/src/sync/scroll-sync'

// A post with 8 lines of front matter, then blocks at lines 8, 10, 14 and 20 of a 24-line file.
const raw = [
  { line: 14, top: 300 },
  { line: 8, top: 0 },
  { line: 10, top: 100 },
  { line: 20, top: 700 },
]
const anchors = withBounds(raw, 24, 1000)

describe('scroll sync by source line', () => {
  it('bounds the anchors with the document start and end', () => {
    expect(anchors[0]).toEqual({ line: 0, top: 0 })
    expect(anchors[anchors.length - 1]).toEqual({ line: 24, top: 1000 })
  })

  it('puts a block at its own top', () => {
    expect(offsetForLine(anchors, 14)).toBe(300)
    expect(offsetForLine(anchors, 10)).toBe(100)
  })

  it('interpolates inside a block', () => {
    expect(offsetForLine(anchors, 12)).toBe(200)
    expect(offsetForLine(anchors, 17)).toBe(500)
  })

  it('keeps the front matter at the top of the preview', () => {
    expect(offsetForLine(anchors, 3)).toBe(0)
  })

  it('is reversible: line → offset → line', () => {
    for (const line of [9.5, 12, 14, 16.25, 21]) {
      expect(lineForOffset(anchors, offsetForLine(anchors, line))).toBeCloseTo(line, 6)
    }
  })

  it('maps the top of the preview to the top of the file', () => {
    expect(lineForOffset(anchors, 0)).toBe(0)
  })

  it('maps past the end to the last line', () => {
    expect(lineForOffset(anchors, 5000)).toBe(24)
    expect(offsetForLine(anchors, 99)).toBe(1000)
  })

  it('drops anchors that go backwards', () => {
    const n = normalizeAnchors([
      { line: 1, top: 50 },
      { line: 2, top: 40 },
      { line: 2, top: 60 },
      { line: 3, top: 80 },
    ])
    expect(n).toEqual([
      { line: 1, top: 50 },
      { line: 2, top: 60 },
      { line: 3, top: 80 },
    ])
  })

  it('copes with no anchors at all', () => {
    const empty = withBounds([], 10, 400)
    expect(offsetForLine(empty, 5)).toBe(200)
    expect(lineForOffset(empty, 200)).toBe(5)
  })
})

describe('ScrollLock', () => {
  it('ignores the echo of a programmatic scroll, then lets the user scroll again', () => {
    const lock = new ScrollLock(100)
    lock.lock('preview', 1000, 480)
    expect(lock.isEcho('preview', 1050, 480)).toBe(true)
    expect(lock.isEcho('editor', 1050, 480)).toBe(false)
    expect(lock.isEcho('preview', 1101, 480)).toBe(false)
  })

  it('judges the echo in the unit and tolerance it was locked with (the editor: lines)', () => {
    const lock = new ScrollLock(100)
    lock.lock('editor', 1000, 812.25, 2)
    expect(lock.isEcho('editor', 1020, 813.75)).toBe(true)
    expect(lock.isEcho('editor', 1030, 815)).toBe(false)
  })

  it('never swallows the writer scrolling somewhere else right after a sync', () => {
    const lock = new ScrollLock(100)
    lock.lock('preview', 1000, 480)
    expect(lock.isEcho('preview', 1010, 900)).toBe(false)
  })
})
