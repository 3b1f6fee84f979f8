import createDOMPurify, { type WindowLike } from 'dompurify'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import {
  PREVIEW_SANITIZE_CONFIG,
  embedHost,
  renderPost,
  sanitizePreviewFragment,
  sanitizePreviewHtml,
  installPreviewHooks,
} from '../../../../src/shared/markdown'

const { window } = new JSDOM('<!doctype html><html><body></body></html>')
const purify = createDOMPurify(window as unknown as WindowLike)
const resolveImage = (src: string) => (src.includes('..') ? null : `portal://asset/post/${src}`)

/** What the preview shows for a post body: rendered, then sanitized. */
function preview(md: string): string {
  return sanitizePreviewHtml(renderPost(md, { resolveImage }).html, purify)
}

/** The same without scroll-sync attributes (tested elsewhere). */
function previewText(md: string): string {
  return preview(md).replace(/ data-line="\d+"/g, '')
}

function parse(html: string): Document {
  const doc = window.document.implementation.createHTMLDocument('')
  doc.body.innerHTML = html
  return doc
}

const DANGEROUS_TAGS =
  'script, iframe, frame, embed, object, meta, base, form, style, link, foreignObject, template'
const BAD_URL = /^(?:javascript|vbscript|file|smb|data:text|custom):/i

/** Everything in the sanitized HTML that could run code, load a frame, navigate or open a window. */
function dangers(html: string): string[] {
  const doc = parse(html)
  const found: string[] = []
  for (const el of doc.body.querySelectorAll(DANGEROUS_TAGS))
    found.push(`<${el.nodeName.toLowerCase()}>`)
  for (const el of doc.body.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join('')
      if (/^on/i.test(attr.name)) found.push(`${attr.name}=`)
      if (attr.name === 'target') found.push('target=')
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster'].includes(
          attr.name,
        ) &&
        BAD_URL.test(value)
      )
        found.push(`${attr.name}=${value}`)
    }
  }
  return found
}

interface Row {
  id: string
  name: string
  md: string
  /** Text or markup that must still be there (the harmless part). */
  keeps: string[]
  /** Extra fragments that must be gone. */
  removes?: string[]
}

