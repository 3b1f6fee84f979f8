import { describe, expect, it } from 'vitest'
import {
  EXCERPT_LENGTH,
  excerptFromHtml,
  isCjk,
  plainTextFromHtml,
} from '../../../../src/shared/card/excerpt'

/** Code points of a string. */
const cp = (s: string) => [...s].length

describe('excerptFromHtml: PORTAL.md §2 rules', () => {
  const cases: Array<[rule: string, html: string, expected: string]> = [
    // Rule 2: blocks join with no separator.
    [
      'paragraph then heading',
      '<p>楽しみました！</p>\n<h2 id="x">Kaigi on Rails とは</h2>\n',
      '楽しみました！Kaigi on Rails とは',
    ],
    [
      'ASCII blocks also join without a space',
      '<h2>Intro</h2>\n<p>Hello world.</p>\n<p>Next</p>',
      'IntroHello world.Next',
    ],
    ['list items join', '<ul>\n<li>one</li>\n<li>two</li>\n</ul>', 'onetwo'],
    [
      'blockquote and hr',
      '<blockquote>\n<p>quoted</p>\n</blockquote>\n<hr>\n<p>after</p>',
      'quotedafter',
    ],
    ['raw HTML div blocks', '<div class="note">\n  <p>注意</p>\n  <p>です</p>\n</div>', '注意です'],
    // Rule 3: one space before a nested list; siblings not separated.
    [
      'nested list after parent text',
      '<ol id="markdown-toc">\n<li><a href="#a">登壇者のレポート</a>\n<ol>\n<li><a href="#b">yumu</a></li>\n</ol>\n</li>\n<li><a href="#c">登壇を終えて</a></li>\n</ol>',
      '登壇者のレポート yumu登壇を終えて',
    ],
    [
      'nested list with several children',
      '<ul>\n<li>CUPOLA QUESTの詳細\n<ul>\n<li>taki</li>\n<li>Jonny</li>\n</ul>\n</li>\n<li>結果</li>\n</ul>',
      'CUPOLA QUESTの詳細 takiJonny結果',
    ],
    [
      'loose nested list',
      '<ul>\n<li>\n<p>parent</p>\n<ul>\n<li>child</li>\n</ul>\n</li>\n</ul>',
      'parent child',
    ],
    // Rule 4: one space after each table cell.
    [
      'table cells',
      '<table>\n<thead>\n<tr>\n<th>判断軸</th>\n<th>分離推奨</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>低</td>\n<td>中</td>\n</tr>\n</tbody>\n</table>\n<h3>1. ビジネス</h3>',
      '判断軸 分離推奨 低 中 1. ビジネス',
    ],
    [
      'empty cell collapses with the next space',
      '<table><tr><td>a</td><td></td><td>b</td></tr></table>',
      'a b ',
    ],
    [
      'a post ending in a table ends with its space',
      '<p>x</p><table><tr><td>last</td></tr></table>',
      'xlast ',
    ],
    // Rule 5: line breaks vanish next to CJK, else one space.
    ['soft break between CJK', '<p>今年も\nペパボは</p>', '今年もペパボは'],
    ['soft break with CJK before', '<p>参加しました\nKaigi</p>', '参加しましたKaigi'],
    ['soft break with CJK after', '<p>Kaigi\nに参加</p>', 'Kaigiに参加'],
    ['soft break between Latin', '<p>foo\nbar</p>', 'foo bar'],
    ['full-width punctuation counts as CJK', '<p>（続き）\nabc</p>', '（続き）abc'],
    [
      '<br> between CJK',
      '<p>すっかり上げ忘れてました<br>\n昨日の</p>',
      'すっかり上げ忘れてました昨日の',
    ],
    ['<br> between Latin', '<p>abc<br>def<br />ghi</p>', 'abc def ghi'],
    [
      'code block line breaks, Latin',
      '<pre><code class="language-js">const a = 1\n  return a\n</code></pre>',
      'const a = 1 return a',
    ],
    ['code block line breaks, CJK', '<pre><code>あいう\nえお\n</code></pre>', 'あいうえお'],
    [
      'code block then paragraph',
      '<pre><code>{"msg":"Bye!"}\n</code></pre>\n<p>これ以外には</p>',
      '{"msg":"Bye!"}これ以外には',
    ],
    // Rule 6: images nothing; link text and inline code are text; script/style ignored; entities decoded.
    [
      'images contribute nothing',
      '<p><img src="a.png" alt="スクリーンショット">図のように</p>',
      '図のように',
    ],
    [
      'the preview’s missing-image placeholder is an image too',
      '<p><span class="pw-missing-image" title="画像を表示できません: a.png">会場の様子</span>本文</p>',
      '本文',
    ],
    [
      'link text and inline code',
      '<p>see <a href="https://x">the docs</a> and <code>npm ci</code></p>',
      'see the docs and npm ci',
    ],
    [
      'entities decoded',
      '<p>JPタワー ホール&amp;カンファレンス &mdash; &lt;b&gt; &#x1F600;</p>',
      'JPタワー ホール&カンファレンス — <b> 😀',
    ],
    [
      'script and style ignored',
      '<p>a</p><script>var x = "hidden"</script><style>p{color:red}</style><p>b</p>',
      'ab',
    ],
    [
      'tweet embed: no space between blockquote and script',
      '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">きたよ！<a href="x">#golangtokyo</a></p>&mdash; the よしだ (@theyoshida3) <a href="y">September 29, 2025</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n<p>竹田さんによる</p>',
      'きたよ！#golangtokyo— the よしだ (@theyoshida3) September 29, 2025竹田さんによる',
    ],
    ['whitespace-only text between blocks dropped', '<p>a</p>   \n\n  <p>b</p>', 'ab'],
    ['whitespace at block edges dropped', '<p>  lead and trail  </p><p> x </p>', 'lead and trailx'],
    // Rule 7: runs of spaces collapse.
    ['spaces collapse', '<p>a    b \t c</p>', 'a b c'],
    ['nbsp and ideographic space are spaces', '<p>a&nbsp;&nbsp;b\u3000\u3000c</p>', 'a b c'],
    [
      'space between inline elements kept',
      '<p><strong>太字</strong> <em>斜体</em></p>',
      '太字 斜体',
    ],
    [
      'inline element boundary adds nothing',
      '<p>これは<strong>「重要」</strong>です</p>',
      'これは「重要」です',
    ],
    ['footnote reference is text', '<p>本文<sup><a href="#fn:1">1</a></sup>続き</p>', '本文1続き'],
    ['empty document', '', ''],
    ['only markup', '<p><img src="a.png"></p><hr>', ''],
  ]
  it.each(cases)('%s', (_rule, html, expected) => {
    expect(excerptFromHtml(html)).toBe(expected)
  })
})

