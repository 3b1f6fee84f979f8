import { describe, expect, it, vi } from 'vitest'
import {
  BookmarkStore,
  countFor,
  publishedUrl,
} from '../../../../src/renderer/src/card/bookmark-store'
import { cardImageResolver } from '../../../../src/renderer/src/card/card-image'
import { FEED_PAGE_SIZE, feedPageOf } from '../../../../src/renderer/src/card/feed-page'
import { buildCard, type CardData } from '../../../../src/shared/card'
import type { BookmarkCounts } from '../../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

const NOW = Date.parse('2026-01-01T12:00:00+09:00')

function card(date: string, slug: string, extra = ''): CardData {
  const text = `---\ntitle: ${slug}\ndate: ${date}\n${extra}---\n\n本文\n`
  return buildCard(text, {
    profile: DEFAULT_PROFILE,
    now: NOW,
    path: `source/blog/${date.slice(0, 10)}-${slug}.html.md`,
  })
}

describe('feedPageOf', () => {
  const others = Array.from({ length: 60 }, (_, i) => {
    const d = new Date(Date.UTC(2025, 11, 31) - i * 86_400_000).toISOString().slice(0, 10)
    return card(`${d}T10:00:00+09:00`, `post-${i}`)
  })

  it('shows the draft on the page the feed would put it on, newest first', () => {
    const newest = feedPageOf(card('2026-01-01T09:00:00+09:00', 'draft'), others)
    expect(newest.page).toBe(1)
    expect(newest.pages).toBe(3)
    expect(newest.others).toHaveLength(FEED_PAGE_SIZE - 1)
    expect(newest.others[0]!.title).toBe('post-0')

    // Dated between post-29 and post-30: index 30 in the feed, so the second page.
    const middle = feedPageOf(card('2025-12-01T12:00:00+09:00', 'draft'), others)
    expect(middle.page).toBe(2)
    expect(middle.others.map((c) => c.title)).toEqual([
      ...others.slice(24, 30).map((c) => c.title),
      ...others.slice(30, 47).map((c) => c.title),
    ])
  })

  it('puts a draft without a date last', () => {
    const undated = feedPageOf(card('', 'draft'), others.slice(0, 5))
    expect(undated.page).toBe(1)
    expect(undated.others).toHaveLength(5)
  })
})

describe('publishedUrl', () => {
  it('asks only about posts that are published and whose date has come', () => {
    const past = card('2025-12-01T10:00:00+09:00', 'past')
    expect(publishedUrl(past, false, NOW)).toBe('https://tech.pepabo.com/2025/12/01/past/')
    expect(publishedUrl(past, true, NOW)).toBeNull()
    expect(publishedUrl(card('2026-02-01T10:00:00+09:00', 'future'), false, NOW)).toBeNull()
    expect(publishedUrl(card('', 'undated'), false, NOW)).toBeNull()
  })
})

describe('cardImageResolver', () => {
  it('serves repository files through the asset base and passes web images through', () => {
    const resolve = cardImageResolver('portal://asset/')
    expect(resolve('source/blog/2025-01-01-a/eye catch.png')).toBe(
      'portal://asset/source/blog/2025-01-01-a/eye%20catch.png',
    )
    expect(resolve('https://example.com/a.png')).toBe('https://example.com/a.png')
    expect(resolve('../secret.png')).toBeNull()
    expect(resolve('/etc/passwd')).toBeNull()
    expect(cardImageResolver(null)('a.png')).toBeNull()
  })
})

describe('BookmarkStore', () => {
  function fakeApi(answer: (urls: string[], enabled: boolean) => BookmarkCounts) {
    let enabled = false
    const events = new Map<string, () => void>()
    const calls: string[][] = []
    const api = {
      bookmarks: {
        counts: vi.fn(async ({ urls }: { urls: string[] }) => {
          calls.push(urls)
          return answer(urls, enabled)
        }),
        setEnabled: vi.fn(async (r: { enabled: boolean }) => {
          enabled = r.enabled
          return answer([], enabled)
        }),
      },
      on: vi.fn((event: string, listener: () => void) => {
        events.set(event, listener)
        return () => events.delete(event)
      }),
    }
    return { api, calls, fire: (e: string) => events.get(e)?.() }
  }

  it('learns the setting, asks for each URL once, merges counts and refetches on update', async () => {
    const known = new Map([['https://a/', 3]])
    const { api, calls, fire } = fakeApi((urls, enabled) => ({
      enabled,
      counts: enabled
        ? Object.fromEntries(urls.filter((u) => known.has(u)).map((u) => [u, known.get(u)!]))
        : {},
      pending: false,
    }))
    const store = new BookmarkStore(api as never)
    const off = store.subscribe(() => undefined)
    store.want([])
    await vi.waitFor(() => expect(store.getSnapshot().ready).toBe(true))
    expect(store.getSnapshot().enabled).toBe(false)

    store.want(['https://a/', 'https://b/'])
    store.want(['https://a/'])
    await vi.waitFor(() => expect(calls).toHaveLength(2))
    expect(countFor(store.getSnapshot(), 'https://a/')).toBe(0)

    await store.setEnabled(true)
    expect(countFor(store.getSnapshot(), 'https://a/')).toBe(3)
    expect(countFor(store.getSnapshot(), 'https://b/')).toBe(0)

    known.set('https://b/', 8)
    fire('bookmarks:updated')
    await vi.waitFor(() => expect(countFor(store.getSnapshot(), 'https://b/')).toBe(8))
    off()
  })
})
