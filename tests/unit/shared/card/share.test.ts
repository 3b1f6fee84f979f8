import { describe, expect, it } from 'vitest'
import {
  centerCrop,
  FACEBOOK_RATIO,
  ogDescription,
  pageTitle,
  shareImageWarnings,
  X_RATIO,
} from '../../../../src/shared/card/share'

describe('ogDescription: first 117 characters + "..."', () => {
  const a = (n: number) => 'あ'.repeat(n)
  it.each([
    ['empty', '', ''],
    ['short text is used whole, without "..."', 'こんにちは', 'こんにちは'],
    ['exactly 117 characters: nothing cut, no "..."', a(117), a(117)],
    ['118 characters: 117 + "..."', a(118), a(117) + '...'],
    ['1000 characters: 117 + "..."', a(1000), a(117) + '...'],
  ])('%s', (_label, input, expected) => {
    expect(ogDescription(input)).toBe(expected)
  })

  it('counts code points and never halves an emoji', () => {
    const out = ogDescription('😀'.repeat(200))
    expect(out).toBe('😀'.repeat(117) + '...')
    expect([...out].length).toBe(120)
  })
})

describe('pageTitle', () => {
  it('is "<title> - <site name>"', () => {
    expect(pageTitle('Kaigi on Rails 2025に参加しました', 'Pepabo Tech Portal')).toBe(
      'Kaigi on Rails 2025に参加しました - Pepabo Tech Portal',
    )
  })
})

describe('centerCrop', () => {
  it('1200×630 to X 2:1 loses about 2.4 % top and bottom', () => {
    const c = centerCrop(1200, 630, X_RATIO)
    expect(c.axis).toBe('vertical')
    expect(c.kept).toEqual({ x: 0, y: 15, width: 1200, height: 600 })
    expect(c.lostBefore).toBeCloseTo(0.0238, 3)
    expect(c.lostAfter).toBeCloseTo(0.0238, 3)
  })

  it('1200×630 is already Facebook 1.91:1 (within a pixel)', () => {
    const c = centerCrop(1200, 630, FACEBOOK_RATIO)
    expect(c.kept.height).toBeCloseTo(628.27, 1)
    expect(c.lostBefore).toBeLessThan(0.002)
  })

  it('16:9 loses top and bottom; a panorama loses left and right', () => {
    const tall = centerCrop(1920, 1080, X_RATIO)
    expect(tall.axis).toBe('vertical')
    expect(tall.kept.height).toBe(960)
    expect(tall.lostBefore).toBeCloseTo(60 / 1080, 6)
    const wide = centerCrop(3000, 1000, X_RATIO)
    expect(wide.axis).toBe('horizontal')
    expect(wide.kept).toEqual({ x: 500, y: 0, width: 2000, height: 1000 })
    expect(wide.lostAfter).toBeCloseTo(1 / 6, 6)
  })

  it('an exact ratio loses nothing; zero sizes give an empty crop', () => {
    expect(centerCrop(1000, 500, 2).axis).toBe('none')
    expect(centerCrop(0, 500, 2).kept.width).toBe(0)
  })
})

describe('shareImageWarnings', () => {
  const ids = (facts: Parameters<typeof shareImageWarnings>[0]) =>
    shareImageWarnings(facts).map((w) => w.id)
  it.each([
    ['1200×630 PNG, 300 KB: fine', { width: 1200, height: 630, bytes: 300_000, format: 'png' }, []],
    ['1910×1000: about 1.91:1', { width: 1910, height: 1000 }, []],
    ['599×315: too small', { width: 599, height: 315 }, ['too-small']],
    ['600×314: too small', { width: 600, height: 314 }, ['too-small']],
    ['1920×1080: not 1.91:1', { width: 1920, height: 1080, format: 'jpeg' }, ['ratio']],
    ['6 MB: too heavy for X', { width: 1200, height: 630, bytes: 6 * 1024 * 1024 }, ['too-large']],
    ['exactly 5 MB: accepted', { width: 1200, height: 630, bytes: 5 * 1024 * 1024 }, []],
    ['SVG', { width: 1200, height: 630, format: 'svg' }, ['svg']],
    ['SVG by MIME type', { width: 1200, height: 630, format: 'image/svg+xml' }, ['svg']],
  ] as const)('%s', (_label, facts, expected) => {
    expect(ids(facts)).toEqual(expected)
  })

  it('says how much Facebook cuts from which edges, in both languages', () => {
    const [w] = shareImageWarnings({ width: 1920, height: 1080 })
    expect(w!.message.ja).toContain('上下')
    expect(w!.message.ja).toContain('7%')
    expect(w!.message.en).toContain('top and bottom')
  })

  it('mentions Facebook’s 8 MB limit only when it is exceeded too', () => {
    expect(
      shareImageWarnings({ width: 1200, height: 630, bytes: 9 * 1024 * 1024 })[0]!.message.en,
    ).toContain('Facebook')
    expect(
      shareImageWarnings({ width: 1200, height: 630, bytes: 6 * 1024 * 1024 })[0]!.message.en,
    ).not.toContain('Facebook')
  })
})
