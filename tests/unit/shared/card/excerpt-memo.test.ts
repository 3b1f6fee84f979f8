import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  EXCERPT_LENGTH,
  plainTextFromHtml,
  readPlainText,
} from '../../../../src/shared/card/excerpt'

/** A long post's table of contents (kramdown's `{:toc}`): the excerpt is all in its first items. */
function toc(items: number, label = (i: number) => `見出し ${i} について詳しく`): string {
  const lis = Array.from({ length: items }, (_, i) => `<li><a href="#h-${i}">${label(i)}</a></li>\n`)
  return `<ul id="markdown-toc">\n${lis.join('')}</ul>\n<p>本文です。</p>\n`
}

describe('plainTextFromHtml: remembering the last answer', () => {
  it('HTML whose start holding the excerpt is unchanged is not read again (a heading typed far down)', () => {
    const before = toc(400)
    const first = plainTextFromHtml(before)
    expect(first.truncated).toBe(true)
    // The 300th item's heading gets a character: past the excerpt, whose object comes back as it is.
    const after = before.replace('見出し 300 について', '見出し 300 についての')
    expect(after).not.toBe(before)
    expect(plainTextFromHtml(after)).toBe(first)
    // A change in the excerpt's own part is read again.
    const changed = before.replace('見出し 3 について', '見出し 3 にかんして')
    const again = plainTextFromHtml(changed)
    expect(again).not.toBe(first)
    expect(again).toEqual(readPlainText(changed, EXCERPT_LENGTH))
    expect(again.text).toContain('見出し 3 にかんして')
  })

  it('another limit or a whole short text is computed for itself', () => {
    const short = '<p>短い記事。</p>'
    const a = plainTextFromHtml(short)
    const longer = `${short}<p>続き</p>`
    expect(plainTextFromHtml(longer)).toEqual(readPlainText(longer, EXCERPT_LENGTH))
    expect(plainTextFromHtml(longer).text).toContain('続き')
    expect(plainTextFromHtml(short)).toEqual(a)
    const long = toc(400)
    expect(plainTextFromHtml(long, 10).text).toBe(readPlainText(long, 10).text)
    expect(plainTextFromHtml(long, 20).length).toBe(20)
  })

  it('equals an uncached read after any sequence of edits (property)', () => {
    const piece = fc.constantFrom(
      '<p>',
      '</p>',
      '<li>',
      '</li>',
      '<ul id="markdown-toc">',
      '</ul>',
      '<pre><code>',
      '</code></pre>',
      '<td>',
      '</td>',
      '<br>',
      '&amp;',
      '<',
      '>',
      'あいうえお',
      'abc ',
      '\n',
      '😀',
      '\uD800',
      ' ',
    )
    const base = fc.array(piece, { minLength: 1, maxLength: 60 }).map((parts) => {
      const unit = parts.join('')
      // Long enough that the excerpt is read from the first chunks only.
      return unit.repeat(Math.ceil(30_000 / unit.length))
    })
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      // Or just around where the first chunk read ends (8 KB in), where the remembered start ends.
      nearCut: fc.option(fc.integer({ min: 8150, max: 8260 }), { freq: 3 }),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.array(piece, { maxLength: 4 }).map((p) => p.join('')),
    })
    fc.assert(
      fc.property(
        base,
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(5, 50, EXCERPT_LENGTH),
        (start, edits, limit) => {
          let html = start
          expect(plainTextFromHtml(html, limit)).toEqual(readPlainText(html, limit))
          for (const e of edits) {
            // Edits mostly far down, where the answer is remembered, sometimes near the start.
            const at = e.nearCut ?? html.length - Math.floor(e.at * e.at * html.length)
            html = html.slice(0, at) + e.insert + html.slice(at + e.remove)
            expect(plainTextFromHtml(html, limit)).toEqual(readPlainText(html, limit))
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})
