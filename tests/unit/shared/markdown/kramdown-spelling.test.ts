import { describe, expect, it } from 'vitest'
import { renderBody } from '../../../../src/shared/markdown'
import { resolveMarkdownSettings } from '../../../../src/shared/markdown/settings'
import { fidelityPosts } from './fidelity-corpus'
import { kramdownToHtml, rubyAvailable } from './kramdown'
import { randomPosts } from './random-post'

/**
 * The HTML as written, character for character, apart from whitespace between tags and the
 * preview's `data-line`: how entities, quotes and typographic symbols are spelled (issue 11,
 * `entity_output`), not only what the browser makes of them.
 */
const spelling = (html: string): string =>
  html
    .replace(/ data-line="\d+"/g, '')
    .replace(/>\s+</g, '><')
    .trim()

/** Inputs where the spelling depends on `entity_output` or on how kramdown escapes text. */
const SPELLING_CASES: string[] = [
  // Entities typed in the source: named, decimal, hex, escaped characters, Windows-1252 codes.
  'a &amp; b &copy; &#169; &#xA9; &quot;x&quot; &lt; &gt; &nbsp; &hellip; &#8217; &apos;\n',
  '&#38; &#x26; &AMP; &#150; &#x1F600; &eacute;&Eacute;\n',
  // Names kramdown does not know are text as typed.
  '&check; &foo; &NotANamedEntity; a & b\n',
  // Smart quotes and typographic symbols.
  'It\'s "q" -- --- ... << a >> b\n',
  "a 'b' c \"d\" 'e' \"'f'\" ''\n",
  '*It\'s* **"q"** [It\'s &copy; "l"](/x "t \'q\' &amp;")\n',
  '## It\'s &amp; "h" -- x\n\n* toc\n{:toc}\n',
  '| a "b" | c &copy; |\n|---|---|\n| It\'s | d -- e |\n',
  '> It\'s "q" &hellip; ...\n',
  // Issue 11, 9: characters kramdown leaves as they are and a stray `>` in text.
  'a ‹b› > c 「d」 e >> f\n',
  'a[^1]\n\n[^1]: It\'s "n" &copy; --\n',
  // Code keeps quotes as typed and never reads entities.
  '`a "b" & <c> &copy;` and "d"\n',
  '```\nx = "a" & \'b\' <c> &copy;\n```\n',
  '    x = "a" & \'b\'\n',
  // An image's alt is its label as typed.
  '![a *b* &copy; "q" -- \\[x\\] `c` &check;](/i.png) ![It\'s](/j.png)\n',
  // Text around raw HTML spans.
  'x <span title="t">&copy; a > b "c"</span> d\n',
  // Raw HTML written back as kramdown writes it: text escaped, attributes double-quoted, names of
  // HTML elements in lower case, empty elements closed; scripts, styles and comments as typed.
  '<div>a > b & c &copy; &foo; "q" \'s\'</div>\n',
  '<div class=x title=\'a "b"\' data-x=1 hidden>x</div>\n',
  '<DIV CLASS="a">x</DIV>\n\n<DiV>x</dIv>\n',
  '<div>\n<p>a > b</p>\n<script>if (a > b && c) {}</script>\n<style>a > b {}</style>\n<pre>a > b\n  c</pre>\n<textarea>a > b</textarea>\n</div>\n',
  '<iframe src="https://x/?a=1&b=2" allowfullscreen></iframe>\n',
  '<table><tr><td>a > b</td></tr></table>\n\n<div>\na < b\n</div>\n',
  '<div><!-- c > d --> x</div>\n\n<p>a</p>\n<p>b & c</p>\n',
  '<blockquote class="twitter-tweet"><p lang="ja">x &mdash; y</p>&mdash; z (@z) <a href="https://t.co/x?a=1&amp;b=2">May 1</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n',
  'x <span title="a > b" data-a=1>&copy; a > b</span> <span title=\'a\'>b</span>\n',
  '<svg viewBox="0 0 1 1"><linearGradient id="g"/><path d="M0 0"/></svg>\n',
  '<div>\n<img src="https://x/a.png"><br>\n<input type=checkbox checked>\n</div>\n',
  'x <KBD>a > b</KBD> <code>a & b</code>\n',
  // Raw images keep their values as typed too.
  '<div><img src="https://x/a.png?a=1&amp;b=2" alt="&copy; a & b" title=\'q "x"\' hidden></div>\n',
  'x <img src="https://x/a.png" alt="&copy; a & b"> y\n',
  "{::nomarkdown}\n<div title='a'>a > b</div>\n{:/nomarkdown}\n",
]

const OUTPUTS = ['as_char', 'as_input', 'numeric', 'symbolic'] as const
const QUOTES = ['apos,apos,quot,quot', 'lsquo,rsquo,ldquo,rdquo'] as const

describe.skipIf(!rubyAvailable)('entities are spelled as kramdown spells them', () => {
  for (const quotes of QUOTES)
    for (const output of OUTPUTS) {
      const markdown = resolveMarkdownSettings([
        { source: 'config.rb', options: { entity_output: output, smart_quotes: quotes } },
      ]).settings
      const blog = rubyAvailable ? kramdownToHtml(SPELLING_CASES, markdown) : []
      it.each(SPELLING_CASES.map((md, i) => [md, i] as const))(
        `entity_output ${output}, smart_quotes ${quotes}: %j`,
        (md, i) => {
          expect(spelling(renderBody(md, 0, { markdown }).html)).toBe(spelling(blog[i]!))
        },
      )
    }

  it('each setting spells some case differently (an ignored setting fails)', () => {
    const spelled = OUTPUTS.map((output) => {
      const markdown = resolveMarkdownSettings([
        { source: 'profile', options: { entity_output: output } },
      ]).settings
      return SPELLING_CASES.map((md) => spelling(renderBody(md, 0, { markdown }).html)).join('\n')
    })
    expect(new Set(spelled).size).toBe(OUTPUTS.length)
  })
})

/** Spelling without highlighting markup (highlight.js's spans are not Rouge's). */
const spellingOfText = (html: string): string =>
  spelling(html.replace(/<\/?span[^>]*>/g, '')).replace(/\n+/g, '\n')

describe.skipIf(!rubyAvailable)('generated posts are spelled as kramdown spells them', () => {
  const posts = [...randomPosts(7, 40), ...fidelityPosts(7, 40)]
  it.each([
    ['as_char', 'apos,apos,quot,quot'],
    ['as_char', 'lsquo,rsquo,ldquo,rdquo'],
    ['as_input', 'lsquo,rsquo,ldquo,rdquo'],
    ['numeric', 'lsquo,rsquo,ldquo,rdquo'],
    ['symbolic', 'apos,apos,quot,quot'],
  ])('entity_output %s, smart_quotes %s', (output, quotes) => {
    const markdown = resolveMarkdownSettings([
      { source: 'config.rb', options: { entity_output: output, smart_quotes: quotes } },
    ]).settings
    const blog = kramdownToHtml(posts, markdown)
    const differing = posts.filter(
      (md, i) => spellingOfText(renderBody(md, 0, { markdown }).html) !== spellingOfText(blog[i]!),
    )
    expect(differing).toEqual([])
  })
})
