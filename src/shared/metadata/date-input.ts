import { formatWithOffset, offsetMinutesOf, parseFrontMatterDate } from '../dates'

/**
 * Conversions between front-matter dates (`2025-01-31T10:00:00+09:00`) and the value of an
 * `<input type="datetime-local">` shown in the blog's fixed offset (Asia/Tokyo, +09:00), whatever
 * the computer's own time zone is.
 */

/** The `datetime-local` value (`YYYY-MM-DDTHH:mm:ss`) of a front-matter date in `offset`; '' when invalid. */
export function toLocalInput(date: unknown, offset = '+09:00'): string {
  if (typeof date !== 'string') return ''
  const epoch = parseFrontMatterDate(date)
  if (epoch === null) return ''
  return formatWithOffset(epoch, offset).slice(0, 19)
}

/** The front-matter date for a `datetime-local` value read in `offset`; null when it is not a date. */
export function fromLocalInput(local: string, offset = '+09:00'): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(local.trim())
  if (!m) return null
  const candidate = `${m[1]}T${m[2]}:${m[3] ?? '00'}${offset}`
  const epoch = parseFrontMatterDate(candidate)
  return epoch === null ? null : formatWithOffset(epoch, offset)
}

/** Now, as a front-matter date in `offset` (seconds kept, milliseconds dropped). */
export function nowAsFrontMatterDate(now: number, offset = '+09:00'): string {
  return formatWithOffset(Math.floor(now / 1000) * 1000, offset)
}

/** The offset's name for the form (`+09:00` is 「日本時間」). */
export function offsetLabel(offset: string): { ja: string; en: string } {
  return offsetMinutesOf(offset) === 540
    ? { ja: '日本時間（+09:00）', en: 'Japan time (+09:00)' }
    : { ja: `UTC${offset}`, en: `UTC${offset}` }
}
