import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { excerptFromPost } from '../../../../src/shared/card/card'
import {
  EXCERPT_LENGTH,
  excerptFromHtml,
  plainTextFromHtml,
} from '../../../../src/shared/card/excerpt'

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const codePoints = (s: string) => [...s].length

/** Text with astral characters, lone surrogates, CJK, whitespace and entity-like runs. */
const tricky = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '😀',
      '𩸽',
      'あ',
      '漢',
      '、',
      'a',
      ' ',
      '\n',
      '\t',
      '\u3000',
      '&',
      ';',
      '#',
      '\uD800',
      '\uDC00',
    ),
    fc.string({ unit: 'binary', maxLength: 3 }),
  ),
  maxLength: 400,
})

const htmlPiece = fc.oneof(
  { weight: 3, arbitrary: tricky },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<p>',
      '</p>',
      '<h2>',
      '</h2>',
      '<ul>',
      '</ul>',
      '<ol id="markdown-toc">',
      '</ol>',
      '<li>',
      '</li>',
      '<table>',
      '<tr>',
      '<td>',
      '</td>',
      '<th>',
      '</tr>',
      '</table>',
      '<br>',
      '<br/>',
      '<pre><code>',
      '</code></pre>',
      '<script>',
      '</script>',
      '<style>',
      '</style>',
      '<img src=x alt="alt">',
      '&amp;',
      '&mdash;',
      '&#x1F600;',
      '&#xD800;',
      '&#0;',
      '&nbsp;',
      '<!-- c -->',
      '<div>',
      '</div>',
      '<',
      '>',
      '<blockquote>',
      '</blockquote>',
      '<iframe>',
      '<![CDATA[x]]>',
      '<svg><text>t</text></svg>',
    ),
  },
)
const html = fc.array(htmlPiece, { maxLength: 80 }).map((parts) => parts.join(''))

const markdownPiece = fc.oneof(
  { weight: 3, arbitrary: tricky },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '# ',
      '## ',
      '### ',
      '\n',
      '\n\n',
      '* ',
      '- ',
      '1. ',
      '  - ',
      '> ',
      '```',
      '```js\n',
      '~~~',
      '    ',
      '| a | b |\n',
      '|---|---|\n',
      '**',
      '__',
      '*',
      '_',
      '`',
      '[',
      ']',
      '](',
      ')',
      '![',
      '{:toc}',
      '{: .note}',
      '{:#id}',
      '[^1]',
      '[^1]: ',
      '<div>',
      '</div>',
      '<script>alert(1)</script>',
      '<br>',
      '&amp;',
      '&#xD800;',
      '1. 目次\n{:toc}\n',
      '---\n',
      '---\ntitle: x\n---\n',
      '\\',
      '<',
      'https://example.com ',
    ),
  },
)
const markdown = fc.array(markdownPiece, { maxLength: 80 }).map((parts) => parts.join(''))

describe('excerpt properties', () => {
  it('on arbitrary HTML: never throws, ≤ 1000 code points, no half surrogate pair, a prefix of the full text', () => {
    fc.assert(
      fc.property(html, (input) => {
        const out = excerptFromHtml(input)
        expect(codePoints(out)).toBeLessThanOrEqual(EXCERPT_LENGTH)
        expect(LONE_SURROGATE.test(out)).toBe(false)
        const full = plainTextFromHtml(input, 1_000_000).text
        expect(full.startsWith(out)).toBe(true)
        expect(codePoints(out)).toBe(Math.min(EXCERPT_LENGTH, codePoints(full)))
      }),
      { numRuns: 400 },
    )
  })

  it('on arbitrary long HTML the cut lands exactly at 1000 code points', () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 1000, max: 1010 }), (input, pad) => {
        const out = excerptFromHtml(`<p>${'😀'.repeat(pad)}</p>${input}`)
        expect(codePoints(out)).toBe(EXCERPT_LENGTH)
        expect(LONE_SURROGATE.test(out)).toBe(false)
      }),
      { numRuns: 100 },
    )
  })

  it('on arbitrary Markdown: never throws, ≤ 1000 code points, no half surrogate pair', () => {
    fc.assert(
      fc.property(markdown, (input) => {
        const out = excerptFromPost(input)
        expect(codePoints(out)).toBeLessThanOrEqual(EXCERPT_LENGTH)
        expect(LONE_SURROGATE.test(out)).toBe(false)
      }),
      { numRuns: 300 },
    )
  })
})
