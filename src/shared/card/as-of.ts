import dayjs from 'dayjs'
import utcPlugin from 'dayjs/plugin/utc.js'

dayjs.extend(utcPlugin)

/** The moments the card can be viewed at: how it reads on publication day and later. */
export type AsOf = 'publication' | 'week' | 'month' | 'now' | 'custom'

/** The "as of" choices in the order the control lists them. */
export const AS_OF_CHOICES: readonly AsOf[] = ['publication', 'week', 'month', 'now', 'custom']

/**
 * The instant the card's relative date is computed for.
 * `publication` is the post's date itself, `week` 7 days later, `month` one calendar month later
 * (in Asia/Tokyo);
 * without a post date every choice but `custom` falls back to `nowMs`.
 */
export function asOfInstant(
  choice: AsOf,
  dateMs: number | null,
  nowMs: number,
  customMs: number | null = null,
): number {
  switch (choice) {
    case 'now':
      return nowMs
    case 'custom':
      return customMs ?? nowMs
    case 'publication':
      return dateMs ?? nowMs
    case 'week':
      return dateMs === null ? nowMs : dateMs + 7 * 24 * 60 * 60 * 1000
    case 'month':
      return dateMs === null
        ? nowMs
        : dayjs(dateMs)
            .utcOffset(9 * 60)
            .add(1, 'month')
            .valueOf()
  }
}
