import dayjs from 'dayjs'
import relativeTimePlugin from 'dayjs/plugin/relativeTime.js'
import timezonePlugin from 'dayjs/plugin/timezone.js'
import utcPlugin from 'dayjs/plugin/utc.js'
import 'dayjs/locale/ja.js'
import type { Locale } from '../localized'

dayjs.extend(utcPlugin)
dayjs.extend(timezonePlugin)
dayjs.extend(relativeTimePlugin)

/** The feed's readers' time zone: relative dates and tooltips are computed there. */
export const FEED_TIME_ZONE = 'Asia/Tokyo'
/** Asia/Tokyo has had no daylight saving since 1951, so a fixed offset is the same zone. */
const TOKYO_OFFSET_MINUTES = 9 * 60

/**
 * How the feed words a post's date relative to `nowMs`: dayjs `from` with its own thresholds
 * (26 days → 「1ヶ月前」, a future date → 「…後」).
 * Computed in Asia/Tokyo, so the month arithmetic does not depend on the machine's time zone.
 */
export function relativeTime(dateMs: number, nowMs: number, locale: Locale = 'ja'): string {
  const date = dayjs(dateMs).utcOffset(TOKYO_OFFSET_MINUTES).locale(locale)
  const now = dayjs(nowMs).utcOffset(TOKYO_OFFSET_MINUTES)
  return date.from(now)
}

/** The date tooltip the feed shows: `YYYY-MM-DD HH:mm:ss` in Asia/Tokyo. */
export function absoluteTooltip(dateMs: number): string {
  return dayjs(dateMs).tz(FEED_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss')
}