const rows: Row[] = [
  {
    id: 'S1',
    name: 'img onerror as kramdown reads it (unquoted: text)',
    md: 'a <img src=x onerror=alert(1)> b',
    keeps: ['a &lt;img src=x onerror=alert(1)&gt; b'],
  },
  {
    id: 'S1',
    name: 'img onerror, quoted',
    md: '<img src="https://example.com/a.png" onerror="alert(1)" alt="ok">',
    keeps: ['<img src="https://example.com/a.png" alt="ok">'],
    removes: ['onerror'],
  },
  {
    id: 'S1',
    name: 'relative img with a handler',
    md: '<img src="a.png" onerror="alert(1)">',
    keeps: ['src="portal://asset/post/a.png"'],
    removes: ['onerror'],
  },
  {
    id: 'S2',
    name: 'iframe srcdoc',
    md: 'before\n\n<iframe srcdoc="<script>parent.portal.x()</script>"></iframe>\n\nafter',
    keeps: ['<p>before</p>', '<p>after</p>', 'class="pw-embed"'],
    removes: ['srcdoc', 'portal.x'],
  },
  {
    id: 'S2',
    name: 'iframe inside svg',
    md: '<svg><iframe src="https://evil.example"></iframe><circle r="1"></circle></svg>',
    keeps: ['<circle r="1">'],
    removes: ['src="https://evil'],
  },
  {
    id: 'S2',
    name: 'iframe inside ruby/rt (text to kramdown)',
    md: '<ruby>漢<rt><iframe src="https://evil.example"></iframe></rt></ruby>',
    keeps: ['<ruby>漢<rt>'],
  },
  { id: 'S3', name: 'javascript: link', md: '[x](javascript:alert(1))', keeps: ['x'] },
  {
    id: 'S3',
    name: 'tab-split scheme in Markdown',
    md: '[click](jav&#x09;ascript:alert(1))',
    keeps: ['click'],
    removes: ['<a'],
  },
  {
    id: 'S3',
    name: 'tab-split scheme in HTML',
    md: '<a href="jav&#x09;ascript:alert(1)">click</a>',
    keeps: ['click'],
    removes: ['href'],
  },
  {
    id: 'S3',
    name: 'mixed case scheme in HTML',
    md: '<a href="JaVaScRiPt:alert(1)">click</a>',
    keeps: ['click'],
    removes: ['href'],
  },
  {
    id: 'S4',
    name: 'svg onload',
    md: '<svg onload="alert(1)"><circle r="5"></circle></svg>',
    keeps: ['<svg', '<circle r="5">'],
    removes: ['onload'],
  },
  {
    id: 'S4',
    name: 'svg foreignObject',
    md: '<svg><foreignObject><p>x</p></foreignObject><rect width="1"></rect></svg>',
    keeps: ['<rect width="1">'],
  },
  {
    id: 'S4',
    name: 'svg script',
    md: '<svg><script>alert(1)</script><rect width="2"></rect></svg>',
    keeps: ['<rect width="2">'],
    removes: ['alert'],
  },
  { id: 'S5', name: 'embed', md: 'text\n\n<embed src="x.swf">', keeps: ['<p>text</p>'] },
  {
    id: 'S5',
    name: 'object',
    md: 'text\n\n<object data="x.swf"></object>',
    keeps: ['<p>text</p>'],
  },
  {
    id: 'S5',
    name: 'meta refresh',
    md: 'text\n\n<meta http-equiv="refresh" content="0;url=https://evil.example">',
    keeps: ['<p>text</p>'],
    removes: ['refresh'],
  },
  {
    id: 'S5',
    name: 'base href',
    md: 'text\n\n<base href="https://evil.example/">',
    keeps: ['<p>text</p>'],
    removes: ['evil'],
  },
  {
    id: 'S5',
    name: 'form action',
    md: '<form action="https://evil.example"><label>名前</label></form>',
    keeps: ['名前'],
    removes: ['evil'],
  },
  {
    id: 'S5',
    name: 'style element',
    md: 'text\n\n<style>body{display:none}</style>',
    keeps: ['<p>text</p>'],
    removes: ['display:none'],
  },
  {
    id: 'S6',
    name: 'HTML in a code info string',
    md: '```<style/onload=alert(1)>\nx\n```',
    keeps: ['<code class="language-<style/onload=alert(1)>">x'],
  },
  {
    id: 'S7',
    name: 'script in a heading feeding the TOC',
    md: '1. 目次\n{:toc}\n\n## <script>alert(1)</script> 見出し',
    keeps: ['id="markdown-toc-alert1-見出し"', '見出し</h2>'],
    removes: ['alert(1)'],
  },
  {
    id: 'S9',
    name: 'target=_blank',
    md: '<a href="https://example.com" target="_blank">ok</a>',
    keeps: ['<a href="https://example.com">ok</a>'],
  },
  {
    id: 'S9',
    name: 'file:, smb: and custom schemes in HTML',
    md: '<a href="file:///etc/passwd">f</a> <a href="smb://h/x">s</a> <a href="custom:x">c</a>',
    keeps: ['<a>f</a> <a>s</a> <a>c</a>'],
  },
  {
    id: 'S9',
    name: 'allowed links stay',
    md: '<a href="mailto:a@b.jp">m</a> <a href="#fn:1">h</a> <a href="../x/">r</a>',
    keeps: ['href="mailto:a@b.jp"', 'href="#fn:1"', 'href="../x/"'],
  },
]

