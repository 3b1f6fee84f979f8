import { describe, expect, it } from 'vitest'
import { renderBody } from '../../../../src/shared/markdown'
import {
  DEFAULT_MARKDOWN_SETTINGS,
  resolveMarkdownSettings,
  type MarkdownSettings,
} from '../../../../src/shared/markdown/settings'
import { FIDELITY_CASES, fidelityPosts } from './fidelity-corpus'
import { kramdownToHtml, rubyAvailable } from './kramdown'
import { structureOf } from './structure'

/** The same settings a repository would get from its profile's `markdown:` key. */
const settings = (options: Record<string, unknown>): MarkdownSettings =>
  resolveMarkdownSettings([{ source: 'profile', options }]).settings

const ours = (md: string, markdown: MarkdownSettings = DEFAULT_MARKDOWN_SETTINGS) =>
  structureOf(renderBody(md, 0, { markdown }).html)

/**
 * The differences found between the preview and the blog on real posts (issue 11), each
 * reproduced with Debian's kramdown and compared element by element (tag sequence, id, href, src,
 * alt, title, class, comments and text).
 */
describe.skipIf(!rubyAvailable)('the blog’s posts render element by element as kramdown', () => {
  const entries = Object.entries(FIDELITY_CASES).flatMap(([name, list]) =>
    list.map((md) => [name, md] as const),
  )
  const expected = rubyAvailable ? kramdownToHtml(entries.map(([, md]) => md)) : []
  it.each(entries.map(([name, md], i) => [`${name}: ${JSON.stringify(md).slice(0, 60)}`, md, i]))(
    '%s',
    (_name, md, i) => {
      expect(ours(md as string)).toBe(structureOf(expected[i as number]!))
    },
  )

  it('renders 120 generated posts mixing every case like kramdown', () => {
    const posts = [7, 8, 9].flatMap((seed) => fidelityPosts(seed, 40))
    const blog = kramdownToHtml(posts)
    const differing = posts.filter((md, i) => ours(md) !== structureOf(blog[i]!))
    expect(differing).toEqual([])
  })

  it('gives headings the ids kramdown gives over the emoji and symbol ranges', () => {
    const ranges: Array<[number, number]> = [
      [0x2000, 0x2bff],
      [0x3000, 0x303f],
      [0xfe00, 0xfe0f],
      [0xff00, 0xffef],
      [0x1f000, 0x1faff],
      [0xe0000, 0xe007f],
    ]
    const headings: string[] = []
    for (const [from, to] of ranges) {
      for (let start = from; start <= to; start += 128) {
        let text = ''
        for (let c = start; c < Math.min(start + 128, to + 1); c++)
          text += `${String.fromCodePoint(c)}x`
        headings.push(`## ${text}\n`)
      }
    }
    const blog = kramdownToHtml(headings)
    const idOf = (html: string) => /id="([^"]*)"/.exec(html)?.[1] ?? null
    const differing = headings.filter(
      (md, i) => idOf(renderBody(md, 0).html.replace(/ data-line="\d+"/g, '')) !== idOf(blog[i]!),
    )
    expect(differing).toEqual([])
  })
})

/** Every option the pipeline honours, set the way a repository sets it, against kramdown. */
const OPTION_CASES: Array<[string, Record<string, unknown>, string]> = [
  ['kramdown’s curly quotes', { smart_quotes: 'lsquo,rsquo,ldquo,rdquo' }, "It's \"q\" and 's'\n"],
  [
    'straight quotes (the blog)',
    { smart_quotes: ['apos', 'apos', 'quot', 'quot'] },
    '"「引用」" it\'s\n',
  ],
  [
    'toc_levels 1..4',
    { toc_levels: '1..4' },
    '* 目次\n{:toc}\n\n# A\n\n## B\n\n#### C\n\n##### D\n',
  ],
  ['toc_levels [2, 4]', { toc_levels: [2, 4] }, '1. 目次\n{:toc}\n\n## A\n\n### B\n\n#### C\n'],
  ['hard_wrap', { hard_wrap: true }, '一行目\n二行目\n\n* a\n  b\n'],
  ['hard_wrap with backslashes', { hard_wrap: true }, 'a  \nb\nc\\\\\nd\\\ne\n\n> q\n> r\n'],
  ['auto_ids false', { auto_ids: false }, '1. 目次\n{:toc}\n\n## A\n\n## B {#b}\n'],
  ['auto_id_prefix', { auto_id_prefix: 'p-' }, '1. 目次\n{:toc}\n\n## A\n\n## A\n\n## !!!\n'],
  ['footnote_backlink', { footnote_backlink: '&#x2191;' }, 'a[^1]\n\n[^1]: n\n'],
  ['footnote_backlink empty', { footnote_backlink: '' }, 'a[^1]\n\n[^1]: n\n\n    * l\n'],
  [
    'syntax_highlighter nil',
    { syntax_highlighter: null },
    '```ruby\nx = 1\n```\n\n```vue\n<a/>\n```\n',
  ],
]

describe.skipIf(!rubyAvailable)('each kramdown option renders as kramdown renders it', () => {
  it.each(OPTION_CASES)('%s', (_name, options, md) => {
    const markdown = settings(options)
    const [blog] = kramdownToHtml([md], markdown)
    expect(ours(md, markdown)).toBe(structureOf(blog!))
    // The option changes something: the test would fail if it were ignored.
    if (!String(options.smart_quotes ?? '').startsWith('apos'))
      expect(structureOf(kramdownToHtml([md])[0]!)).not.toBe(structureOf(blog!))
  })
})

describe.skipIf(!rubyAvailable)('entity_output', () => {
  it.each([
    ['numeric', '&#160;'],
    ['symbolic', '&nbsp;'],
    ['as_char', '\u00a0'],
  ])('%s spells the footnote back-link’s space as kramdown does', (output, space) => {
    const md = 'a[^1]\n\n[^1]: n\n'
    const markdown = settings({ entity_output: output })
    const [blog] = kramdownToHtml([md], markdown)
    const backlink = `${space}<a href="#fnref:1"`
    expect(blog).toContain(backlink)
    expect(renderBody(md, 0, { markdown }).html).toContain(backlink)
  })
})
