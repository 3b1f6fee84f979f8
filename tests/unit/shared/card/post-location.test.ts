import { describe, expect, it } from 'vitest'
import {
  assetDirOfPath,
  checkEyecatchValue,
  joinPostAsset,
  postKeyFromPath,
  postUrl,
} from '../../../../src/shared/card/post-location'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

describe('postUrl', () => {
  it.each([
    ['2024-12-15T23:58:00+09:00', 'suzuri-eks', 'https://tech.pepabo.com/2024/12/15/suzuri-eks/'],
    ['2025-01-02T00:10:00+09:00', 'new-year', 'https://tech.pepabo.com/2025/01/02/new-year/'],
    ['2025-11-20', 'date-only', 'https://tech.pepabo.com/2025/11/20/date-only/'],
    ['not a date', 'x', null],
  ])('%s + %s → %s', (date, slug, expected) => {
    expect(postUrl(DEFAULT_PROFILE, date, slug)).toBe(expected)
  })

  it('follows a profile with its own URL pattern and a site under a path', () => {
    const profile = {
      ...DEFAULT_PROFILE,
      siteUrl: 'https://example.com/blog/',
      postUrl: 'entry/{year}{month}{day}-{slug}.html',
    }
    expect(postUrl(profile, '2025-03-04T10:00:00+09:00', 'hello')).toBe(
      'https://example.com/blog/entry/20250304-hello.html',
    )
  })
})

describe('postKeyFromPath and assetDirOfPath', () => {
  it('reads the key of a post path and its asset folder', () => {
    const rel = 'source/blog/2025-11-20-first-month.html.md'
    expect(postKeyFromPath(DEFAULT_PROFILE, rel)).toEqual({
      year: '2025',
      month: '11',
      day: '20',
      slug: 'first-month',
    })
    expect(assetDirOfPath(DEFAULT_PROFILE, rel)).toBe('source/blog/2025-11-20-first-month')
  })

  it('reads a key from the file name alone when the folder does not follow the profile', () => {
    expect(postKeyFromPath(DEFAULT_PROFILE, 'drafts/2025-11-20-x.html.md')?.slug).toBe('x')
    expect(assetDirOfPath(DEFAULT_PROFILE, 'drafts/2025-11-20-x.html.md')).toBeNull()
    expect(postKeyFromPath(DEFAULT_PROFILE, 'notes.md')).toBeNull()
  })
})

describe('joinPostAsset', () => {
  it.each([
    ['source/blog/p.html.md', 'source/blog/p', 'eyecatch.png', 'source/blog/p/eyecatch.png'],
    ['source/blog/p.html.md', null, 'img/a.png', 'source/blog/img/a.png'],
    ['source/blog/p.html.md', 'source/blog/p', '../shared.png', 'source/blog/shared.png'],
    ['source/blog/p.html.md', 'source/blog/p', '../../../../secret.png', null],
    ['p.md', null, 'a.png', 'a.png'],
  ])('%s (%s) + %s → %s', (post, assetDir, name, expected) => {
    expect(joinPostAsset(post, assetDir, name)).toBe(expected)
  })
})

describe('checkEyecatchValue (P2)', () => {
  it.each([
    [undefined, 'none'],
    ['', 'none'],
    ['eyecatch.png', 'file'],
    ['./eyecatch.png', 'file'],
    ['images/cover.jpg', 'file'],
    ['https://example.com/og.png', 'url'],
    ['../../../etc/passwd', 'invalid'],
    ['/etc/passwd', 'invalid'],
    ['file:///etc/passwd', 'invalid'],
    ['C:\\Windows\\x.png', 'invalid'],
    ['javascript:alert(1)', 'invalid'],
    ['a/../../b.png', 'invalid'],
    [42, 'invalid'],
  ])('%s → %s', (value, kind) => {
    expect(checkEyecatchValue(value).kind).toBe(kind)
  })

  it('explains a refused value in both languages', () => {
    const ref = checkEyecatchValue('../../../etc/passwd')
    expect(ref.kind === 'invalid' && ref.message.ja).toContain('画像フォルダの外')
    expect(ref.kind === 'invalid' && ref.message.en).toContain('outside')
  })
})
