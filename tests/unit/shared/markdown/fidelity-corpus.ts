/**
 * Markdown for the differences the blog's posts showed between the preview and kramdown (issue 11),
 * one list per difference, and a generator that mixes them into whole posts.
 */
export const FIDELITY_CASES: Record<string, string[]> = {
  '1 hard break before an autolink line': [
    '段落  \n<https://example.com/a>\n',
    '* 段落  \n  <https://example.com/a>\n* 次\n',
    '> 引用  \n> <https://example.com/q>\n',
    '段落\n<https://example.com/b>\n',
    '1. 手順  \n   <https://example.com/c>\n\n   続き\n',
  ],
  '2 backslash hard break': [
    'a\\\\\nb\n',
    'a\\\\\\\\\nb\n',
    'a\\\\  \nb\n',
    '`c`\\\\\nb\n',
    '* 項目\\\\\n  続き\n',
    'a\\\\\n',
    '## h\\\\\n',
    '段落\\\\\n<https://x.com/a>\n',
  ],
  '3 pipes inside HTML are no table': [
    '「<a title="A | B" href="/x">x</a>」です。\n',
    '<span>a | b</span> c\n',
    '<a title="A | B">x</a> | y\n',
    'x <br class="a|b"> y\n',
    'x <span title="|">y\n',
    'x <img alt="|" src="a.png"> y | z\n',
    'a <b>x\ny | z</b>\n',
    'a | <b>x</b>\n',
  ],
  '4 Rouge wraps every language it knows': [
    '```objective_c\nint x;\n```\n',
    '```solidity\ncontract A {}\n```\n',
    '```vue\n<template><a/></template>\n```\n',
    '```terraform\nresource "a" "b" {}\n```\n',
    '```nosuchlang\nx\n```\n',
    '```Ruby\nx\n```\n',
    '```console\n$ ls\n```\n',
  ],
  '5 footnote ending in a list': [
    'a[^1]\n\n[^1]: note\n\n    * x\n    * y\n',
    'a[^1] b[^1]\n\n[^1]: note\n\n    1. x\n',
    'a[^n]\n\n[^n]: para\n\n    > quote\n',
    'a[^n]\n\n[^n]: only\n',
  ],
  '6 heading ids with emoji': [
    '#### 🙆‍♀️ 適切な対応\n',
    '## ❤️ love ©️ ™ ⌚ #️⃣ 1️⃣ 🇯🇵\n',
    '## 👨‍👩‍👧 家族 👍🏽\n\n## 👨‍👩‍👧 家族 👍🏽\n',
    '## a\u200cb\u200dc\ufe0fd\u20e3e\u{e0061}f\n',
  ],
  '7 non-ASCII URLs as written': [
    '[a](#小話) [b](/タグ/) <https://x.com/タグ>\n',
    '[c][]\n\n[c]: /タグ/%E3%82%BF?q=日本#節\n',
    '![画像](画像.png "タイトル")\n',
    '[d](https://例え.jp/パス)\n',
  ],
  '8 site-root paths': [
    '![:tada:](/images/emoji/tada.png)\n',
    '<img src="/images/a.png" alt="a">\n',
  ],
  '9 comments kept, characters escaped as kramdown': [
    '<!-- block comment -->\n\ntext <!-- inline --> ‹ > a > b &lt; &copy; ©\n',
    'a <> b <‹ c\n',
    '1 -> 2 <- 3\n',
    '<div>a > b ‹ &lsaquo; &amp; c</div>\n',
    '<!--\nmulti\n-->\n\n*x*\n',
  ],
}

const FILLER = [
  '日本語の文章です。',
  'Rails と Go',
  '**強調**',
  '`code`',
  '[リンク](/a/)',
  'a "q" it\'s',
]

/** Whole posts made of the cases above mixed with ordinary text, the same for a given seed. */
export function fidelityPosts(seed: number, count: number): string[] {
  let x = seed
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!
  const all = Object.values(FIDELITY_CASES).flat()
  const posts: string[] = []
  for (let p = 0; p < count; p++) {
    const blocks = ['1. 目次\n{:toc}\n']
    const n = 4 + Math.floor(rnd() * 8)
    for (let b = 0; b < n; b++) {
      const r = rnd()
      if (r < 0.2) blocks.push(`## ${pick(FILLER)} ${pick(['🎉', '🙆‍♀️', '小話', '#1'])}\n`)
      else if (r < 0.35) blocks.push(`${pick(FILLER)}${pick(FILLER)}\n`)
      else blocks.push(pick(all))
    }
    // Footnote definitions must have unique names within a post.
    posts.push(blocks.map((b, i) => b.replace(/\[\^(\w+)\]/g, `[^$1x${i}]`)).join('\n'))
  }
  return posts
}
