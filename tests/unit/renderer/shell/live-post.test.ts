import { describe, expect, it, vi } from 'vitest'
import { LivePostModel, type LivePostSource } from '../../../../src/renderer/src/shell/live-post'
import { buildCard } from '../../../../src/shared/card'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

const PATH = 'source/blog/2026-12-06-live.html.md'
/** 08:02 in Japan on the day of the file name: its midnight is eight hours ago. */
const NOW = Date.parse('2026-12-06T08:02:00+09:00')

function post(frontMatter: string, body = '本文です。\n'): string {
  return `---\n${frontMatter}\n---\n\n${body}`
}

function model(initial: string): {
  model: LivePostModel
  set(text: string): void
  /** Characters the model read from the editor, whole texts and starts. */
  reads: { whole: number; start: number }
} {
  let text = initial
  const reads = { whole: 0, start: 0 }
  const source: LivePostSource = {
    path: () => PATH,
    text: () => {
      reads.whole += text.length
      return text
    },
    textStart: (_path, chars) => {
      const start = text.slice(0, chars)
      reads.start += start.length
      return start
    },
    textIdentity: () => null,
    images: () => ({ assetDir: null, key: '', resolve: () => null }),
  }
  const m = new LivePostModel(source)
  return {
    model: m,
    reads,
    set(next) {
      text = next
      m.invalidate()
    },
  }
}

/** A model over several posts by path, showing `first`; `show` opens another one and reads it. */
function postsModel(
  texts: Record<string, string>,
  first: string,
): { model: LivePostModel; show(path: string): ReturnType<LivePostModel['read']> } {
  let path = first
  const m = new LivePostModel({
    path: () => path,
    text: (p) => texts[p]!,
    textStart: (p, chars) => texts[p]!.slice(0, chars),
    textIdentity: () => null,
    images: () => ({ assetDir: null, key: '', resolve: () => null }),
  })
  return {
    model: m,
    show(next) {
      path = next
      m.invalidate()
      return m.read()
    },
  }
}

/** The card as the card views build it from the live post. */
function cardOf(m: LivePostModel) {
  const live = m.read()!
  return buildCard(live.text, {
    profile: DEFAULT_PROFILE,
    now: NOW,
    path: live.path,
    html: live.readingHtml,
    frontMatter: live.frontMatter,
  })
}