describe('sanitizer payloads (RELIABILITY.md S1–S9)', () => {
  it.each(rows.map((r) => [`${r.id} ${r.name}`, r] as const))('%s', (_name, row) => {
    const out = previewText(row.md)
    expect(dangers(out)).toEqual([])
    for (const fragment of row.keeps) expect(out).toContain(fragment)
    for (const fragment of row.removes ?? []) expect(out).not.toContain(fragment)
  })
})

describe('embeds and images in the preview', () => {
  it('replaces an iframe by a box naming its host, keeping its scroll-sync line', () => {
    const out = preview(
      'para\n\n<iframe width="560" src="https://www.youtube.com/embed/abc" allowfullscreen></iframe>',
    )
    expect(out).toContain(
      '<div class="pw-embed" data-host="www.youtube.com" data-service="YouTube" data-line="2">埋め込み（プレビューでは表示しません）: YouTube<a href="https://www.youtube.com/watch?v=abc" class="pw-embed-link">https://www.youtube.com/watch?v=abc</a></div>',
    )
  })

  it('shows a tweet embed as its blockquote, without the script', () => {
    const tweet =
      '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">投稿をありがとうございます!</p>&mdash; the よしだ (@theyoshida3) <a href="https://twitter.com/theyoshida3/status/1">September 1, 2021</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>'
    const out = preview(tweet)
    expect(out).toContain(
      '<blockquote data-line="0" class="twitter-tweet"><p lang="ja" dir="ltr">投稿をありがとうございます!</p>— the よしだ (@theyoshida3) <a href="https://twitter.com/theyoshida3/status/1">September 1, 2021</a></blockquote>',
    )
    expect(out).not.toContain('platform.twitter.com')
  })

  it('P3: never loads a relative image source that reaches the sanitizer unresolved', () => {
    const out = sanitizePreviewHtml('<p><img src="../../../secret.png" alt="秘密"></p>', purify)
    expect(out).toBe(
      '<p><span class="pw-missing-image" title="画像を表示できません: ../../../secret.png">秘密</span></p>',
    )
  })

  it('keeps repository images (portal:) and web images, drops local media and CSS urls', () => {
    const out = sanitizePreviewHtml(
      '<img src="portal://asset/p/a.png"><img src="https://e.jp/b.png"><video src="../x.mp4" poster="x.png"></video><div style="background:url(../../x.png)">s</div><p style="text-align:center">c</p>',
      purify,
    )
    expect(out).toContain('<img src="portal://asset/p/a.png">')
    expect(out).toContain('<img src="https://e.jp/b.png">')
    expect(out).toContain('<video></video>')
    expect(out).toContain('<div>s</div>')
    expect(out).toContain('<p style="text-align:center">c</p>')
  })

  it('keeps heading ids that name document properties, so TOC links work', () => {
    const out = preview('## Images\n\n## Fonts\n')
    expect(out).toContain('<h2 id="images" data-line="0">Images</h2>')
    expect(out).toContain('<h2 id="fonts" data-line="2">Fonts</h2>')
  })

  it('keeps what the pipeline produces: ids, classes, footnotes, task boxes, tables, highlighting', () => {
    const md = '* [x] done\n\n| a |\n|:-:|\n| b |\n\nx[^1]\n\n[^1]: n\n\n```ruby\nputs 1\n```\n'
    const raw = renderPost(md).html
    expect(sanitizePreviewHtml(raw, purify)).toBe(parse(raw).body.innerHTML)
  })
})

describe('S8: pasted HTML', () => {
  it('keeps the text and drops the payload', () => {
    const pasted =
      '<meta charset="utf-8"><b style="font-weight:normal" onclick="alert(1)">太字</b><img src=x onerror="parent.portal.deleteAll()"><a href="javascript:void(0)">link</a>'
    const out = sanitizePreviewHtml(pasted, purify)
    expect(dangers(out)).toEqual([])
    expect(out).toContain('太字')
    expect(out).toContain('<a>link</a>')
    expect(out).not.toContain('portal.deleteAll')
  })
})

