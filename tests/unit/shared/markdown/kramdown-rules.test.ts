import { describe } from 'vitest'
import { table } from './rows'

describe('table of contents ({:toc})', () => {
  table([
    {
      name: 'an ordered marker becomes an ordered TOC with h3 nested under their h2',
      md: '1. 目次\n{:toc}\n\n## はじめに\n\n### 背景\n\n## まとめ\n',
      has: [
        '<ol id="markdown-toc">',
        '<li><a href="#はじめに" id="markdown-toc-はじめに">はじめに</a>\n<ol>\n<li><a href="#背景" id="markdown-toc-背景">背景</a></li>\n</ol>\n</li>',
        '<li><a href="#まとめ" id="markdown-toc-まとめ">まとめ</a></li>',
      ],
      not: ['目次'],
    },
    {
      name: 'a bullet marker gives a bullet TOC',
      md: '* 目次\n{:toc}\n\n## A\n',
      has: ['<ul id="markdown-toc">', '<a href="#a" id="markdown-toc-a">A</a>'],
      not: ['<ol'],
    },
    {
      name: 'only h2 and h3 are listed (toc_levels 2..3)',
      md: '1. 目次\n{:toc}\n\n# Title\n\n## Two\n\n#### Four\n',
      has: ['href="#two"'],
      not: ['href="#title"', 'href="#four"'],
    },
    {
      name: 'the TOC appears where the marker is, not at the top',
      md: 'Intro\n\n1. 目次\n{:toc}\n\n## A\n',
      has: ['<p>Intro</p>\n<ol id="markdown-toc">'],
    },
    {
      name: 'a second {:toc} list stays an ordinary list',
      md: '1. 目次\n{:toc}\n\n## A\n\n1. 二つ目\n{:toc}\n',
      has: ['<ol id="markdown-toc">', '<li>二つ目</li>'],
    },
    {
      name: 'a post without h2/h3 shows no TOC at all',
      md: '1. 目次\n{:toc}\n\ntext\n',
      has: ['<p>text</p>'],
      not: ['markdown-toc', '目次'],
    },
    {
      name: 'S7: a heading holding <script> gives text only in the TOC',
      md: '1. 目次\n{:toc}\n\n## <script>alert(1)</script> 見出し\n',
      has: ['id="markdown-toc-alert1-見出し"> 見出し</a>'],
      not: ['markdown-toc-alert1-見出し"><script'],
    },
    {
      name: 'TOC entries keep Markdown formatting but drop links and footnote markers',
      md: '1. 目次\n{:toc}\n\n## [link](http://x) **b** `c`[^1]\n\n[^1]: note\n',
      has: ['id="markdown-toc-link-b-c">link <strong>b</strong> <code>c</code></a>'],
      not: ['markdown-toc-link-b-c"><a href="http://x"'],
    },
  ])
})

describe('heading ids (kramdown GFM)', () => {
  table([
    {
      name: 'lower-cased, punctuation dropped, spaces to -',
      md: '## Hello, World! (v2.0)\n',
      has: ['<h2 id="hello-world-v20">'],
    },
    {
      name: 'Japanese kept, Japanese punctuation dropped',
      md: '## 「かっこ」と、句読点。\n',
      has: ['<h2 id="かっこと句読点">'],
    },
    {
      name: 'duplicates get -1, -2',
      md: '## 重複\n\n## 重複\n\n### 重複\n',
      has: ['id="重複"', 'id="重複-1"', 'id="重複-2"'],
    },
    {
      name: 'an explicit {#id} wins and is not shown',
      md: '## Foo {#my-id}\n',
      has: ['<h2 id="my-id">Foo</h2>'],
      not: ['{#'],
    },
    { name: 'a heading of only punctuation gets no id', md: '## !!!\n', has: ['<h2>!!!</h2>'] },
    {
      name: 'typographic dashes do not appear in ids',
      md: '## a -- b\n',
      has: ['<h2 id="a--b">a – b</h2>'],
    },
  ])
})

