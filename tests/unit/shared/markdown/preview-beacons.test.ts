/**
 * Issue 16 item 8 (RELIABILITY.md S5/S9 variants): nothing but images loads from the preview.
 * CSS escapes hiding `url(`, and URL-bearing attributes other than `<img src>`, are dropped or
 * follow the image rule. The Chromium side (every request the corpus makes) is in
 * tests/e2e/xss-corpus.spec.ts.
 */
import createDOMPurify, { type WindowLike } from 'dompurify'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { sanitizePreviewHtml } from '../../../../src/shared/markdown'

const { window } = new JSDOM('<!doctype html><html><body></body></html>')
const purify = createDOMPurify(window as unknown as WindowLike)
const clean = (html: string) => sanitizePreviewHtml(html, purify)

describe('S5: inline styles cannot fetch, escaped or not', () => {
  it.each([
    ['escaped u', '<p style="background:\\75 rl(https://b.example/1)">x</p>'],
    ['escaped r', '<p style="background:u\\rl(https://b.example/2)">x</p>'],
    ['escaped paren', '<p style="background:url\\28 https://b.example/3)">x</p>'],
    ['comment inside', '<p style="background:url(/**/https://b.example/4)">x</p>'],
    ['image-set', '<p style="background:image-set(\'https://b.example/5\' 1x)">x</p>'],
    [
      '-webkit-image-set',
      '<p style="background:-webkit-image-set(url(https://b.example/6) 1x)">x</p>',
    ],
    ['cursor', '<p style="cursor:url(https://b.example/7),auto">x</p>'],
    ['list-style', '<ul style="list-style:url(https://b.example/8)"><li>x</li></ul>'],
    ['custom property', '<p style="--a:url(https://b.example/9)">x</p>'],
    ['entity paren', '<p style="background:url&#40;https://b.example/10)">x</p>'],
    ['svg fill', '<svg><rect fill="url(https://b.example/11#g)"/></svg>'],
    ['svg filter escaped', '<svg><rect filter="\\75 rl(https://b.example/12)"/></svg>'],
    ['svg style', '<svg><rect style="fill:u\\72 l(https://b.example/13)"/></svg>'],
  ])('%s', (_name, html) => {
    expect(clean(html)).not.toMatch(/b\.example/)
  })

  it('keeps harmless styles and local SVG references', () => {
    expect(clean('<p style="text-align:center;color:#c00">x</p>')).toContain(
      'style="text-align:center;color:#c00"',
    )
    expect(clean('<svg><rect fill="url(#g)"/></svg>')).toContain('fill="url(#g)"')
  })
})

describe('S5: URL-bearing attributes follow the image rule or go', () => {
  it.each([
    ['video poster relative', '<video poster="../../secret.png"></video>', 'secret'],
    ['video src', '<video src="https://b.example/v.mp4"></video>', 'b.example'],
    ['audio src', '<audio src="https://b.example/a.mp3"></audio>', 'b.example'],
    ['source src', '<video><source src="https://b.example/s.mp4"></video>', 'b.example'],
    ['track src', '<video><track src="https://b.example/t.vtt"></video>', 'b.example'],
    ['svg use external', '<svg><use href="https://b.example/u.svg#x"/></svg>', 'b.example'],
    ['svg image file', '<svg><image href="file:///etc/passwd"/></svg>', 'passwd'],
    ['input image relative', '<input type="image" src="../../x.png">', 'x.png'],
    ['blockquote cite', '<blockquote cite="https://b.example/c">q</blockquote>', 'b.example'],
    ['img longdesc', '<img src="https://e.jp/a.png" longdesc="https://b.example/l">', 'b.example'],
    ['img lowsrc', '<img src="https://e.jp/a.png" lowsrc="https://b.example/l">', 'b.example'],
    ['a ping', '<a href="https://e.jp/" ping="https://b.example/p">x</a>', 'b.example'],
  ])('%s', (_name, html, gone) => {
    expect(clean(html)).not.toContain(gone)
  })

  it('shows images where <img> would: poster, SVG image and input image from the web or the repository', () => {
    const out = clean(
      '<video poster="https://e.jp/p.png"></video><svg><image href="portal://asset/x/i.png"/></svg><input type="image" src="https://e.jp/i.png">',
    )
    expect(out).toContain('poster="https://e.jp/p.png"')
    expect(out).toContain('href="portal://asset/x/i.png"')
    expect(out).toContain('src="https://e.jp/i.png"')
  })
})
