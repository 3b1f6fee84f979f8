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

/** From here on Asia/Tokyo is UTC+9 all year (its last summer time ended in September 1951). */
const FIXED_OFFSET_SINCE_MS = Date.UTC(1952, 0, 1)

/**
 * The date tooltip the feed shows: `YYYY-MM-DD HH:mm:ss` in Asia/Tokyo. With the fixed offset
 * where the zone has one: the time zone plugin formats through `toLocaleString` with a time zone,
 * 2-10 ms of every card render in the app's traces.
 */
export function absoluteTooltip(dateMs: number): string {
  const date =
    dateMs >= FIXED_OFFSET_SINCE_MS
      ? dayjs(dateMs).utcOffset(TOKYO_OFFSET_MINUTES)
      : dayjs(dateMs).tz(FEED_TIME_ZONE)
  return date.format('YYYY-MM-DD HH:mm:ss')
}
