import { formatWithOffset, offsetMinutesOf } from '../dates'

/** Front-matter dates in the blog's fixed offset (Asia/Tokyo, +09:00); see also date-text.ts. */

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
