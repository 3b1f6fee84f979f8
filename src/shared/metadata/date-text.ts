import type { Locale } from '../localized'
import { formatWithOffset, parseFrontMatterDate } from '../dates'

/**
 * A front-matter date as text in the UI language, read back from what a writer types.
 *
 * Japanese: `2026/11/26 20:00`; English: `Nov 26, 2026 20:00` (24-hour, so the two never disagree
 * about the afternoon). Seconds are shown only when the value has some. The wall clock is the
 * blog's fixed offset (`+09:00`), whatever the computer's time zone or Chromium's own locale is,
 * and the value written back is the same `YYYY-MM-DDTHH:mm:ss+09:00` as before.
 */

/** A wall-clock date and time in the blog's offset. */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** The part of the text an arrow key changes. */
export type WallUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Days in a month of a year (month 1–12). */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Whether every part is inside its range (no 13th month, no 25 o'clock, no 31 November). */
function valid(w: WallClock): boolean {
  return (
    w.year >= 1000 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysIn(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59
  )
}

/** The wall clock of a front-matter date in `offset`; null when it is not a date. */
export function wallClockOf(date: unknown, offset = '+09:00'): WallClock | null {
  if (typeof date !== 'string') return null
  const epoch = parseFrontMatterDate(date)
  if (epoch === null) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(formatWithOffset(epoch, offset))
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as number[]
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: second! }
}

/** The front-matter date (`YYYY-MM-DDTHH:mm:ss+09:00`) of a wall clock in `offset`. */
export function frontMatterDateOf(w: WallClock, offset = '+09:00'): string {
  return (
    `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}` +
    `T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offset}`
  )
}

/** A wall clock as text in the UI language. */
export function formatWallClock(w: WallClock, locale: Locale): string {
  const time = `${pad(w.hour)}:${pad(w.minute)}${w.second ? `:${pad(w.second)}` : ''}`
  return locale === 'ja'
    ? `${pad(w.year, 4)}/${pad(w.month)}/${pad(w.day)} ${time}`
    : `${MONTHS[w.month - 1]} ${w.day}, ${pad(w.year, 4)} ${time}`
}

/** A front-matter date as text in the UI language; '' when the value is not a date. */
export function formatDateText(date: unknown, locale: Locale, offset = '+09:00'): string {
  const w = wallClockOf(date, offset)
  return w ? formatWallClock(w, locale) : ''
}

/** An example of the format, for hints and errors. */
export function dateTextExample(locale: Locale): string {
  return locale === 'ja' ? '2026/11/26 20:00' : 'Nov 26, 2026 20:00'
}

const NUMERIC =
  /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[T,]\s*|\s+)(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\s*([AP]M))?$/i
const MONTH_FIRST =
  /^([A-Z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}),?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\s*([AP]M))?$/i
const DAY_FIRST =
  /^(\d{1,2})\s+([A-Z]{3,9})\.?,?\s+(\d{4}),?\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\s*([AP]M))?$/i

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** Month number (1–12) of an English month name or its three-letter abbreviation; 0 when none. */
function monthNamed(name: string): number {
  const n = name.toLowerCase()
  return MONTH_NAMES.findIndex((full) => full === n || (n.length === 3 && full.startsWith(n))) + 1
}

/** The 24-hour hour of `hour` with an optional AM/PM; -1 when the pair makes no sense. */
function hour24(hour: number, half: string | undefined): number {
  if (!half) return hour
  if (hour < 1 || hour > 12) return -1
  return (hour % 12) + (half.toUpperCase() === 'PM' ? 12 : 0)
}

/**
 * Reads what a writer typed as a wall clock: `2026/11/26 20:00`, `2026-11-26 20:00:30`,
 * `2026年11月26日 20時00分`, full-width digits (an IME's), `Nov 26, 2026 8:00 PM`,
 * `26 November 2026 20:00`. A pasted front-matter value with its offset (`…T20:00:00+09:00`) is
 * read as the instant it names. Null when it is not one (including impossible dates and times).
 */
export function parseDateText(text: string, offset = '+09:00'): WallClock | null {
  const s = text
    .normalize('NFKC')
    .replace(/[年月]/g, '/')
    .replace(/日/g, ' ')
    .replace(/時/g, ':')
    .replace(/分/g, ':')
    .replace(/秒/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '')
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(s) && /^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const w = wallClockOf(s, offset)
    return w
  }
  let parts: [number, number, number, number, number, number, string | undefined] | null = null
  let m = NUMERIC.exec(s)
  if (m) parts = [+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]]
  else if ((m = MONTH_FIRST.exec(s)))
    parts = [+m[3]!, monthNamed(m[1]!), +m[2]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]]
  else if ((m = DAY_FIRST.exec(s)))
    parts = [+m[3]!, monthNamed(m[2]!), +m[1]!, +m[4]!, +m[5]!, +(m[6] ?? 0), m[7]]
  if (!parts) return null
  const [year, month, day, h, minute, second, half] = parts
  const w = { year, month, day, hour: hour24(h, half), minute, second }
  return valid(w) ? w : null
}

/** The units of a formatted text, in the order they appear (what the caret can sit in). */
function unitsOf(locale: Locale): WallUnit[] {
  return locale === 'ja'
    ? ['year', 'month', 'day', 'hour', 'minute', 'second']
    : ['month', 'day', 'year', 'hour', 'minute', 'second']
}

/** The unit the caret at `caret` sits in (or just after) in a text formatted for `locale`. */
export function unitAt(text: string, caret: number, locale: Locale): WallUnit {
  const runs = [...text.matchAll(/[0-9A-Za-z]+/g)].map((r) => ({
    start: r.index,
    end: r.index + r[0].length,
  }))
  const units = unitsOf(locale)
  let found = 0
  runs.forEach((r, i) => {
    if (caret >= r.start) found = i
  })
  return units[Math.min(found, units.length - 1)]!
}

/** Where the unit's run ends in a text formatted for `locale` (the caret's place after a step). */
export function unitEnd(text: string, unit: WallUnit, locale: Locale): number {
  const runs = [...text.matchAll(/[0-9A-Za-z]+/g)]
  const i = unitsOf(locale).indexOf(unit)
  const run = runs[Math.min(i, runs.length - 1)]
  return run ? run.index + run[0].length : text.length
}

/**
 * The wall clock with one unit moved by `delta` (an arrow key). Months and years keep the day
 * inside the month (Jan 31 + 1 month is Feb 28/29); days, hours, minutes and seconds carry over
 * as on a clock.
 */
export function stepWallClock(w: WallClock, unit: WallUnit, delta: number): WallClock {
  if (unit === 'year' || unit === 'month') {
    const total = w.year * 12 + (w.month - 1) + (unit === 'year' ? delta * 12 : delta)
    const year = Math.min(9999, Math.max(1000, Math.floor(total / 12)))
    const month = (((total % 12) + 12) % 12) + 1
    return { ...w, year, month, day: Math.min(w.day, daysIn(year, month)) }
  }
  const ms = { day: 86_400_000, hour: 3_600_000, minute: 60_000, second: 1000 }[unit]
  const t = new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) + delta * ms)
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  }
}
