import { describe, expect, it } from 'vitest'
import { buildCard, placeByDate } from '../../../../src/shared/card'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

const NOW = Date.UTC(2025, 10, 27, 3, 0, 0) // 2025-11-27 12:00 JST
const PATH = 'source/blog/2025-11-20-kaigi-on-rails.html.md'

const post = (front: string, body = '今年もペパボは参加しました。') =>
  `---\n${front}\n---\n\n${body}\n`
const FRONT = [
  'title: Kaigi on Rails 2025に参加しました',
  'date: 2025-11-20T10:00:00+09:00',
  'tags: [Rails]',
  'authors: [yumu]',
  'eyecatch: eyecatch.png',
].join('\n')

describe('buildCard', () => {
  it('builds everything the feed card and share previews show', () => {
    const card = buildCard(post(FRONT), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
      bookmarks: 2,
    })
    expect(card).toMatchObject({
      title: 'Kaigi on Rails 2025に参加しました',
      siteName: 'Pepabo Tech Portal',
      excerpt: '今年もペパボは参加しました。',
      relativeTime: '7日前',
      date: '2025-11-20T10:00:00+09:00',
      tooltip: '2025-11-20 10:00:00',
      eyecatch: 'source/blog/2025-11-20-kaigi-on-rails/eyecatch.png',
      eyecatchProblem: null,
      url: 'https://tech.pepabo.com/2025/11/20/kaigi-on-rails/',
      ogDescription: '今年もペパボは参加しました。',
      pageTitle: 'Kaigi on Rails 2025に参加しました - Pepabo Tech Portal',
      bookmarks: 2,
      path: PATH,
    })
  })

  it('uses the profile: site name, URL pattern and asset folder', () => {
    const profile = {
      ...DEFAULT_PROFILE,
      siteName: 'Example Blog',
      siteUrl: 'https://blog.example.com/',
      postPath: 'posts/{year}/{slug}.md',
      assetPath: 'assets/{year}/{slug}',
      postUrl: '/entry/{year}/{month}/{slug}',
    }
    const card = buildCard(post(FRONT), { profile, now: NOW, path: 'posts/2025/hello.md' })
    expect(card.siteName).toBe('Example Blog')
    expect(card.url).toBe('https://blog.example.com/entry/2025/11/hello')
    expect(card.eyecatch).toBe('assets/2025/hello/eyecatch.png')
    expect(card.pageTitle).toBe('Kaigi on Rails 2025に参加しました - Example Blog')
  })

  it('updates with the text: title, excerpt and og:description follow every edit', () => {
    const before = buildCard(post(FRONT, 'a'.repeat(200)), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
    })
    const after = buildCard(post(FRONT.replace('Kaigi on Rails', 'RubyKaigi'), 'b'.repeat(200)), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
    })
    expect(before.ogDescription).toBe('a'.repeat(117) + '...')
    expect(after.title).toBe('RubyKaigi 2025に参加しました')
    expect(after.excerpt).toBe('b'.repeat(200))
  })

  it('refuses an eyecatch outside the asset folder and explains why (P2)', () => {
    const card = buildCard(post(FRONT.replace('eyecatch.png', '../../../etc/passwd')), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
    })
    expect(card.eyecatch).toBeNull()
    expect(card.eyecatchProblem?.en).toContain('outside')
  })

  it('keeps an http(s) eyecatch as its URL', () => {
    const card = buildCard(post(FRONT.replace('eyecatch.png', 'https://cdn.example.com/og.png')), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
    })
    expect(card.eyecatch).toBe('https://cdn.example.com/og.png')
  })

  it('without a date uses the file name’s day; without either has no date', () => {
    const noDate = post('title: x')
    const fromPath = buildCard(noDate, { profile: DEFAULT_PROFILE, now: NOW, path: PATH })
    expect(fromPath.tooltip).toBe('2025-11-20 00:00:00')
    expect(fromPath.url).toBe('https://tech.pepabo.com/2025/11/20/kaigi-on-rails/')
    const none = buildCard(noDate, { profile: DEFAULT_PROFILE, now: NOW })
    expect(none).toMatchObject({ relativeTime: null, tooltip: null, url: null, eyecatch: null })
  })

  it('a future date reads 「…後」', () => {
    const card = buildCard(post(FRONT.replace('2025-11-20', '2025-12-01')), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path: PATH,
    })
    expect(card.relativeTime).toBe('4日後')
  })

  it('a post with a broken front matter still gets an excerpt and an empty title', () => {
    const card = buildCard('---\ntitle: "unclosed\n---\n\n本文です。\n', {
      profile: DEFAULT_PROFILE,
      now: NOW,
    })
    expect(card.title).toBe('')
    expect(card.excerpt).toBe('本文です。')
  })
})

describe('placeByDate: the draft among the feed’s cards', () => {
  const card = (date: string, path: string) =>
    buildCard(post(FRONT.replace('2025-11-20T10:00:00+09:00', date)), {
      profile: DEFAULT_PROFILE,
      now: NOW,
      path,
    })
  it('orders newest first with the draft at its date', () => {
    const draft = card('2025-11-10T10:00:00+09:00', 'source/blog/2025-11-10-draft.html.md')
    const others = [
      card('2025-11-20T10:00:00+09:00', 'source/blog/2025-11-20-a.html.md'),
      card('2025-10-01T10:00:00+09:00', 'source/blog/2025-10-01-b.html.md'),
      card('2025-11-15T10:00:00+09:00', 'source/blog/2025-11-15-c.html.md'),
    ]
    const order = placeByDate(draft, others).map(
      (e) => `${e.isDraft ? '*' : ''}${e.card.path!.slice(12, 22)}`,
    )
    expect(order).toEqual(['2025-11-20', '2025-11-15', '*2025-11-10', '2025-10-01'])
  })

  it('puts undated cards last and keeps the draft first among equals', () => {
    const draft = card('2025-11-20T10:00:00+09:00', 'd')
    const same = card('2025-11-20T10:00:00+09:00', 's')
    const undated = buildCard(post('title: u'), { profile: DEFAULT_PROFILE, now: NOW })
    expect(placeByDate(draft, [undated, same]).map((e) => e.card.path)).toEqual(['d', 's', null])
  })
})
