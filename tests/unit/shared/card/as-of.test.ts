import { describe, expect, it } from 'vitest'
import { asOfInstant } from '../../../../src/shared/card/as-of'
import { relativeTime } from '../../../../src/shared/card/relative-time'

const DATE = Date.UTC(2025, 0, 31, 1, 0, 0) // 2025-01-31 10:00 JST
const NOW = Date.UTC(2025, 10, 27, 3, 0, 0)

describe('asOfInstant: how the card reads at publication, a week and a month later', () => {
  it.each([
    ['publication', DATE, '数秒前'],
    ['week', DATE + 7 * 86_400_000, '7日前'],
    ['now', NOW, '10ヶ月前'],
  ] as const)('%s', (choice, instant, shown) => {
    expect(asOfInstant(choice, DATE, NOW)).toBe(instant)
    expect(relativeTime(DATE, asOfInstant(choice, DATE, NOW))).toBe(shown)
  })

  it('a month later is the same time one calendar month on, in Tokyo (Jan 31 → Feb 28)', () => {
    expect(asOfInstant('month', DATE, NOW)).toBe(Date.UTC(2025, 1, 28, 1, 0, 0))
    expect(relativeTime(DATE, asOfInstant('month', DATE, NOW))).toBe('1ヶ月前')
  })

  it('a custom instant in the past shows the post as future', () => {
    const custom = DATE - 3 * 86_400_000
    expect(relativeTime(DATE, asOfInstant('custom', DATE, NOW, custom))).toBe('3日後')
  })

  it('falls back to now when the post has no date or no custom time is set', () => {
    expect(asOfInstant('publication', null, NOW)).toBe(NOW)
    expect(asOfInstant('custom', DATE, NOW, null)).toBe(NOW)
  })
})
