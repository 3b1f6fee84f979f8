import { symlink, unlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { CARD_SOURCE_CHARS, cardSource, CardsService } from '../../../src/main/services/feed/cards'
import { excerptFromPost } from '../../../src/shared/card'
import {
  DEFAULT_MARKDOWN_IN_FORCE,
  resolveMarkdownSettings,
} from '../../../src/shared/markdown/settings'
import { channels, type RepoInfo } from '../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE, type Profile } from '../../../src/shared/profile'
import {
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  writeFiles,
} from '../../helpers/temp-repo'

afterAll(removeTempDirs)

const NOW = Date.parse('2025-12-01T12:00:00+09:00')

function serviceFor(root: string | null, profile: Profile = DEFAULT_PROFILE) {
  let repo: RepoInfo | null = root
    ? { root, name: 'blog', profile, profileError: null, isSample: false }
    : null
  const service = new CardsService({ repo: () => repo, now: () => NOW })
  return {
    service,
    setProfile(next: Profile) {
      repo = repo ? { ...repo, profile: next } : null
    },
  }
}

const TOC_POST = [
  'Kaigi on Rails に参加しました！',
  '',
  '* 目次',
  '{:toc}',
  '',
  '## 登壇者のレポート',
  '',
  '### yumu',
  '',
  '登壇を終えて',
  '',
].join('\n')

describe('CardsService.list', () => {
  it('builds every post’s card as the feed shows it, newest first, drafts marked', async () => {
    const root = await makeTempRepo({
      [postPathFor('2025-11-20', 'kaigi')]: postText(
        {
          title: 'Kaigi on Rails 2025 に参加しました',
          date: '2025-11-20T10:00:00+09:00',
          eyecatch: 'eyecatch.png',
        },
        TOC_POST,
      ),
      [postPathFor('2025-10-01', 'older')]: postText(
        { title: '古い記事', date: '2025-10-01T09:00:00+09:00' },
        '| 判断軸 | 分離推奨 |\n|---|---|\n| ビジネス | 低 |\n',
      ),
      [postPathFor('2025-11-30', 'unpublished')]: postText({
        title: '書きかけ',
        date: '2025-11-30T09:00:00+09:00',
        published: false,
      }),
      'source/blog/2025-11-20-kaigi/eyecatch.png': 'png',
      'source/blog/README.md': 'not a post',
    })
    const cards = await serviceFor(root).service.list()
    expect(cards.map((c) => [c.card.title, c.draft])).toEqual([
      ['書きかけ', true],
      ['Kaigi on Rails 2025 に参加しました', false],
      ['古い記事', false],
    ])
    const kaigi = cards[1]!.card
    // PORTAL.md §2: blocks joined without separator, the TOC expanded, nested list after a space.
    expect(kaigi.excerpt).toBe(
      'Kaigi on Rails に参加しました！登壇者のレポート yumu登壇者のレポートyumu登壇を終えて',
    )
    expect(kaigi.siteName).toBe('Pepabo Tech Portal')
    expect(kaigi.url).toBe('https://tech.pepabo.com/2025/11/20/kaigi/')
    expect(kaigi.eyecatch).toBe('source/blog/2025-11-20-kaigi/eyecatch.png')
    expect(kaigi.relativeTime).toBe('11日前')
    expect(kaigi.path).toBe('source/blog/2025-11-20-kaigi.html.md')
    // Table cells are each followed by one space.
    expect(cards[2]!.card.excerpt).toBe('判断軸 分離推奨 ビジネス 低 ')
  })

  it('sends every field across IPC (the contract’s schema keeps the whole card)', async () => {
    const root = await makeTempRepo({
      [postPathFor('2025-11-20', 'a')]: postText(
        { title: 'A', date: '2025-11-20T10:00:00+09:00', eyecatch: '../../../etc/passwd' },
        '```ruby\nputs 1\n```\n',
      ),
    })
    const cards = await serviceFor(root).service.list()
    const parsed = channels['posts:cards'].response.parse(cards)
    expect(parsed).toEqual(cards)
    // An eyecatch outside the asset folder is never used (P2); the reason travels with the card.
    expect(parsed[0]!.card.eyecatch).toBeNull()
    expect(parsed[0]!.card.eyecatchProblem?.ja).toContain('画像フォルダの外')
    expect(parsed[0]!.card.excerpt).toBe('puts 1')
    expect(parsed[0]!.card.plain.ranges).toEqual([{ start: 0, end: 6, source: 'code' }])
  })

  it('renders only the posts that changed since the last call', async () => {
    const a = postPathFor('2025-11-01', 'a')
    const b = postPathFor('2025-11-02', 'b')
    const root = await makeTempRepo({
      [a]: postText({ title: 'A', date: '2025-11-01T10:00:00+09:00' }, '最初の本文'),
      [b]: postText({ title: 'B', date: '2025-11-02T10:00:00+09:00' }, 'Bの本文'),
    })
    const { service } = serviceFor(root)
    await service.list()
    expect(service.renderedCount).toBe(2)
    await service.list()
    expect(service.renderedCount).toBe(2)

    await writeFile(
      join(root, a),
      postText({ title: 'A 改', date: '2025-11-01T10:00:00+09:00' }, '書き直した本文'),
    )
    const later = new Date(Date.now() + 5000)
    await utimes(join(root, a), later, later)
    const cards = await service.list()
    expect(service.renderedCount).toBe(3)
    expect(cards.find((c) => c.card.path === a)!.card).toMatchObject({
      title: 'A 改',
      excerpt: '書き直した本文',
    })

    await unlink(join(root, b))
    expect((await service.list()).map((c) => c.card.title)).toEqual(['A 改'])
  })

  it('builds again when the profile changes (site name, URL pattern)', async () => {
    const root = await makeTempRepo({
      [postPathFor('2025-11-01', 'a')]: postText({ title: 'A', date: '2025-11-01T10:00:00+09:00' }),
    })
    const { service, setProfile } = serviceFor(root)
    expect((await service.list())[0]!.card.siteName).toBe('Pepabo Tech Portal')
    setProfile({
      ...DEFAULT_PROFILE,
      siteName: 'Another Blog',
      siteUrl: 'https://blog.example.com/',
      postUrl: '/entry/{slug}/',
    })
    const [card] = await service.list()
    expect(card!.card.siteName).toBe('Another Blog')
    expect(card!.card.url).toBe('https://blog.example.com/entry/a/')
  })

  it('never reads a post that is a link to a file outside the repository (D11)', async () => {
    const outside = await makeTempDir('pw-outside-')
    await writeFiles(outside, {
      'secret.md': postText({ title: 'SECRET', date: '2025-11-01T10:00:00+09:00' }, 'secret'),
    })
    const root = await makeTempRepo({
      [postPathFor('2025-11-02', 'ok')]: postText({
        title: 'OK',
        date: '2025-11-02T10:00:00+09:00',
      }),
    })
    await symlink(join(outside, 'secret.md'), join(root, postPathFor('2025-11-01', 'leak')))
    const cards = await serviceFor(root).service.list()
    expect(cards.map((c) => c.card.title)).toEqual(['OK'])
    expect(JSON.stringify(cards)).not.toContain('SECRET')
  })

  it('shares one pass between concurrent callers and is empty without a repository', async () => {
    const files: Record<string, string> = {}
    for (let i = 1; i <= 9; i++)
      files[postPathFor(`2025-11-0${i}`, `p${i}`)] = postText({
        title: `P${i}`,
        date: `2025-11-0${i}T10:00:00+09:00`,
      })
    const root = await makeTempRepo(files)
    const { service } = serviceFor(root)
    const [one, two] = await Promise.all([service.list(), service.list()])
    expect(one).toBe(two)
    expect(service.renderedCount).toBe(9)
    expect(await serviceFor(null).service.list()).toEqual([])
  })

  it('keeps main responsive while rendering a big repository (yields between posts)', async () => {
    const body = `${'段落の本文です。'.repeat(200)}\n\n## 見出し\n\n${'- 項目\n'.repeat(100)}`
    const files: Record<string, string> = {}
    for (let i = 0; i < 120; i++) {
      const day = String((i % 28) + 1).padStart(2, '0')
      files[postPathFor(`2025-10-${day}`, `post-${i}`)] = postText(
        { title: `記事 ${i}`, date: `2025-10-${day}T10:00:00+09:00` },
        body,
      )
    }
    const root = await makeTempRepo(files)
    const { service } = serviceFor(root)
    let done = false
    const ticks: boolean[] = []
    const timer = setInterval(() => ticks.push(done), 1)
    const started = performance.now()
    const cards = await service.list()
    const ms = performance.now() - started
    done = true
    clearInterval(timer)
    expect(cards).toHaveLength(120)
    // Timers ran while the cards were being built: other IPC calls are not held up.
    expect(ticks.filter((d) => !d).length).toBeGreaterThan(2)
    console.log(`cards: 120 posts of ${body.length} chars in ${ms.toFixed(0)} ms`)
  })

  it('cuts only huge posts, at a paragraph break, keeping the excerpt the same (D10)', async () => {
    const intro = 'はじめに。この記事は長いです。\n\n'
    const huge = `${intro}${'長い段落の文章です。'.repeat(30_000)}\n\n最後の段落\n`
    expect(huge.length).toBeGreaterThan(CARD_SOURCE_CHARS)
    const cut = cardSource(huge)
    expect(cut.length).toBeLessThan(huge.length)
    expect(cut.endsWith('\n')).toBe(true)
    expect(cardSource('短い記事')).toBe('短い記事')
    const path = postPathFor('2025-11-01', 'huge')
    const root = await makeTempRepo({
      [path]: postText({ title: 'Huge', date: '2025-11-01T10:00:00+09:00' }, huge),
    })
    const [card] = await serviceFor(root).service.list()
    expect(card!.card.excerpt).toBe(excerptFromPost(postText({ title: 'Huge' }, huge)))
    expect([...card!.card.excerpt]).toHaveLength(1000)
  })
})

describe('cards follow the repository’s markdown settings', () => {
  it('renders other posts’ excerpts with the blog’s smart_quotes, and again when they change', async () => {
    const root = await makeTempRepo({
      [postPathFor('2025-11-20', 'quotes')]: postText(
        { title: 'quotes', date: '2025-11-20T10:00:00+09:00' },
        'It\'s "quoted" here.\n',
      ),
    })
    const curly = resolveMarkdownSettings([
      { source: 'config.rb', options: { smart_quotes: 'lsquo,rsquo,ldquo,rdquo' } },
    ])
    let repo: RepoInfo = {
      root,
      name: 'blog',
      profile: DEFAULT_PROFILE,
      profileError: null,
      isSample: false,
      markdown: curly,
    }
    const service = new CardsService({ repo: () => repo, now: () => NOW })
    const [first] = await service.list()
    expect(first!.card.excerpt).toContain('It’s “quoted” here.')
    // config.rb now says straight quotes (the Pepabo default): the card is made again.
    repo = { ...repo, markdown: DEFAULT_MARKDOWN_IN_FORCE }
    const [second] = await service.list()
    expect(second!.card.excerpt).toContain('It\'s "quoted" here.')
  })
})
