// @vitest-environment jsdom
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import DOMPurify from 'dompurify'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { renderPost, sanitizePreviewFragment } from '../../../../src/shared/markdown'
import { generateBenchPost } from '../../../helpers/long-post'
import {
  SPLIT_FROM_CHARS,
  itemwiseLists,
  splitList,
} from '../../../../src/renderer/src/preview/list-pieces'
import { sanitizeBlock } from '../../../../src/renderer/src/preview/render-article'

const purify = DOMPurify(window)
const whole = (html: string) => sanitizePreviewFragment(html, purify)
const SAMPLES = join('resources/sample-blog/source/blog')
const samplePosts = readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.md'))
  .map((f) => readFileSync(join(SAMPLES, f), 'utf8'))

function serialize(fragment: DocumentFragment): string {
  const holder = document.createElement('div')
  holder.append(fragment)
  return holder.innerHTML
}

const LONG = generateBenchPost('目次つき', '2026-11-10', 200_000)
const tocOf = (text: string) =>
  renderPost(text).blocks.find((b) => b.html.includes('markdown-toc'))!

describe('a long list sanitized item by item', () => {
  it('gives exactly what sanitizing it whole gives: the 200k post’s table of contents, every sample block', () => {
    const itemwise = itemwiseLists(whole)
    const toc = tocOf(LONG).html
    expect(toc.length).toBeGreaterThan(SPLIT_FROM_CHARS)
    expect(splitList(toc)?.items.length).toBeGreaterThan(300)
    expect(serialize(itemwise(toc))).toBe(serialize(whole(toc)))
    for (const post of samplePosts)
      for (const b of renderPost(post).blocks)
        expect(serialize(itemwise(b.html))).toBe(serialize(whole(b.html)))
  })

  it('typing in a heading of a long post sanitizes the item that changed, not the whole table of contents', () => {
    const heading = LONG.indexOf('\n## ', LONG.length / 2) + 1
    const lineEnd = LONG.indexOf('\n', heading)
    const before = tocOf(LONG).html
    sanitizeBlock(before)
    // The table of contents after each keystroke typed at the end of that heading.
    const typed = [...'を追記'].map((_, k) => {
      const text = `${LONG.slice(0, lineEnd)}${'を追記'.slice(0, k + 1)}${LONG.slice(lineEnd)}`
      return tocOf(text).html
    })
    // DOMPurify parses what it sanitizes into a new document: what it parsed is what it sanitized.
    const parse = vi.spyOn(window.DOMParser.prototype, 'parseFromString')
    let shown: DocumentFragment[]
    let chars: number
    try {
      shown = typed.map((html) => sanitizeBlock(html))
      chars = parse.mock.calls.reduce((n, [markup]) => n + String(markup).length, 0)
    } finally {
      parse.mockRestore()
    }
    // Each keystroke parsed the empty list and one item (before: all ~48,000 characters of it).
    expect(chars).toBeGreaterThan(0)
    expect(chars).toBeLessThan(before.length / 20)
    typed.forEach((html, k) => {
      expect(html).not.toBe(before)
      expect(serialize(shown[k]!)).toBe(serialize(whole(html)))
    })
  })

  it('any list, well formed or not, comes out as sanitized whole', () => {
    const item = fc.constantFrom(
      '<li><a href="#a" id="markdown-toc-a">見出し</a></li>',
      '<li><a href="#b">入れ子</a>\n<ol>\n<li><a href="#c">c</a></li>\n</ol>\n</li>',
      '<li><code>x</code> <em>y</em></li>',
      '<li>閉じていない',
      '<li><p>段落</p></li>',
      '<li><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)></li>',
      '<!-- c -->',
      '<li title="a<b">x</li>',
      'ばらの文字',
      '</ol>',
      '<li><strong>x</li>',
    )
    const list = fc
      .tuple(
        fc.constantFrom('<ol id="markdown-toc" data-line="3">', '<ul>', '<ul class="x">'),
        fc.array(fc.tuple(fc.constantFrom('\n', '', '  '), item), { maxLength: 12 }),
        fc.constantFrom('\n', ''),
      )
      .map(([open, items, tail]) => {
        const name = open.startsWith('<ol') ? 'ol' : 'ul'
        // Padded past the split threshold with a well-formed item, as a long list would be.
        const pad = `\n<li>${'長い項目'.repeat(SPLIT_FROM_CHARS / 4)}</li>`
        return `${open}${items.map(([gap, i]) => gap + i).join('')}${pad}\n</${name}>${tail}`
      })
    const itemwise = itemwiseLists(whole)
    fc.assert(
      fc.property(list, (html) => {
        expect(serialize(itemwise(html))).toBe(serialize(whole(html)))
      }),
      { numRuns: 300 },
    )
  })

  it('leaves short lists and anything that is not a list to the whole-block sanitizer', () => {
    expect(splitList('<ul>\n<li>a</li>\n</ul>\n')).toBeNull()
    const pad = 'x'.repeat(SPLIT_FROM_CHARS)
    expect(splitList(`<p>${pad}</p>`)).toBeNull()
    expect(splitList(`<ul>\n<li>${pad}</li>\n</ul>\n<p>after</p>`)).toBeNull()
    expect(splitList(`<ul>\n<li>${pad}</li>\n<!-- c -->\n</ul>\n`)).toBeNull()
    expect(splitList(`<ul>\n<li>${pad}</li>\n</ul>\n`)?.items).toEqual([`<li>${pad}</li>`])
  })
})
