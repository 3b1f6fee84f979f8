import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTempDir, makeTempRepo, removeTempDirs, writeFiles } from '../../helpers/temp-repo'
import { CAPTURED_EXCERPTS } from '../shared/card/fixtures/capture'
import { jpeg, png, runCli } from './run-cli'

const KAIGI = 'source/blog/2025-11-20-kaigi-on-rails.html.md'
let repo: string
let kaigiText: string

beforeAll(async () => {
  kaigiText = await readFile(
    new URL('../shared/card/fixtures/kaigi-on-rails-2025.md.txt', import.meta.url),
    'utf8',
  )
  repo = await makeTempRepo(
    {
      [KAIGI]: kaigiText,
      'source/blog/2025-11-20-kaigi-on-rails/eyecatch.png': await png(1200, 630),
      'source/blog/2025-11-20-kaigi-on-rails/venue.jpg': await jpeg(800, 600),
    },
    { git: true },
  )
})
const JA = { LANG: 'ja_JP.UTF-8', LC_ALL: '', LC_MESSAGES: '' }
const EN = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' }

afterAll(removeTempDirs)

describe('portal-writer card', () => {
  it('prints the card a post in a repository makes, as JSON', async () => {
    const run = await runCli(['card', KAIGI, '--now', '2025-11-27T12:00:00+09:00', '--json'], repo)
    expect(run.code).toBe(0)
    const card = JSON.parse(run.stdout)
    expect(card).toMatchObject({
      title: 'Kaigi on Rails 2025に参加しました',
      siteName: 'Pepabo Tech Portal',
      relativeTime: '7日前',
      date: '2025-11-20T10:00:00+09:00',
      tooltip: '2025-11-20 10:00:00',
      eyecatch: 'source/blog/2025-11-20-kaigi-on-rails/eyecatch.png',
      url: 'https://tech.pepabo.com/2025/11/20/kaigi-on-rails/',
      pageTitle: 'Kaigi on Rails 2025に参加しました - Pepabo Tech Portal',
    })
    expect(card.excerpt.normalize('NFKC')).toBe(
      CAPTURED_EXCERPTS['kaigi-on-rails-2025']!.normalize('NFKC'),
    )
    expect(card.ogDescription).toBe([...card.excerpt].slice(0, 117).join('') + '...')
  })

  it('names the eyecatch relative to where it runs, and reads --now without offset in JST', async () => {
    // 25.4 days after the post in JST (25日前); read as UTC or as New York time it would be 1ヶ月前.
    const run = await runCli(
      ['card', '2025-11-20-kaigi-on-rails.html.md', '--json', '--now=2025-12-15T19:30'],
      join(repo, 'source/blog'),
    )
    expect(run.code).toBe(0)
    const card = JSON.parse(run.stdout)
    expect(card.eyecatch).toBe('2025-11-20-kaigi-on-rails/eyecatch.png')
    expect(card.relativeTime).toBe('25日前')
  })

  it('prints a readable card without --json', async () => {
    const run = await runCli(['card', KAIGI, '--now', '2026-01-20T10:00:00+09:00'], repo, JA)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('タイトル: Kaigi on Rails 2025に参加しました')
    expect(run.stdout).toContain('日付: 2025-11-20 10:00:00 (2ヶ月前)')
    expect(run.stdout).not.toContain('Title')
    expect(run.stdout).toContain('URL: https://tech.pepabo.com/2025/11/20/kaigi-on-rails/')
  })

  it('uses the repository’s .portal-writer.yml', async () => {
    const other = await makeTempDir('pw-profile-repo-')
    await writeFiles(other, {
      '.portal-writer.yml':
        'siteName: Example Blog\nsiteUrl: https://blog.example.com/\npostPath: posts/{year}-{month}-{day}-{slug}.md\nassetPath: posts/{slug}\npostUrl: /entry/{slug}.html\n',
      'posts/2025-03-04-hello.md':
        '---\ntitle: Hello\ndate: 2025-03-04T10:00:00+09:00\neyecatch: og.png\n---\n\nHello world.\n',
      'posts/hello/og.png': await png(1200, 630),
    })
    const run = await runCli(
      ['card', 'posts/2025-03-04-hello.md', '--json', '--now', '2025-03-05T10:00:00+09:00'],
      other,
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      siteName: 'Example Blog',
      url: 'https://blog.example.com/entry/hello.html',
      eyecatch: 'posts/hello/og.png',
      excerpt: 'Hello world.',
      relativeTime: '1日前',
      pageTitle: 'Hello - Example Blog',
    })
  })

  it('works on a file outside any repository with the defaults', async () => {
    const loose = await makeTempDir('pw-loose-')
    await writeFiles(loose, {
      '2025-06-01-loose-post.html.md':
        '---\ntitle: 単独の記事\ndate: 2025-06-01T09:00:00+09:00\neyecatch: eyecatch.png\n---\n\n本文です。\n',
      '2025-06-01-loose-post/eyecatch.png': await png(1200, 630),
    })
    const run = await runCli(
      [
        'card',
        join(loose, '2025-06-01-loose-post.html.md'),
        '--json',
        '--now',
        '2025-06-02T09:00:00+09:00',
      ],
      loose,
    )
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      siteName: 'Pepabo Tech Portal',
      url: 'https://tech.pepabo.com/2025/06/01/loose-post/',
      eyecatch: '2025-06-01-loose-post/eyecatch.png',
      excerpt: '本文です。',
      relativeTime: '1日前',
    })
  })

  it('gives eyecatch null (and says why) when the file is missing or outside the folder', async () => {
    const dir = await makeTempRepo(
      {
        'source/blog/2025-01-01-a.html.md':
          '---\ntitle: a\ndate: 2025-01-01T10:00:00+09:00\neyecatch: gone.png\n---\n\ntext\n',
        'source/blog/2025-01-02-b.html.md':
          '---\ntitle: b\ndate: 2025-01-02T10:00:00+09:00\neyecatch: ../../../etc/passwd\n---\n\ntext\n',
      },
      { git: true },
    )
    const missing = await runCli(['card', 'source/blog/2025-01-01-a.html.md', '--json'], dir)
    expect(JSON.parse(missing.stdout).eyecatch).toBeNull()
    expect(missing.stderr).toContain('not found')
    const outside = await runCli(['card', 'source/blog/2025-01-02-b.html.md', '--json'], dir)
    expect(JSON.parse(outside.stdout).eyecatch).toBeNull()
    expect(outside.stderr).toContain('outside')
  })

  it.each([
    [['card', 'nope.md'], 1, '"nope.md" was not found'],
    [['card', KAIGI, '--now', 'yesterday'], 2, 'not a date'],
    [['card'], 2, 'Usage: portal-writer card <post-file>'],
    [['card', KAIGI, '--bogus'], 2, 'Unknown option --bogus.'],
    [['card', KAIGI, '--jsn'], 2, 'Unknown option --jsn. Did you mean --json?'],
    [['frobnicate'], 2, 'There is no command "frobnicate"'],
    [['chekc'], 2, 'Did you mean check?'],
  ])('%j exits %i with a message in the language of LANG', async (args, code, text) => {
    const run = await runCli(args, repo, EN)
    expect(run.code).toBe(code)
    expect(run.stderr).toContain(text)
    expect(run.stderr).not.toMatch(/[ぁ-ん]/)
  })

  it('names an unknown option in Japanese when the language is Japanese', async () => {
    const run = await runCli(['card', KAIGI, '--jsn'], repo, JA)
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toBe('不明なオプション --jsn。--json のことですか？')
  })

  it('prints help and its version', async () => {
    const help = await runCli(['card', '--help'], repo, EN)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: portal-writer card <post-file>')
    const version = await runCli(['--version'], repo)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
