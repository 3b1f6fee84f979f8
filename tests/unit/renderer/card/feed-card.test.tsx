// @vitest-environment jsdom
import fc from 'fast-check'
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { FeedCard } from '../../../../src/renderer/src/card/FeedCard'
import { buildCard } from '../../../../src/shared/card'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const TEXT = [
  '---',
  'title: ブックマークされた記事',
  'date: 2025-11-20T10:00:00+09:00',
  '---',
  '',
  '本文です。',
].join('\n')
const PATH = 'source/blog/2025-11-20-bookmarked.html.md'
const NOW = Date.parse('2025-11-27T10:00:00+09:00')

function render(bookmarks: number): HTMLElement {
  const host = document.createElement('div')
  const root = createRoot(host)
  const card = buildCard(TEXT, { profile: DEFAULT_PROFILE, now: NOW, path: PATH, bookmarks })
  act(() => root.render(<FeedCard card={card} />))
  const html = host.cloneNode(true) as HTMLElement
  act(() => root.unmount())
  return html
}

describe('FeedCard bookmark count', () => {
  it('shows the Hatena icon and count only when the count is above 0 (any count)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1000, max: 1_000_000 }),
          fc.double({ min: -10, max: 10, noNaN: true }),
          fc.constantFrom(0, 1, 0.99, -0, Number.MAX_SAFE_INTEGER),
        ),
        (n) => {
          const html = render(n)
          const box = html.querySelector('.pwc-card__hatena')
          const expected = Math.max(0, Math.floor(n))
          if (expected > 0) {
            expect(box).not.toBeNull()
            expect(box!.querySelector('img')!.getAttribute('alt')).toBe(
              'はてなブックマークアイコン',
            )
            expect(box!.textContent).toBe(String(expected))
          } else {
            expect(box).toBeNull()
            expect(html.querySelector('img[alt="はてなブックマークアイコン"]')).toBeNull()
          }
          // The rest of the card is there either way.
          expect(html.querySelector('[data-testid="card-title"]')!.textContent).toBe(
            'ブックマークされた記事',
          )
          expect(html.querySelector('[data-testid="card-date"]')!.textContent).toBe('7日前')
        },
      ),
      { numRuns: 200 },
    )
  })
})
