import { describe, expect, it } from 'vitest'
import { plainTextFromHtml } from '../../../../src/shared/card/excerpt'
import { inspectExcerpt, visibleExcerptLength } from '../../../../src/shared/card/inspector'

const ids = (html: string) =>
  inspectExcerpt(plainTextFromHtml(html)).map((w) => `${w.id}:${w.severity}`)
const long =
  '<p>' +
  'Railsアプリの機能分離を判断するための五つの基準について、実例とともに説明します。'.repeat(30) +
  '</p>'

describe('inspectExcerpt', () => {
  it('says nothing about a long post that opens with what it is about', () => {
    expect(ids(long)).toEqual([])
  })

  it('flags an empty excerpt', () => {
    expect(ids('<p><img src="a.png"></p>')).toEqual(['empty:warning'])
  })

  it('flags an excerpt that is mostly the table of contents', () => {
    const toc =
      '<ol id="markdown-toc">' +
      Array.from({ length: 40 }, (_, i) => `<li><a href="#h${i}">見出し${i}の話</a></li>`).join(
        '',
      ) +
      '</ol>'
    expect(ids('<p>導入です。</p>' + toc + long)).toContain('toc:warning')
    // A table of contents after a real introduction is fine.
    expect(ids(long + toc)).not.toContain('toc:warning')
  })

  it.each([
    'こんにちは、EC事業部の yukyan です。',
    'はじめまして！新卒の taki です。',
    'Hello, I am taki.',
    'お疲れ様です。',
  ])('flags an opening greeting: %s', (greeting) => {
    expect(ids(`<p>${greeting}</p>${long}`)).toContain('greeting:warning')
  })

  it('does not mistake a word for a greeting', () => {
    expect(ids(`<p>History of Rails</p>${long}`)).not.toContain('greeting:warning')
  })

  it('flags raw URLs', () => {
    expect(ids(`<p>資料はこちら https://t.co/ZpxqRS1WJc です</p>${long}`)).toContain(
      'raw-url:warning',
    )
  })

  it.each(['**太字', '[リンク](https://example.com', '{: .note}', '~~消し線~~'])(
    'flags leftover Markdown %s',
    (leftover) => {
      expect(ids(`<p>${leftover}</p>${long}`)).toContain('markdown:warning')
    },
  )

  it('ignores Markdown-like text inside code', () => {
    expect(
      ids(`<p>関数は <code>f(**kwargs)</code> と書きます</p><pre><code>[a](b)</code></pre>${long}`),
    ).not.toContain('markdown:warning')
  })

  it('notes (as information) a post shorter than the excerpt, with its length', () => {
    const warnings = inspectExcerpt(plainTextFromHtml('<p>短い記事です。</p>'))
    expect(warnings.map((w) => w.id)).toEqual(['short'])
    expect(warnings[0]!.severity).toBe('info')
    expect(warnings[0]!.message.ja).toContain('7 文字')
    expect(warnings[0]!.message.en).toContain('7 characters')
  })
})

describe('visibleExcerptLength', () => {
  it('fits about two lines of full-width text in the feed box', () => {
    const text = 'あ'.repeat(200)
    // 250 px / 12 px ≈ 20.8 characters a line, two lines.
    expect(visibleExcerptLength(text)).toBe(40)
  })

  it('fits more Latin than full-width characters', () => {
    expect(visibleExcerptLength('a'.repeat(200))).toBeGreaterThan(60)
  })

  it('returns the whole length when the text is short', () => {
    expect(visibleExcerptLength('短い')).toBe(2)
  })

  it('follows the box it is given', () => {
    expect(visibleExcerptLength('あ'.repeat(200), { widthPx: 120, fontPx: 12, lines: 3 })).toBe(30)
  })
})