describe('LivePostModel', () => {
  it('the card of a long post reads only its first blocks, with the excerpt of the whole post', () => {
    const paragraphs = Array.from(
      { length: 800 },
      (_, i) => `第${i}段落。ここに本文が続きます。読みやすい日本語の文章です。\n`,
    )
    // A post whose first 20 KB are code: the excerpt's text is not in the first blocks.
    const code = `\`\`\`\n${'x = 1\n'.repeat(4000)}\`\`\`\n\n`
    for (const body of [paragraphs.join('\n'), code + paragraphs.join('\n')]) {
      const { model: m } = model(post('title: 長い', body))
      // Rendered in steps: read until all of it is.
      for (let i = 0; i < 100 && !m.read()!.rendered.complete; i++) m.invalidate()
      const live = m.read()!
      expect(live.rendered.complete).toBe(true)
      const card = cardOf(m)
      const whole = buildCard(live.text, { profile: DEFAULT_PROFILE, now: NOW, path: live.path })
      expect(card.excerpt).toBe(whole.excerpt)
      expect([...card.excerpt].length).toBe(1000)
    }
    const { model: short } = model(post('title: 長い', paragraphs.join('\n')))
    for (let i = 0; i < 100 && !short.read()!.rendered.complete; i++) short.invalidate()
    expect(short.read()!.readingHtml.length).toBeLessThan(20 * 1024)
  })

  it('while the YAML is broken, the card keeps the last valid date (「2分前」, not the file’s day)', () => {
    const valid = 'title: ライブ\ndate: 2026-12-06T08:00:00+09:00'
    const { model: m, set } = model(post(valid))
    expect(cardOf(m).relativeTime).toBe('2分前')
    set(post(`${valid}\ntitle: ライブ: 壊れた`))
    const live = m.read()!
    expect(live.split.error).not.toBeNull()
    expect(live.frontMatter.title).toBe('ライブ')
    expect(cardOf(m).relativeTime).toBe('2分前')
    expect(cardOf(m).title).toBe('ライブ')
  })

  it('makes one value per change, read by everyone, with a growing version', async () => {
    const { model: m, set } = model(post('title: a'))
    const seen: number[] = []
    const off = m.subscribe(() => seen.push(m.getSnapshot()!.version))
    const first = m.read()!
    expect(m.read()).toBe(first)
    set(post('title: a', '本文です。追記。\n'))
    await Promise.resolve()
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBe(first.version + 1)
    expect(m.read()!.rendered.html).toContain('追記')
    // A change that shows nothing new (e.g. a save's status) keeps the value.
    m.invalidate()
    expect(m.read()!.version).toBe(seen[0])
    off()
  })

  it('gives the front-matter text of a change without rendering the body', () => {
    const { model: m, set } = model(post('title: a'))
    const first = m.read()!
    expect(m.frontMatterText()).toBe(first.frontMatterText)
    set(post('title: b', '本文です。貼り付けた段落。\n'))
    // The form's read: the new front matter, and no new value was rendered for it.
    expect(m.frontMatterText()).toBe('---\ntitle: b\n---\n')
    expect(m.peek()).toBe(first)
    // The render, when it comes, agrees with it.
    expect(m.read()!.frontMatterText).toBe(m.frontMatterText())
    expect(m.read()!.version).toBe(first.version + 1)
  })

  it('reads the front matter of a long post from its start, not the whole text', () => {
    const body = '長い本文の段落です。\n\n'.repeat(20_000)
    const { model: m, set, reads } = model(post('title: 長い', body))
    m.read()
    set(post('title: 長い!', body))
    reads.whole = 0
    reads.start = 0
    expect(m.frontMatterText()).toBe('---\ntitle: 長い!\n---\n')
    // A keystroke's form read builds a few kilobytes, not a 240k-character string.
    expect(reads.whole).toBe(0)
    expect(reads.start).toBeLessThanOrEqual(4096)
    // The render that follows reads the whole text once.
    m.read()
    expect(reads.whole).toBe(post('title: 長い!', body).length)
  })

  it('the front matter read from the start equals the one read from the whole text', () => {
    const fence = '---\n'
    const filler = (n: number) => 'x'.repeat(n)
    const texts = [
      '',
      'no front matter\n',
      post('title: a'),
      // A front matter longer than the first read.
      `${fence}title: a\nbody: ${filler(6000)}\n${fence}\n本文\n`,
      // An opening line longer than the first read.
      `---${filler(5000)}\ntitle: a\n${fence}本文\n`,
      // A first line longer than the first read that is not a fence.
      `${filler(5000)}\n---\n`,
      // Never closed, in a long post.
      `${fence}title: a\n${filler(70_000)}\n`,
      // Never closed, longer than everything looked at.
      `${fence}${'title: a\n'.repeat(10_000)}`,
      // BOM and CRLF.
      `\uFEFF---\r\ntitle: a\r\n---\r\n本文\r\n`,
    ]
    // A closing fence (or a longer line that starts like one) at every offset around the first read's end.
    for (let at = 4080; at <= 4100; at++) {
      const yaml = `${fence}k: ${filler(at - fence.length - 4)}\n`
      texts.push(`${yaml}---\n本文\n`, `${yaml}----\n---\n本文\n`, `${yaml}--- \n本文\n`)
    }
    for (const text of texts) {
      const { model: m } = model(text)
      const live = m.read()!
      const { model: fresh } = model(text)
      expect(fresh.frontMatterText()).toBe(live.frontMatterText)
    }
  })

  it('a failing subscriber does not stop the others', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { model: m, set } = model(post('title: a'))
    m.subscribe(() => {
      throw new Error('boom')
    })
    let good = 0
    m.subscribe(() => good++)
    set(post('title: b'))
    await Promise.resolve()
    expect(good).toBe(1)
    error.mockRestore()
  })

  it('the shown value follows the live one until a preview presents, then only what it presents', async () => {
    const { model: m, set } = model(post('title: 一'))
    const shown: Array<string | undefined> = []
    m.subscribeShown(() => shown.push(m.getShown()?.frontMatter.title as string | undefined))
    // No preview bound: the shown value is the live one, announced with it.
    expect(m.getShown()?.frontMatter.title).toBe('一')
    set(post('title: 二'))
    await Promise.resolve()
    expect(shown).toEqual(['二'])

    // A preview binds: typing changes the live value, not the shown one, until it is presented.
    m.setPresenting(true)
    m.present(m.read())
    shown.length = 0
    set(post('title: 三'))
    await Promise.resolve()
    expect(m.getSnapshot()?.frontMatter.title).toBe('三')
    expect(m.getShown()?.frontMatter.title).toBe('二')
    expect(m.peekShown()?.frontMatter.title).toBe('二')
    expect(shown).toEqual([])
    // Presented synchronously (in the task that patched the article), announced at once.
    m.present(m.read())
    expect(shown).toEqual(['三'])
    // The same value again is no news.
    m.present(m.read())
    expect(shown).toEqual(['三'])

    // The preview unbinds (its frame reloads): the shown value is the live one again.
    set(post('title: 四'))
    m.setPresenting(false)
    expect(shown.at(-1)).toBe('四')
    expect(m.peekShown()?.frontMatter.title).toBe('四')
  })

  it('renders a big post in steps: pending parts first, then all of it', async () => {
    const body = Array.from(
      { length: 1500 },
      (_, i) => `## 節 ${i}\n\n段落 ${i} の本文です。\n`,
    ).join('\n')
    const { model: m } = model(post('title: big', body))
    const first = m.read()!
    expect(first.rendered.complete).toBe(false)
    expect(first.rendered.html).toContain('レンダリング中…')
    for (let i = 0; i < 200 && !m.read()!.rendered.complete; i++)
      await new Promise((r) => setTimeout(r, 0))
    expect(m.read()!.rendered.complete).toBe(true)
    expect(m.read()!.rendered.html).not.toContain('レンダリング中…')
  })

  it('going back to a post shown a moment ago renders none of it again', () => {
    const texts: Record<string, string> = {
      'source/blog/2026-12-01-long.html.md': post(
        'title: 長い',
        Array.from({ length: 1500 }, (_, i) => `## 節 ${i}\n\n段落 ${i} の本文です。\n`).join('\n'),
      ),
      'source/blog/2026-12-02-short.html.md': post('title: 短い'),
    }
    const { model: m, show } = postsModel(texts, 'source/blog/2026-12-01-long.html.md')
    const complete = () => {
      for (let i = 0; i < 500 && !m.read()!.rendered.complete; i++) m.invalidate()
      return m.read()!
    }
    const first = complete()
    expect(first.rendered.html).toContain('段落 1499 の本文です。')
    show('source/blog/2026-12-02-short.html.md')
    expect(complete().rendered.html).toContain('本文です。')
    // Back to the long post: its pieces are still rendered (a 200k post took 40 ms of the switch's
    // first frame to cut again, and several more to render).
    show('source/blog/2026-12-01-long.html.md')
    const again = m.read()!
    expect(again.rendered.complete).toBe(true)
    expect(again.rendered.stats.parsed).toBe(0)
    expect(again.rendered.html).toBe(first.rendered.html)
    // Edited in between (another window, a pull): what changed renders, the rest is kept.
    show('source/blog/2026-12-02-short.html.md')
    complete()
    texts['source/blog/2026-12-01-long.html.md'] = texts[
      'source/blog/2026-12-01-long.html.md'
    ]!.replace('段落 700 の本文です。', '段落 700 を書き直しました。')
    show('source/blog/2026-12-01-long.html.md')
    const edited = m.read()!
    expect(edited.rendered.complete).toBe(true)
    expect(edited.rendered.stats.parsed).toBeLessThan(5)
    expect(edited.rendered.html).toContain('段落 700 を書き直しました。')
  })
  it('a post opened after a big one fills in by its own steps, not the big one’s', () => {
    // A clock that moves 1 ms per read: how much a step renders depends only on its budget.
    let clock = 0
    const now = vi.spyOn(performance, 'now').mockImplementation(() => ++clock)
    try {
      const sections = (n: number, word: string) =>
        Array.from({ length: n }, (_, i) => `## ${word} ${i}\n\n段落 ${i} の本文です。\n`).join(
          '\n',
        )
      const texts: Record<string, string> = {
        // 4,000 blocks: its steps get more than the base budget.
        'source/blog/2026-12-01-big.html.md': post('title: 大きい', sections(2000, '節')),
        'source/blog/2026-12-02-mid.html.md': post('title: 中くらい', sections(300, '項')),
      }
      const open = (first: string) => {
        const { model: m, show } = postsModel(texts, first)
        return {
          m,
          go: (next: string) => show(next)!,
          complete() {
            for (let i = 0; i < 2000 && !m.read()!.rendered.complete; i++) m.invalidate()
            return m.read()!
          },
        }
      }
      const alone = open('source/blog/2026-12-02-mid.html.md')
      const firstStep = alone.m.read()!.rendered.stats.parsed
      expect(alone.complete().rendered.complete).toBe(true)
      const after = open('source/blog/2026-12-01-big.html.md')
      expect(after.complete().rendered.blocks.length).toBeGreaterThanOrEqual(4000)
      const step = after.go('source/blog/2026-12-02-mid.html.md').rendered
      expect(step.complete).toBe(false)
      expect(step.stats.parsed).toBe(firstStep)
    } finally {
      now.mockRestore()
    }
  })
})
