import { describe, expect, it } from 'vitest'
import { assetOriginOf, resolveImageSrc } from '../../../../src/renderer/src/shell/resolve-image'
import { normalizeRelative } from '../../../../src/shared/card/post-location'

const ctx = {
  postPath: 'source/blog/2024-12-15-eks.html.md',
  assetDir: 'source/blog/2024-12-15-eks',
  assetBase: 'portal://asset/',
}

describe('resolveImageSrc (P3)', () => {
  it.each([
    ['diagram.png', 'portal://asset/source/blog/2024-12-15-eks/diagram.png'],
    ['./img/a b.png', 'portal://asset/source/blog/2024-12-15-eks/img/a%20b.png'],
    [
      'img/%E5%9B%B3.png',
      `portal://asset/source/blog/2024-12-15-eks/img/${encodeURIComponent('図')}.png`,
    ],
    ['../shared/logo.png?v=2#x', 'portal://asset/source/blog/shared/logo.png'],
    ['https://example.com/a.png', 'https://example.com/a.png'],
    ['http://example.com/a.png', 'http://example.com/a.png'],
  ])('%s → %s', (src, url) => {
    expect(resolveImageSrc(src, ctx)).toBe(url)
  })

  it.each([
    '../../../../secret.png',
    '../../../../../etc/passwd',
    'a/../../../../../x.png',
    '%2e%2e/%2e%2e/%2e%2e/%2e%2e/secret.png',
    '/etc/passwd',
    '//evil.example/x.png',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://host/share/x.png',
    '..\\..\\x.png',
    '',
  ])('refuses %j', (src) => {
    expect(resolveImageSrc(src, ctx)).toBeNull()
  })

  it('allows climbing to the repository root but not beyond', () => {
    expect(resolveImageSrc('../../../top.png', ctx)).toBe('portal://asset/top.png')
  })

  it('falls back to the post folder when the post has no asset folder', () => {
    expect(resolveImageSrc('x.png', { ...ctx, assetDir: null })).toBe(
      'portal://asset/source/blog/x.png',
    )
  })

  it('finds site-root paths in the site’s source folder (profile sourceDir), never above it', () => {
    const site = { ...ctx, sourceDir: 'source' }
    expect(resolveImageSrc('/images/emoji/tada.png', site)).toBe(
      'portal://asset/source/images/emoji/tada.png',
    )
    expect(resolveImageSrc('/%E7%94%BB%E5%83%8F.png?v=1', site)).toBe(
      `portal://asset/source/${encodeURIComponent('画像')}.png`,
    )
    for (const src of ['/../secret.png', '/images/../../x.png', '//evil.example/x.png', '/'])
      expect(resolveImageSrc(src, site)).toBeNull()
    expect(resolveImageSrc('/x.png', { ...ctx, sourceDir: '' })).toBe('portal://asset/x.png')
    expect(resolveImageSrc('/../x.png', { ...ctx, sourceDir: '' })).toBeNull()
  })

  it('keeps inline raster data images', () => {
    expect(resolveImageSrc('data:image/png;base64,AAAA', ctx)).toBe('data:image/png;base64,AAAA')
  })
})

describe('normalizeRelative (the path rule behind it)', () => {
  it('resolves dots and refuses leaving the root', () => {
    expect(normalizeRelative('a/./b/../c')).toBe('a/c')
    expect(normalizeRelative('a/../..')).toBeNull()
  })
})

describe('assetOriginOf', () => {
  it('takes scheme and host for the preview CSP', () => {
    expect(assetOriginOf('portal://asset/')).toBe('portal://asset')
    expect(assetOriginOf('http://127.0.0.1:4123/asset/')).toBe('http://127.0.0.1:4123')
  })
})
