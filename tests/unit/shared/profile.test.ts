import { describe, expect, it } from 'vitest'
import {
  DEFAULT_PROFILE,
  fillPattern,
  parseProfile,
  patternMatcher,
  patternRoot,
  postKeyFor,
} from '../../../src/shared/profile'

describe('parseProfile', () => {
  it('gives the Pepabo Tech Portal defaults for an empty file', () => {
    expect(parseProfile('')).toEqual({ kind: 'ok', profile: DEFAULT_PROFILE })
  })

  it('overrides only the keys the file sets', () => {
    const r = parseProfile('siteName: Example Blog\nbaseBranch: trunk\n')
    expect(r.kind).toBe('ok')
    if (r.kind !== 'ok') return
    expect(r.profile.siteName).toBe('Example Blog')
    expect(r.profile.baseBranch).toBe('trunk')
    expect(r.profile.postPath).toBe(DEFAULT_PROFILE.postPath)
  })

  it('accepts the optional publishing keys', () => {
    const r = parseProfile("updateMethod: rebase\ncommitMessage: 'Add {title}'\n")
    expect(r.kind).toBe('ok')
  })

  it.each([
    ['siteName: A\npostPath: posts/{year}.md\n', 2, 'postPath'],
    ['siteName: A\n\nsiteUrl: not a url\n', 3, 'siteUrl'],
    ['siteName: A\ntimezone: JST\n', 2, 'timezone'],
    ['siteName: A\nsiteNmae: typo\n', 2, 'siteNmae'],
    ['siteName: A\nassetPath: ../outside/{slug}\n', 2, 'assetPath'],
    ['siteName: "unclosed\n', 1, ''],
    ['eyecatchWidth: -5\n', 1, 'eyecatchWidth'],
    ['- just\n- a list\n', 1, ''],
  ])('names the line of the problem in %j', (text, line, key) => {
    const r = parseProfile(text)
    expect(r.kind).toBe('invalid')
    if (r.kind !== 'invalid') return
    expect(r.error.line).toBe(line)
    expect(r.error.message.ja).toContain('.portal-writer.yml')
    expect(r.error.message.en).toContain('.portal-writer.yml')
    if (key) expect(r.error.message.en).toContain(key)
  })
})

describe('path patterns', () => {
  const key = { year: '2026', month: '11', day: '05', slug: 'rails-upgrade' }

  it('fills and matches the default post path both ways', () => {
    const path = fillPattern(DEFAULT_PROFILE.postPath, key)
    expect(path).toBe('source/blog/2026-11-05-rails-upgrade.html.md')
    expect(patternMatcher(DEFAULT_PROFILE.postPath)(path)).toEqual(key)
  })

  it.each([
    'source/blog/2026-11-05-rails-upgrade.md',
    'source/blog/26-11-05-x.html.md',
    'other/2026-11-05-x.html.md',
    'source/blog/2026-11-05-a/b.html.md',
  ])('does not take %s for a post', (path) => {
    expect(patternMatcher(DEFAULT_PROFILE.postPath)(path)).toBeNull()
  })

  it('finds where to look for posts', () => {
    expect(patternRoot(DEFAULT_PROFILE.postPath)).toBe('source/blog')
    expect(patternRoot('posts/{year}/{slug}.md')).toBe('posts')
  })

  it('takes the calendar date as written in the front matter, not the machine zone', () => {
    expect(postKeyFor('2026-11-05T23:30:00+09:00', 'x')).toEqual({
      year: '2026',
      month: '11',
      day: '05',
      slug: 'x',
    })
    expect(postKeyFor('yesterday', 'x')).toBeNull()
  })
})

describe('parseProfile: a hostile profile (issue 16 leftover, S12)', () => {
  const keys = (n: number, from = 0) =>
    Array.from({ length: n }, (_, i) => `key${i + from}: ${i}`).join('\n')

  it('refuses a profile of tens of thousands of keys at once, naming the limit', () => {
    const text = `siteName: Blog\n${keys(40_000)}\n`
    const started = performance.now()
    const parsed = parseProfile(text)
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind !== 'invalid') return
    expect(parsed.error.line).toBe(1)
    expect(parsed.error.message.ja).toContain('1,000 行')
    expect(parsed.error.message.en).toContain('the limit is 1,000 lines')
    expect(parsed.error.message.en).toContain('.portal-writer.yml')
  })

  it('refuses a profile nested too deeply before parsing it (issue 16, S12)', () => {
    const parsed = parseProfile(`siteName: Blog\nmarkdown: ${'['.repeat(30_000)}\n`)
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind !== 'invalid') return
    expect(parsed.error.message.en).toContain('.portal-writer.yml is nested too deeply')
    expect(parsed.error.message.en).toContain('the limit is 100 levels')
  })

  it('refuses a profile over 64 KB in few lines', () => {
    const parsed = parseProfile(`siteName: Blog\nsiteDescription: ${'あ'.repeat(30_000)}\n`)
    expect(parsed.kind).toBe('invalid')
    if (parsed.kind === 'invalid') expect(parsed.error.message.en).toContain('the limit is 64 KB')
  })

  it('still names a duplicate key at its line, also inside check:', () => {
    const top = parseProfile('siteName: A\nbaseBranch: main\nsiteName: B\n')
    expect(top).toMatchObject({ kind: 'invalid', error: { line: 3 } })
    if (top.kind === 'invalid') expect(top.error.message.en).toMatch(/unique|twice|duplicate/i)
    const nested = parseProfile(
      'check:\n  no-tags: off\n  slug-length: warning\n  no-tags: error\n',
    )
    expect(nested).toMatchObject({ kind: 'invalid', error: { line: 4 } })
  })

  it('reads a long but legal profile quickly', () => {
    // 990 lines under `markdown:`: under the limit, parsed without the quadratic key check.
    const options = Array.from({ length: 990 }, (_, i) => `  option_${i}: ${i}`).join('\n')
    const started = performance.now()
    const parsed = parseProfile(`siteName: Blog\nmarkdown:\n${options}\n`)
    expect(performance.now() - started).toBeLessThan(2_000)
    expect(parsed.kind).toBe('ok')
  })
})
