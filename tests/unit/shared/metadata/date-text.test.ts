import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatDateText,
  formatWallClock,
  frontMatterDateOf,
  parseDateText,
  stepWallClock,
  unitAt,
  unitEnd,
  wallClockOf,
  type WallClock,
} from '../../../../src/shared/metadata/date-text'

const NOV26: WallClock = { year: 2026, month: 11, day: 26, hour: 20, minute: 0, second: 0 }

describe('a front-matter date as text in the UI language', () => {
  it('shows Japanese as 2026/11/26 20:00 and English as Nov 26, 2026 20:00', () => {
    expect(formatDateText('2026-11-26T20:00:00+09:00', 'ja')).toBe('2026/11/26 20:00')
    expect(formatDateText('2026-11-26T20:00:00+09:00', 'en')).toBe('Nov 26, 2026 20:00')
  })

  it('shows the blog’s wall clock whatever offset the value was written in, seconds only when set', () => {
    expect(formatDateText('2026-11-26T11:00:30Z', 'ja')).toBe('2026/11/26 20:00:30')
    expect(formatDateText('2026-01-05T09:03:00+09:00', 'en')).toBe('Jan 5, 2026 09:03')
    expect(formatDateText('2024-12-15T10:00:00-05:00', 'ja')).toBe('2024/12/16 00:00')
  })

  it('is empty for what is not a date', () => {
    expect(formatDateText('tomorrow', 'ja')).toBe('')
    expect(formatDateText(42, 'ja')).toBe('')
    expect(formatDateText(undefined, 'en')).toBe('')
  })
})

describe('reading what a writer types', () => {
  it.each([
    ['2026/11/26 20:00', NOV26],
    ['2026-11-26 20:00', NOV26],
    ['2026-11-26T20:00', NOV26],
    ['2026.11.26 20:00', NOV26],
    ['2026/11/26  8:00 PM', NOV26],
    ['２０２６/１１/２６ ２０:００', NOV26],
    ['2026年11月26日 20時00分', NOV26],
    ['2026年11月26日 20:00', NOV26],
    ['Nov 26, 2026 20:00', NOV26],
    ['November 26 2026 8:00 pm', NOV26],
    ['26 Nov 2026 20:00', NOV26],
    ['2026-11-26T11:00:00Z', NOV26],
    ['2026-11-26T20:00:00+09:00', NOV26],
    ['2026/11/26 20:00:30', { ...NOV26, second: 30 }],
  ])('reads %s', (text, expected) => {
    expect(parseDateText(text)).toEqual(expected)
  })

  it.each([
    '',
    '2026/11/26',
    '2026/13/01 10:00',
    '2026/11/31 10:00',
    '2027/02/29 10:00',
    '2026/11/26 25:00',
    '2026/11/26 20:60',
    '2026/11/26 13:00 PM',
    'Nob 26, 2026 20:00',
    'next friday',
  ])('refuses %j', (text) => {
    expect(parseDateText(text)).toBeNull()
  })

  it('reads back what it shows, in both languages, and writes the same YAML value', () => {
    const clock = fc.record({
      year: fc.integer({ min: 1970, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
    })
    fc.assert(
      fc.property(clock, fc.constantFrom('ja' as const, 'en' as const), (w, locale) => {
        expect(parseDateText(formatWallClock(w, locale))).toEqual(w)
        const yaml = frontMatterDateOf(w)
        expect(wallClockOf(yaml)).toEqual(w)
        expect(formatDateText(yaml, locale)).toBe(formatWallClock(w, locale))
      }),
    )
  })
})

describe('arrow keys', () => {
  it('find the part under the caret in each language', () => {
    const ja = '2026/11/26 20:05'
    expect([0, 4, 5, 7, 9, 10, 11, 14, 16].map((c) => unitAt(ja, c, 'ja'))).toEqual([
      'year',
      'year',
      'month',
      'month',
      'day',
      'day',
      'hour',
      'minute',
      'minute',
    ])
    const en = 'Nov 26, 2026 20:05'
    expect([0, 3, 4, 6, 8, 12, 13, 18].map((c) => unitAt(en, c, 'en'))).toEqual([
      'month',
      'month',
      'day',
      'day',
      'year',
      'year',
      'hour',
      'minute',
    ])
    expect(unitEnd(ja, 'day', 'ja')).toBe(10)
    expect(unitEnd(en, 'year', 'en')).toBe(12)
  })

  it('carry days and minutes as a clock does, and keep the day inside a shorter month', () => {
    const last: WallClock = { year: 2026, month: 12, day: 31, hour: 23, minute: 59, second: 0 }
    expect(stepWallClock(last, 'minute', 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
    })
    const jan31 = { ...NOV26, month: 1, day: 31 }
    expect(stepWallClock(jan31, 'month', 1)).toMatchObject({ month: 2, day: 28 })
    expect(stepWallClock(jan31, 'month', -1)).toMatchObject({ year: 2025, month: 12, day: 31 })
    expect(stepWallClock({ ...NOV26, month: 2, day: 29, year: 2028 }, 'year', 1)).toMatchObject({
      year: 2029,
      day: 28,
    })
    expect(stepWallClock(NOV26, 'hour', -10)).toMatchObject({ day: 26, hour: 10 })
  })
})
