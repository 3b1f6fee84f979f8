import { describe, expect, it } from 'vitest'
import { readMiddlemanMarkdown } from '../../../../src/shared/markdown/middleman-config'
import {
  DEFAULT_MARKDOWN_SETTINGS,
  formatSetting,
  resolveMarkdownSettings,
} from '../../../../src/shared/markdown/settings'

describe('config.rb: set :markdown read as literals', () => {
  it.each([
    [
      "set :markdown, input: 'GFM', hard_wrap: false, smart_quotes: ['apos', 'apos', 'quot', 'quot'], toc_levels: 2..3\n",
      {
        input: 'GFM',
        hard_wrap: false,
        smart_quotes: ['apos', 'apos', 'quot', 'quot'],
        toc_levels: '2..3',
      },
    ],
    [
      'set :markdown, input: "GFM",\n  smart_quotes: %w[apos apos quot quot],  # straight\n  toc_levels: 1...4\n',
      { input: 'GFM', smart_quotes: ['apos', 'apos', 'quot', 'quot'], toc_levels: '1...4' },
    ],
    [
      "set :markdown, { :input => 'GFM', 'smart_quotes' => 'apos,apos,quot,quot',\n :syntax_highlighter => :rouge, :auto_ids => true }\n",
      {
        input: 'GFM',
        smart_quotes: 'apos,apos,quot,quot',
        syntax_highlighter: 'rouge',
        auto_ids: true,
      },
    ],
    [
      'set(:markdown, input: :GFM, footnote_backlink: "&#x2191;", auto_id_prefix: "p-", syntax_highlighter: nil, toc_levels: [2, 4])\n',
      {
        input: 'GFM',
        footnote_backlink: '&#x2191;',
        auto_id_prefix: 'p-',
        syntax_highlighter: null,
        toc_levels: [2, 4],
      },
    ],
    [
      'set :markdown, smart_quotes: %i(lsquo rsquo ldquo rdquo)\n',
      { smart_quotes: ['lsquo', 'rsquo', 'ldquo', 'rdquo'] },
    ],
  ])('%j', (text, options) => {
    const config = readMiddlemanMarkdown(`activate :blog\n${text}set :css_dir, 'css'\n`)
    expect(config.options).toEqual(options)
    expect(config.notes).toEqual([])
    expect(config.line).toBe(2)
  })

  it('ignores commented-out statements and lets the last one win, as Ruby runs it', () => {
    const text =
      '# set :markdown, hard_wrap: true\nset :markdown, hard_wrap: false\nset :markdown, toc_levels: 2..2\n'
    expect(readMiddlemanMarkdown(text)).toMatchObject({ options: { toc_levels: '2..2' }, line: 3 })
  })

  it('never evaluates: a value that is not a literal is skipped with a note, the rest is read', () => {
    const text =
      "set :markdown, input: 'GFM', toc_levels: ENV.fetch('X') { system('rm -rf /') }, hard_wrap: true\n"
    const config = readMiddlemanMarkdown(text)
    expect(config.options).toEqual({ input: 'GFM', hard_wrap: true })
    expect(config.notes[0]!.en).toContain('toc_levels is not a literal')
  })

  it('refuses interpolation and unreadable hashes with a note, not an exception', () => {
    expect(readMiddlemanMarkdown('set :markdown, auto_id_prefix: "#{x}"\n').options).toEqual({})
    const broken = readMiddlemanMarkdown('set :markdown, markdown_options\n')
    expect(broken.options).toEqual({})
    expect(readMiddlemanMarkdown('set :markdown, { input: "GFM"\n').notes).toHaveLength(1)
  })

  it('has nothing to say when config.rb does not set markdown options', () => {
    expect(readMiddlemanMarkdown('set :markdown_engine, :kramdown\n')).toEqual({
      options: {},
      notes: [],
      line: null,
    })
  })
})

describe('settings in force: defaults, then config.rb, then the profile', () => {
  it('defaults to the blog: straight quotes, toc 2..3, Rouge', () => {
    const { settings, sources } = resolveMarkdownSettings([])
    expect(settings).toEqual(DEFAULT_MARKDOWN_SETTINGS)
    expect(formatSetting(settings, 'smartQuotes')).toBe('apos,apos,quot,quot')
    expect(formatSetting(settings, 'tocLevels')).toBe('2..3')
    expect(Object.values(sources).every((s) => s === 'default')).toBe(true)
  })

  it('the profile overrides config.rb, key by key, and names each source', () => {
    const { settings, sources } = resolveMarkdownSettings([
      { source: 'config.rb', options: { toc_levels: '1..4', hard_wrap: true } },
      { source: 'profile', options: { toc_levels: [2], smart_quotes: 'lsquo,rsquo,ldquo,rdquo' } },
    ])
    expect(settings.tocLevels).toEqual([2])
    expect(settings.hardWrap).toBe(true)
    expect(settings.smartQuotes).toEqual(['lsquo', 'rsquo', 'ldquo', 'rdquo'])
    expect(sources).toMatchObject({
      tocLevels: 'profile',
      hardWrap: 'config.rb',
      autoIds: 'default',
    })
  })

  it('notes values it cannot use and keeps the previous one', () => {
    const { settings, notes } = resolveMarkdownSettings([
      {
        source: 'profile',
        options: {
          toc_levels: '0..9',
          input: 'kramdown',
          hard_wrap: 'yes',
          math_engine: 'mathjax',
        },
      },
    ])
    expect(settings.tocLevels).toEqual([2, 3])
    expect(settings.hardWrap).toBe(false)
    expect(notes.map((n) => n.en)).toEqual([
      'profile: toc_levels must be levels 1 to 6, like 2..3 or [2, 3].',
      'profile: input kramdown is not supported (shown as GFM).',
      'profile: hard_wrap must be true or false.',
      'profile: math_engine does not change the preview.',
    ])
  })

  it('reads Ruby ranges, exclusive ranges, single levels and lists', () => {
    const levels = (v: unknown) =>
      resolveMarkdownSettings([{ source: 'profile', options: { toc_levels: v } }]).settings
        .tocLevels
    expect(levels('1...4')).toEqual([1, 2, 3])
    expect(levels(3)).toEqual([3])
    expect(levels('[2, 4]')).toEqual([2, 4])
    expect(levels([4, 2])).toEqual([2, 4])
  })
})
