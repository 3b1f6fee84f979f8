import dayjs from 'dayjs'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { absoluteTooltip, relativeTime } from '../../../../src/shared/card/relative-time'

const S = 1000
const MIN = 60 * S
const H = 60 * MIN
const D = 24 * H
/** 2025-11-27 12:00:00 JST */
const NOW = Date.UTC(2025, 10, 27, 3, 0, 0)
/** Milliseconds back to the same day and time `n` calendar months before NOW. */
const months = (n: number) => NOW - Date.UTC(2025, 10 - n, 27, 3, 0, 0)

describe('relativeTime: dayjs fromNow thresholds with the ja locale', () => {
  const cases: Array<[label: string, ago: number, ja: string, en: string]> = [
    ['0 s', 0, '数秒前', 'a few seconds ago'],
    ['44 s', 44 * S, '数秒前', 'a few seconds ago'],
    ['45 s', 45 * S, '1分前', 'a minute ago'],
    ['89 s', 89 * S, '1分前', 'a minute ago'],
    ['90 s', 90 * S, '2分前', '2 minutes ago'],
    ['44 min', 44 * MIN, '44分前', '44 minutes ago'],
    ['45 min', 45 * MIN, '1時間前', 'an hour ago'],
    ['21 h', 21 * H, '21時間前', '21 hours ago'],
    ['22 h', 22 * H, '1日前', 'a day ago'],
    ['7 d', 7 * D, '7日前', '7 days ago'],
    ['25 d', 25 * D, '25日前', '25 days ago'],
    ['26 d', 26 * D, '1ヶ月前', 'a month ago'],
    ['45 d', 45 * D, '1ヶ月前', 'a month ago'],
    ['46 d', 46 * D, '2ヶ月前', '2 months ago'],
    ['10 months', months(10), '10ヶ月前', '10 months ago'],
    ['11 months', months(11), '1年前', 'a year ago'],
    ['17 months', months(17), '1年前', 'a year ago'],
    ['18 months', months(18), '2年前', '2 years ago'],
    ['3 years', months(36), '3年前', '3 years ago'],
    ['future 1 h', -H, '1時間後', 'in an hour'],
    ['future 26 d', -26 * D, '1ヶ月後', 'in a month'],
    ['future 3 d', -3 * D, '3日後', 'in 3 days'],
  ]
  it.each(cases)('%s', (_label, ago, ja, en) => {
    expect(relativeTime(NOW - ago, NOW)).toBe(ja)
    expect(relativeTime(NOW - ago, NOW, 'ja')).toBe(ja)
    expect(relativeTime(NOW - ago, NOW, 'en')).toBe(en)
  })

  it('matches the captured feed: 7日前, 15日前, 25日前, 1ヶ月前, 2ヶ月前, 3ヶ月前', () => {
    const shown = [7, 15, 25, 30, 60, 90].map((d) => relativeTime(NOW - d * D, NOW))
    expect(shown).toEqual(['7日前', '15日前', '25日前', '1ヶ月前', '2ヶ月前', '3ヶ月前'])
  })
})

describe('relativeTime does not depend on the machine time zone', () => {
  const original = process.env.TZ
  afterEach(() => {
    process.env.TZ = original
  })
  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'])('TZ=%s', (tz) => {
    process.env.TZ = tz
    // Month arithmetic near a month end, where the machine's zone would change the rounding
    // (plain dayjs in America/Los_Angeles says 2ヶ月前): 2025-02-01 00:30 JST → 2025-03-18 12:00 JST.
    const date = Date.UTC(2025, 0, 31, 15, 30, 0)
    const now = Date.UTC(2025, 2, 18, 3, 0, 0)
    expect(relativeTime(date, now)).toBe('1ヶ月前')
    expect(absoluteTooltip(date)).toBe('2025-02-01 00:30:00')
  })
})

describe('absoluteTooltip', () => {
  it.each([
    [Date.UTC(2025, 10, 20, 3, 0, 0), '2025-11-20 12:00:00'],
    [Date.UTC(2024, 11, 15, 14, 58, 0), '2024-12-15 23:58:00'],
    [Date.UTC(2024, 11, 31, 15, 0, 1), '2025-01-01 00:00:01'],
  ])('%i → %s (Asia/Tokyo)', (ms, expected) => {
    expect(absoluteTooltip(ms)).toBe(expected)
  })

  it('equals the time zone database for any date, before 1952 (Tokyo kept summer time) and after', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1940, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(absoluteTooltip(ms)).toBe(dayjs(ms).tz('Asia/Tokyo').format('YYYY-MM-DD HH:mm:ss'))
      }),
      { numRuns: 2000 },
    )
  })

  it('formats without building a locale formatter (the card renders it with every change)', () => {
    // dayjs's time zone plugin formats through toLocaleString with a time zone: 2-10 ms a card
    // render in the app's traces.
    const toLocale = vi.spyOn(Date.prototype, 'toLocaleString')
    const format = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      expect(absoluteTooltip(Date.UTC(2026, 11, 7, 0, 0, 0))).toBe('2026-12-07 09:00:00')
      expect(toLocale).not.toHaveBeenCalled()
      expect(format).not.toHaveBeenCalled()
    } finally {
      toLocale.mockRestore()
      format.mockRestore()
    }
  })
})