describe('attribute lists', () => {
  table([
    {
      name: '{: .class} under a paragraph',
      md: 'para\n{: .note}\n',
      has: ['<p class="note">para</p>'],
      not: ['{:'],
    },
    {
      name: '{:#id} under a heading replaces its id',
      md: '## Head\n{:#custom}\n',
      has: ['<h2 id="custom">Head</h2>'],
    },
    {
      name: 'class, id and key="v" together',
      md: 'p\n{: .a .b #c key="v"}\n',
      has: ['class="a b"', 'id="c"', 'key="v"'],
      not: ['{:'],
    },
    {
      name: 'above a block it applies to that block',
      md: '{: .before}\npara\n',
      has: ['<p class="before">para</p>'],
    },
    {
      name: 'after a blank line it applies to the next block',
      md: 'one\n\n{: .next}\n\ntwo\n',
      has: ['<p>one</p>', '<p class="next">two</p>'],
    },
    {
      name: 'under a list it applies to the list',
      md: '* a\n* b\n{: .lst}\n',
      has: ['<ul class="lst">'],
    },
    {
      name: 'under a table it applies to the table',
      md: '| a | b |\n{: .tbl}\n',
      has: ['<table class="tbl">'],
    },
    {
      name: 'under a fence it applies to the code block',
      md: '```ruby\nx\n```\n{: .code}\n',
      has: ['class="language-ruby code highlighter-rouge"'],
    },
    {
      name: 'in the middle of a paragraph it ends it',
      md: 'a\n{: .x}\nb\n',
      has: ['<p class="x">a</p>', '<p>b</p>'],
    },
    {
      name: 'a trailing list with nothing after vanishes',
      md: 'p\n\n{: .end}\n',
      has: ['<p>p</p>'],
      not: ['{:', 'end'],
    },
    {
      name: 'an unknown reference vanishes',
      md: 'p\n{: unknown}\n',
      has: ['<p>p</p>'],
      not: ['unknown'],
    },
    {
      name: 'a definition applies through its name',
      md: '{:warn: .warning}\npara\n{: warn}\n',
      has: ['<p class="warning">para</p>'],
      not: ['warn:'],
    },
    {
      name: '{::options …/} vanishes',
      md: '{::options parse_block_html="true" /}\n\ntext\n',
      has: ['<p>text</p>'],
      not: ['options'],
    },
    {
      name: '{::comment} becomes an HTML comment, as kramdown writes it (never shown)',
      md: '{::comment}\nsecret\n{:/comment}\nshown\n',
      has: ['<!-- secret -->\n', '<p>shown</p>'],
      not: ['<p>secret'],
    },
    {
      name: 'span lists apply to emphasis',
      md: 'A *em*{: .x} and **st**{:#y} z\n',
      has: ['<em class="x">em</em>', '<strong id="y">st</strong>'],
      not: ['{:'],
    },
    {
      name: 'a span list after plain text stays text (as on the blog)',
      md: 'para {: .inline}\n',
      has: ['<p>para {: .inline}</p>'],
    },
  ])
})

describe('emphasis around Japanese punctuation', () => {
  table([
    {
      name: 'これは**「重要」**です',
      md: 'これは**「重要」**です\n',
      has: ['これは<strong>「重要」</strong>です'],
    },
    {
      name: '前回の**（続き）**です',
      md: '前回の**（続き）**です\n',
      has: ['前回の<strong>（続き）</strong>です'],
    },
    { name: 'emphasis ending in 。', md: '**重要。**次\n', has: ['<strong>重要。</strong>次'] },
    {
      name: 'ASCII punctuation before the closing marker',
      md: '**foo(bar)**baz\n',
      has: ['<strong>foo(bar)</strong>baz'],
    },
    {
      name: '*** is strong outside em',
      md: '***both***\n',
      has: ['<strong><em>both</em></strong>'],
    },
    { name: 'spaced asterisks stay text', md: '2 * 3 * 4\n', has: ['<p>2 * 3 * 4</p>'] },
    {
      name: 'underscores inside words stay text',
      md: 'snake_case_name と 日本_語_です\n',
      has: ['snake_case_name と 日本_語_です'],
    },
    { name: '~~ is <del>', md: '~~消し線~~です\n', has: ['<del>消し線</del>です'] },
  ])
})