describe('the 1000-code-point cut', () => {
  it('keeps exactly the first 1000 code points of a longer text', () => {
    const text = 'あ'.repeat(600) + 'い'.repeat(600)
    const out = excerptFromHtml(`<p>${text}</p>`)
    expect(cp(out)).toBe(EXCERPT_LENGTH)
    expect(out).toBe('あ'.repeat(600) + 'い'.repeat(400))
  })

  it('counts an astral character (emoji, rare kanji) as one and never halves it', () => {
    const text = '😀'.repeat(999) + '𩸽𩸽'
    const out = excerptFromHtml(`<p>${text}</p>`)
    expect(cp(out)).toBe(1000)
    expect(out.length).toBe(2000)
    expect(out.endsWith('𩸽')).toBe(true)
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out)).toBe(
      false,
    )
  })

  it('cuts across block boundaries and inside a separator space', () => {
    const out = excerptFromHtml(`<p>${'x'.repeat(999)}</p><p>yz</p>`)
    expect(out).toBe('x'.repeat(999) + 'y')
    const spaced = excerptFromHtml(`<p>${'x'.repeat(999)}\nabc</p>`)
    expect(spaced).toBe('x'.repeat(999) + ' ')
  })

  it('reports whether the post has more text than the excerpt', () => {
    expect(plainTextFromHtml('<p>short</p>').truncated).toBe(false)
    expect(plainTextFromHtml(`<p>${'a'.repeat(1000)}</p>`).truncated).toBe(false)
    expect(plainTextFromHtml(`<p>${'a'.repeat(1000)}</p><p>b</p>`).truncated).toBe(true)
    expect(plainTextFromHtml(`<p>${'a'.repeat(1001)}</p>`).truncated).toBe(true)
  })

  it('turns lone surrogates into U+FFFD so the excerpt is always well-formed', () => {
    const out = excerptFromHtml('<p>a\uD800b\uDC00c</p>')
    expect(out).toBe('a\uFFFDb\uFFFDc')
  })

  it('stops reading a huge post once the excerpt is full', () => {
    const huge = '<p>' + 'かきくけこ'.repeat(400) + '</p>' + '<p>tail</p>'.repeat(200_000)
    const started = performance.now()
    const out = excerptFromHtml(huge)
    const ms = performance.now() - started
    expect(cp(out)).toBe(1000)
    // 2.2 MB of HTML after the cut: reading it all takes far longer than this.
    expect(ms).toBeLessThan(50)
  })
})

describe('plainTextFromHtml ranges', () => {
  it('marks the table of contents and code stretches in UTF-16 offsets', () => {
    const plain = plainTextFromHtml(
      '<p>導入</p><ol id="markdown-toc"><li><a href="#a">見出し</a></li></ol><p>本文 <code>npm ci</code> です</p>',
    )
    expect(plain.text).toBe('導入見出し本文 npm ci です')
    const toc = plain.ranges.find((r) => r.source === 'toc')!
    const code = plain.ranges.find((r) => r.source === 'code')!
    expect(plain.text.slice(toc.start, toc.end)).toBe('見出し')
    expect(plain.text.slice(code.start, code.end)).toContain('npm ci')
  })
})

describe('isCjk', () => {
  it.each([
    ['あ', true],
    ['ア', true],
    ['漢', true],
    ['、', true],
    ['！', true],
    ['ｱ', true],
    ['𩸽', true],
    ['a', false],
    ['1', false],
    ['!', false],
    ['한', false],
    ['—', false],
  ])('%s → %s', (ch, expected) => {
    expect(isCjk(ch)).toBe(expected)
  })
})
