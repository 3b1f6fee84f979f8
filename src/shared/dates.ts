/** Date helpers for front-matter dates written with an explicit offset such as `+09:00`. */

/** Parts of a front-matter date as written (its own offset, not the machine's). */
export interface DateParts {
  year: string
  month: string
  day: string
}

const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/

/** Reads the calendar date of a front-matter date string as written; null when not ISO-like. */
export function datePartsOf(value: string): DateParts | null {
  const m = ISO_WITH_OFFSET.exec(value.trim())
  if (!m) return null
  return { year: m[1]!, month: m[2]!, day: m[3]! }
}

/** Parses a front-matter date string to epoch milliseconds; null when it is not a valid date. */
export function parseFrontMatterDate(value: string): number | null {
  const m = ISO_WITH_OFFSET.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, h = '00', mi = '00', s = '00', tz] = m
  let offsetMinutes = 0
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1
    const digits = tz.slice(1).replace(':', '')
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
  const check = new Date(utc)
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return null
  return utc - offsetMinutes * 60_000
}

/** Parses an offset like `+09:00` to minutes east of UTC. */
export function offsetMinutesOf(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset)
  if (!m) return 0
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]))
}

/** Formats an instant as `YYYY-MM-DDTHH:mm:ss+09:00` in the given fixed offset. */
export function formatWithOffset(epochMs: number, offset = '+09:00'): string {
  const shifted = new Date(epochMs + offsetMinutesOf(offset) * 60_000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}` +
    offset
  )
}

/** Completes a date typed without an offset with `timezone`, so its day stays the day typed (`2025-01-31` is that day's midnight). */
export function withOffset(date: string, timezone: string): string {
  const trimmed = date.trim()
  if (/(?:Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) return trimmed
  return /^\d{4}-\d{2}-\d{2}$/.test(trimmed)
    ? `${trimmed}T00:00:00${timezone}`
    : `${trimmed}${timezone}`
}
