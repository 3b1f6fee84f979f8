const WORDS = [
  '日本語',
  'テスト',
  'Rails',
  'の',
  'を',
  '「重要」',
  '（注）',
  'foo',
  'bar',
  '。',
  '、',
  '!',
  '?',
  'a_b',
  '100%',
  '$5',
  '#1',
  ':',
  'です',
  'エンジニア',
  'API',
  'は',
  'が',
]

/**
 * Random but realistic Markdown (Japanese text with emphasis, code, links, strikethrough, raw spans;
 * headings, lists, quotes, fences, tables, attribute lists, TOC, raw HTML, footnotes), the same for
 * a given seed.
 */
export function randomPosts(seed: number, count: number): string[] {
  let x = seed
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648), x / 2147483648)
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!
  const inline = (html = true): string => {
    let s = ''
    const n = 3 + Math.floor(rnd() * 10)
    for (let i = 0; i < n; i++) {
      const r = rnd()
      if (r < 0.1) s += `**${pick(WORDS)}${pick(WORDS)}**`
      else if (r < 0.15) s += `*${pick(WORDS)}*`
      else if (r < 0.2) s += `\`${pick(WORDS)}\``
      else if (r < 0.25) s += `[${pick(WORDS)}](https://e.jp/${i})`
      else if (r < 0.28) s += `~~${pick(WORDS)}~~`
      else if (r < 0.3 && html) s += `<span>${pick(WORDS)}</span>`
      else s += pick(WORDS)
    }
    return s
  }
  const block = (): string => {
    const r = rnd()
    if (r < 0.3) return inline() + (rnd() < 0.3 ? `\n${inline()}` : '')
    // Headings without raw HTML: the TOC keeps text only where kramdown copies the HTML (S7).
    if (r < 0.4) return `${'#'.repeat(1 + Math.floor(rnd() * 4))} ${inline(false)}`
    if (r < 0.5) {
      const marker = pick(['-', '*', '1.'])
      return Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `${marker} ${inline()}`).join(
        '\n',
      )
    }
    if (r < 0.55) return `> ${inline()}`
    if (r < 0.6) return '```' + pick(['ruby', '', 'js', 'nosuch']) + '\n' + inline() + '\n```'
    if (r < 0.67)
      return (
        `| ${inline()} | ${inline()} |` +
        (rnd() < 0.5 ? '\n|---|---|' : '') +
        `\n| ${inline()} | b |`
      )
    if (r < 0.72) return `${inline()}\n{: .c${Math.floor(rnd() * 3)}}`
    if (r < 0.76) return '1. 目次\n{:toc}'
    if (r < 0.8) return `<div>\n${inline()}\n</div>`
    if (r < 0.85)
      return `${inline()}[^f${Math.floor(rnd() * 3)}]\n\n[^f${Math.floor(rnd() * 3)}]: ${inline()}`
    return inline()
  }
  return Array.from(
    { length: count },
    () => `${Array.from({ length: 2 + Math.floor(rnd() * 6) }, block).join('\n\n')}\n`,
  )
}
