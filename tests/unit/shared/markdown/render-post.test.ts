import { describe, expect, it } from 'vitest'
import { renderBody, renderPost } from '../../../../src/shared/markdown'
import { html, resolveImage, table } from './rows'

describe('images (P3)', () => {
  table([
    {
      name: 'a relative image goes through the resolver',
      md: '![図](images/a.png)\n',
      has: ['<img src="portal://asset/post/images/a.png" alt="図" />'],
    },
    {
      name: 'Japanese file names reach the resolver as written',
      md: '![図](画像.png)\n',
      has: ['src="portal://asset/post/画像.png"'],
    },
    {
      name: 'a refused image is a placeholder without its src',
      md: '![秘密](../../../secret.png)\n',
      has: [
        '<span class="pw-missing-image" title="画像を表示できません: ../../../secret.png">秘密</span>',
      ],
      not: ['<img', 'src='],
    },
    {
      name: 'absolute https images are kept',
      md: '![r](https://example.com/y.png)\n',
      has: ['<img src="https://example.com/y.png" alt="r" />'],
    },
    {
      name: 'other schemes are refused',
      md: '![s](smb://host/x.png)\n',
      has: ['pw-missing-image'],
      not: ['<img'],
    },
    {
      name: 'raw HTML images are resolved too',
      md: '<img src="images/b.png" alt="b" srcset="x 2x">\n',
      has: ['<img src="portal://asset/post/images/b.png" alt="b" />'],
      not: ['srcset'],
    },
    {
      name: 'raw HTML images outside the post become placeholders',
      md: '<img src="../../x.png" alt="x">\n',
      has: ['pw-missing-image'],
      not: ['<img'],
    },
  ])

  it('keeps relative sources as written when no resolver is given (command line)', () => {
    expect(renderBody('![a](images/a.png)\n', 0).html).toContain(
      '<img src="images/a.png" alt="a" />',
    )
  })
})

