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
