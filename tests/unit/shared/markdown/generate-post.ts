const WORDS = [
  'GMOペパボ',
  'エンジニア',
  'デプロイ',
  'Kubernetes',
  'の',
  'を',
  'に',
  'は',
  '改善',
  'しました',
  '本番環境',
  'レビュー',
  'Rails',
  'パフォーマンス',
  '、',
  'ですが',
  '計測',
  'チーム',
]

/** A deterministic pseudo-random sequence, so generated posts are the same on every run. */
function sequence(seed: number): () => number {
  let x = seed
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648
    return x / 2147483648
  }
}

/**
 * A Japanese post of about `chars` characters (front matter, TOC, headings, paragraphs with
 * emphasis and links, lists, code blocks, tables, footnotes, images), for benchmarks.
 */
export function generatePost(chars: number, seed = 42): string {
  const rnd = sequence(seed)
  const word = () => WORDS[Math.floor(rnd() * WORDS.length)]!
  const sentence = () => {
    let s = ''
    const n = 8 + Math.floor(rnd() * 12)
    for (let i = 0; i < n; i++) {
      const w = word()
      const r = rnd()
      s +=
        r < 0.05
          ? `**${w}**`
          : r < 0.08
            ? `\`${w}\``
            : r < 0.1
              ? `[${w}](https://example.com/${i})`
              : w
    }
    return `${s}。`
  }
  const parts = [
    '---',
    'title: ベンチマーク用の記事',
    'date: 2024-12-15T23:58:00+09:00',
    'tags:',
    '  - Rails',
    '---',
    '',
    '1. 目次',
    '{:toc}',
    '',
  ]
  let size = parts.join('\n').length
  let section = 0
  while (size < chars) {
    section++
    const block: string[] = []
    block.push(`## ${section}. ${word()}と${word()}`, '')
    for (let p = 0; p < 3; p++) block.push(`${sentence()}${sentence()}\n${sentence()}`, '')
    if (section % 2 === 0)
      block.push(
        `### ${word()}の詳細`,
        '',
        `- ${sentence()}`,
        `- ${sentence()}`,
        `  - ${sentence()}`,
        `- ${sentence()}`,
        '',
      )
    if (section % 3 === 0)
      block.push(
        '```ruby',
        'class Foo',
        `  def bar(x) = x * ${section}`,
        '  # コメント',
        'end',
        '```',
        '',
      )
    if (section % 4 === 0)
      block.push(
        '| 判断軸 | 分離推奨 | 要検討 |',
        '|---|---|---|',
        `| ${word()} | ${word()} | ${word()} |`,
        `| ${word()} | ${word()} | ${word()} |`,
        '',
      )
    if (section % 5 === 0)
      block.push(`脚注付きの文です[^n${section}]。`, '', `[^n${section}]: ${sentence()}`, '')
    if (section % 6 === 0) block.push(`![図${section}](images/fig-${section}.png)`, '')
    const text = block.join('\n')
    parts.push(text)
    size += text.length + 1
  }
  return parts.join('\n')
}