describe('raw HTML the kramdown way', () => {
  table([
    {
      name: 'a block element runs to its closing tag, across blank lines, unparsed',
      md: '<div>\n\n**x**\n\n</div>\n\n*after*\n',
      has: ['<div>\n\n**x**\n\n</div>', '<p><em>after</em></p>'],
    },
    {
      name: 'markdown="1" parses the content and drops the attribute',
      md: '<div class="note" markdown="1">\n**x**\n</div>\n',
      has: ['<div class="note">', '<strong>x</strong>'],
      not: ['markdown='],
    },
    {
      name: 'a tag kramdown does not recognise is text',
      md: '<img src=x onerror=alert(1)>\n',
      has: ['<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
      not: ['<img'],
    },
    {
      name: 'a block element inside a paragraph is text',
      md: 'text <div>x</div>\n',
      has: ['<p>text &lt;div&gt;x&lt;/div&gt;</p>'],
    },
    {
      name: 'a closing tag that closes nothing is text',
      md: '<b>c</b></i> d\n',
      has: ['<b>c</b>&lt;/i&gt; d'],
    },
    {
      name: 'span elements keep Markdown inside',
      md: '<span class="a">**b**</span>\n',
      has: ['<p><span class="a"><strong>b</strong></span></p>'],
    },
    {
      name: 'code, kbd and unknown inline tags keep their content raw',
      md: '<code>**x**</code> <kbd>*y*</kbd>\n',
      has: ['<code>**x**</code> <kbd>*y*</kbd>'],
    },
    {
      name: 'an unclosed inner element swallows the rest and stray closers show as text',
      md: '<div><p>text</div>\n\nafter\n\n</p>\n\nmore\n',
      has: ['<div><p>text&lt;/div&gt;\n\nafter\n\n</p>\n\nmore\n'],
    },
  ])
})

describe('typography (the blog’s kramdown options)', () => {
  table([
    {
      name: 'dashes, ellipsis and guillemets',
      md: 'a -- b --- c... << d >>\n',
      has: ['a – b — c… «\u00a0d\u00a0»'],
    },
    {
      name: 'straight quotes stay straight (the blog: smart_quotes apos,apos,quot,quot)',
      md: 'I said "hello" and it\'s ok\n',
      has: ['I said "hello" and it\'s ok'],
      not: ['“', '’'],
    },
    {
      name: 'a quote after Japanese text stays as typed',
      md: 'ましょう！"学生"とよく\n',
      has: ['ましょう！"学生"とよく'],
    },
    { name: 'never inside code', md: '`a -- "b"`\n', has: ['<code>a -- "b"</code>'] },
  ])
})

describe('lists', () => {
  table([
    {
      name: '1) is not a list marker in kramdown',
      md: '1) one\n2) two\n',
      has: ['<p>1) one\n2) two</p>'],
      not: ['<ol'],
    },
    {
      name: 'ordered lists always count from 1',
      md: '3. three\n4. four\n',
      has: ['<ol>\n<li>three</li>'],
      not: ['start='],
    },
    {
      name: 'changing the bullet keeps one list',
      md: '- a\n* b\n+ c\n',
      has: ['<ul>\n<li>a</li>\n<li>b</li>\n<li>c</li>\n</ul>'],
    },
    {
      name: 'task items get disabled checkboxes',
      md: '* [ ] todo\n* [x] done\n',
      has: [
        '<ul class="task-list">',
        '<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled="disabled" />todo</li>',
        'checked="checked" />done</li>',
      ],
    },
    { name: '[ ] outside a list is text', md: '[ ] not a task\n', has: ['<p>[ ] not a task</p>'] },
  ])
})

describe('links (S3, S9)', () => {
  table([
    {
      name: 'javascript: is not a link',
      md: '[x](javascript:alert(1))\n',
      not: ['<a'],
      has: ['x'],
    },
    {
      name: 'a tab hidden in the scheme is not a link',
      md: '[x](jav&#x09;ascript:alert(1))\n',
      not: ['<a'],
      has: ['x'],
    },
    { name: 'mixed case is not a link', md: '[x](JaVaScRiPt:alert(1))\n', not: ['<a'], has: ['x'] },
    {
      name: 'file:, smb: and custom schemes are not links',
      md: '[f](file:///etc/passwd) [s](smb://h/x) [c](custom:foo)\n',
      not: ['<a'],
      has: ['s c'],
    },
    {
      name: 'http(s), mailto, fragments and relative links stay links',
      md: '[a](https://x.jp) [m](mailto:a@b.jp) [h](#top) [r](../other/)\n',
      has: [
        '<a href="https://x.jp">a</a>',
        '<a href="mailto:a@b.jp">m</a>',
        '<a href="#top">h</a>',
        '<a href="../other/">r</a>',
      ],
    },
    {
      name: 'bare URLs are not linked (kramdown has no autolinking)',
      md: 'see https://example.com\n',
      has: ['<p>see https://example.com</p>'],
    },
  ])
})

describe('data-line (whole-file source lines)', () => {
  it('counts the front matter and marks every top-level block and list item', () => {
    const post = [
      '---', // 0
      'title: x', // 1
      '---', // 2
      '1. 目次', // 3
      '{:toc}', // 4
      '', // 5
      '## A', // 6
      '', // 7
      'para', // 8
      '', // 9
      '- one', // 10
      '- two', // 11
      '', // 12
      '```ruby', // 13
      'x', // 14
      '```', // 15
      '', // 16
      '| a |', // 17
      '', // 18
      '<div>raw</div>', // 19
      '', // 20
      '> quote', // 21
    ].join('\n')
    const out = renderPost(post).html
    expect(out).toContain('<ol id="markdown-toc" data-line="3">')
    expect(out).toContain('<h2 id="a" data-line="6">')
    expect(out).toContain('<p data-line="8">para</p>')
    expect(out).toContain(
      '<ul data-line="10">\n<li data-line="10">one</li>\n<li data-line="11">two</li>',
    )
    expect(out).toContain('<div class="language-ruby highlighter-rouge" data-line="13">')
    expect(out).toContain('<table data-line="17">')
    expect(out).toContain('<div data-line="19">raw</div>')
    expect(out).toContain('<blockquote data-line="21">')
    // Only top-level blocks: the quote's paragraph has none.
    expect(out).toContain('<blockquote data-line="21">\n<p>quote</p>')
  })

  it('is the same with CRLF line endings', () => {
    const out = renderPost('---\r\ntitle: x\r\n---\r\n\r\npara\r\n').html
    expect(out).toContain('<p data-line="4">para</p>')
  })

  it('starts at 0 without front matter, and a BOM changes nothing', () => {
    expect(renderPost('\uFEFFfirst\n\nsecond\n').html).toBe(
      '<p data-line="0">first</p>\n<p data-line="2">second</p>\n',
    )
  })
})

describe('headings list', () => {
  it('lists every heading with level, plain text, id and whole-file line', () => {
    const { headings } = renderPost(
      '---\ntitle: t\n---\n# 題\n\n## A **b** `c`\n\n### 日本語 見出し\n\n## A **b** `c`\n\n## !!!\n',
    )
    expect(headings).toEqual([
      { level: 1, text: '題', id: '題', line: 3 },
      { level: 2, text: 'A b c', id: 'a-b-c', line: 5 },
      { level: 3, text: '日本語 見出し', id: '日本語-見出し', line: 7 },
      { level: 2, text: 'A b c', id: 'a-b-c-1', line: 9 },
      { level: 2, text: '!!!', id: '', line: 11 },
    ])
  })
})

describe('headings list and raw HTML', () => {
  it('gives the outline the visible text: no tags, no script content (S7)', () => {
    const { headings } = renderPost(
      '## <script>alert(1)</script> 見出し <code>x</code> <span>y</span>\n',
    )
    expect(headings).toEqual([{ level: 2, text: '見出し x y', id: 'alert1-見出し-x-y', line: 0 }])
  })
})

describe('repeated renders (the editor renders on every keystroke)', () => {
  it('gives the same HTML as a first render after unrelated edits', () => {
    const base =
      '1. 目次\n{:toc}\n\n## A\n\n* [ ] task\n\n"quote" -- *em*\n\n![i](a.png)\n\nx[^1]\n\n[^1]: n\n'
    const first = renderBody(base, 0, { resolveImage }).html
    renderBody(`${base}\n[ ] task\n`, 0, { resolveImage })
    renderBody(base.replace('## A', '## B'), 0, { resolveImage })
    expect(renderBody(base, 0, { resolveImage }).html).toBe(first)
  })

  it('resolves images with the resolver of each render', () => {
    renderBody('![i](a.png)\n', 0, { resolveImage: () => 'portal://asset/one/a.png' })
    expect(
      renderBody('![i](a.png)\n', 0, { resolveImage: () => 'portal://asset/two/a.png' }).html,
    ).toContain('portal://asset/two/a.png')
  })

  it('follows link definitions that appear later', () => {
    expect(html('[r]\n')).toBe('<p>[r]</p>\n')
    expect(html('[r]\n\n[r]: https://r.jp\n')).toBe('<p><a href="https://r.jp">r</a></p>\n')
  })
})