describe('tables', () => {
  table([
    {
      name: 'a GFM table with header and alignment',
      md: '| a | b |\n|:--|:-:|\n| c | d |\n',
      has: [
        '<thead>\n<tr>\n<th style="text-align: left">a</th>',
        '<td style="text-align: center">d</td>',
      ],
    },
    {
      name: 'rows without a separator are a table with a body only',
      md: '| a | b |\n| c | d |\n',
      has: ['<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n<tr>\n<td>c</td>'],
      not: ['<thead>', '<p>'],
    },
    {
      name: 'a line with a pipe is a table even without outer pipes',
      md: 'foo | bar\n',
      has: ['<td>foo</td>\n<td>bar</td>'],
    },
    {
      name: 'short rows are padded with empty cells',
      md: '| a | b |\n| c |\n',
      has: ['<td>c</td>\n<td>\u00a0</td>'],
    },
    {
      name: 'pipes inside code and escaped pipes stay in the cell',
      md: '| a | `x|y` | c\\|d |\n',
      has: ['<td><code>x|y</code></td>', '<td>c|d</td>'],
    },
    {
      name: 'a --- line inside the body starts a new body; === starts the footer',
      md: '|a|\n|-|\n|b|\n|---|\n|c|\n|===|\n|d|\n',
      has: ['</tbody>\n<tbody>', '<tfoot>\n<tr>\n<td>d</td>'],
    },
    {
      name: 'a table directly under a heading (no blank line) is text on the blog',
      md: '## 見出し\n| a | b |\n|---|---|\n| c | d |\n',
      has: ['<p>| a | b |\n|—|—|\n| c | d |</p>'],
      not: ['<table'],
    },
    {
      name: 'a table directly followed by text is text',
      md: '| a |\n| b |\ntext\n',
      has: ['<p>| a |'],
      not: ['<table'],
    },
  ])
})

describe('footnotes', () => {
  table([
    {
      name: 'kramdown markup, numbered by first reference',
      md: 'a[^x] b[^y] c[^x]\n\n[^y]: Y\n[^x]: X\n',
      has: [
        '<sup id="fnref:x" role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup>',
        '<sup id="fnref:y" role="doc-noteref"><a href="#fn:y" class="footnote" rel="footnote">2</a></sup>',
        '<sup id="fnref:x:1" role="doc-noteref"><a href="#fn:x" class="footnote" rel="footnote">1</a></sup>',
        '<div class="footnotes" role="doc-endnotes">\n<ol>\n<li id="fn:x" role="doc-endnote"><p>X\u00a0<a href="#fnref:x" class="reversefootnote" role="doc-backlink">&#8617;</a>\u00a0<a href="#fnref:x:1" class="reversefootnote" role="doc-backlink">&#8617;<sup>2</sup></a></p>',
      ],
    },
    { name: 'an undefined footnote stays text', md: 'a[^none]\n', has: ['<p>a[^none]</p>'] },
    {
      name: 'a non-ASCII label is not a footnote (kramdown)',
      md: 'a[^注1]\n\n[^注1]: 日本語\n',
      has: ['<p>a[^注1]</p>'],
      not: ['footnote', '日本語'],
    },
    { name: 'there are no inline ^[…] notes', md: 'a^[inline]\n', has: ['<p>a^[inline]</p>'] },
  ])
})

describe('code blocks', () => {
  table([
    {
      name: 'a known language is highlighted inside Rouge’s wrapper',
      md: '```ruby\nputs 1\n```\n',
      has: [
        '<div class="language-ruby highlighter-rouge"><div class="highlight"><pre class="highlight"><code>puts <span class="hljs-number">1</span>\n</code></pre></div></div>',
      ],
    },
    {
      name: 'an unknown language is plain and escaped',
      md: '```nosuchlang\nx < y\n```\n',
      has: ['<pre><code class="language-nosuchlang">x &lt; y\n</code></pre>'],
      not: ['hljs'],
    },
    {
      name: 'no language',
      md: '```\nplain <b>\n```\n',
      has: ['<pre><code>plain &lt;b&gt;\n</code></pre>'],
    },
    {
      name: 'S6: HTML in the info string is only an escaped class name',
      md: '```<style/onload=alert(1)>\nx\n```\n',
      has: ['<code class="language-&lt;style/onload=alert(1)&gt;">x'],
      not: ['<style'],
    },
    {
      name: 'a fence that never closes is ordinary text (kramdown)',
      md: '```ruby\nunclosed\n',
      has: ['<p>```ruby\nunclosed</p>'],
    },
    {
      name: 'an info string of two words is not a fence (kramdown)',
      md: '```ruby title\nx\n```\n',
      has: ['<p><code>ruby title'],
      not: ['<pre'],
    },
  ])
})