describe('sanitizer API', () => {
  it('leaves no hooks behind on the instance', () => {
    sanitizePreviewHtml('<iframe src="https://a.jp"></iframe>', purify)
    expect(
      purify.sanitize('<iframe src="https://a.jp"></iframe><p>x</p>', PREVIEW_SANITIZE_CONFIG),
    ).toBe('<p>x</p>')
  })

  it('gives a fragment with the same content as the string form', () => {
    const html = renderPost('<iframe src="//www.youtube.com/embed/x"></iframe>\n\n*ok*\n').html
    const fragment = sanitizePreviewFragment(html, purify) as DocumentFragment
    const holder = window.document.createElement('div')
    holder.append(fragment)
    expect(holder.innerHTML).toBe(sanitizePreviewHtml(html, purify))
  })

  it('lets the renderer install the hooks itself and remove them again', () => {
    const remove = installPreviewHooks(purify)
    expect(
      purify.sanitize(
        '<iframe src="https://player.vimeo.com/v"></iframe>',
        PREVIEW_SANITIZE_CONFIG,
      ),
    ).toContain('data-host="player.vimeo.com"')
    remove()
    expect(
      purify.sanitize(
        '<iframe src="https://player.vimeo.com/v"></iframe>',
        PREVIEW_SANITIZE_CONFIG,
      ),
    ).toBe('')
  })

  it.each([
    ['https://www.youtube.com/embed/x', 'www.youtube.com'],
    ['//platform.twitter.com/x', 'platform.twitter.com'],
    ['https://user@Example.COM:8443/x', 'example.com'],
    ['/relative', ''],
    [null, ''],
  ])('embedHost(%s) is %s', (src, host) => {
    expect(embedHost(src)).toBe(host)
  })
})

describe('HTML comments (kramdown keeps them; issue 11)', () => {
  it('keeps a comment between blocks and one inside a paragraph, in both forms', () => {
    const md = '<!-- 編集メモ: 後で直す -->\n\n本文 <!-- inline note --> です。\n'
    const out = previewText(md)
    expect(out).toContain('<!-- 編集メモ: 後で直す -->')
    expect(out).toContain('本文 <!-- inline note --> です。')
    const fragment = sanitizePreviewFragment(renderPost(md).html, purify)
    const comments: string[] = []
    const walker = window.document.createTreeWalker(fragment, 128 /* SHOW_COMMENT */)
    while (walker.nextNode()) comments.push((walker.currentNode as Comment).data)
    expect(comments).toEqual([' 編集メモ: 後で直す ', ' inline note '])
  })

  // Comments that hold markup or could end early when the output is parsed again (mXSS) go.
  it.each([
    ['markup in a comment', '<!-- <img src=x onerror=alert(1)> -->', '<img'],
    [
      'a closing tag in a comment',
      '<div><!-- </div><img src=x onerror=alert(1)> --></div>',
      '<img',
    ],
    ['--!> ends a comment early', '<!-- a --!> <img src=x onerror=alert(1)> -->', 'onerror'],
    ['an abrupt <!--> comment', '<!--><img src=x onerror=alert(1)>-->', 'onerror'],
    ['an abrupt <!---> comment', '<!---><img src=x onerror=alert(1)>-->', 'onerror'],
    ['a comment in SVG', '<svg><!--</svg><img src=x onerror=alert(1)>--></svg>', 'onerror'],
    ['a comment in MathML', '<math><!--</math><img src=x onerror=alert(1)>--></math>', 'onerror'],
    [
      'a comment in a noscript title',
      '<noscript><!--</noscript><img src=x onerror=alert(1)>--></noscript>',
      'onerror',
    ],
  ])('%s: inert, and the same when sanitized again', (_name, md, gone) => {
    const out = preview(md)
    expect(dangers(out)).toEqual([])
    expect(out).not.toContain(gone)
    expect(sanitizePreviewHtml(out, purify)).toBe(out)
  })
})
