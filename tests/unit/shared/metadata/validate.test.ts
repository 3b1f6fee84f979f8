import { describe, expect, it } from 'vitest'
import { parseProfile, DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { metadataSchemaFor } from '../../../../src/shared/metadata/schema'
import {
  CARD_TITLE_BOX,
  validatePost,
  type MetadataProblem,
  type ValidationContext,
} from '../../../../src/shared/metadata/validate'
import { visibleExcerptLength } from '../../../../src/shared/card/inspector'

const post = (...yaml: string[]) => `---\n${yaml.join('\n')}\n---\n\n本文\n`
const GOOD = [
  'title: SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
  'date: 2024-12-15T23:58:00+09:00',
  'categories:',
  '  - 技術',
  'tags:',
  '  - Heroku',
  '  - EKS',
  'authors:',
  '  - kromiii',
  'eyecatch: eyecatch.png',
  'custom_key: kept',
]
const replace = (from: string, ...to: string[]) => {
  const i = GOOD.indexOf(from)
  if (i < 0) throw new Error(`no line ${from}`)
  return [...GOOD.slice(0, i), ...to, ...GOOD.slice(i + 1)]
}
const without = (prefix: string) => GOOD.filter((l) => !l.startsWith(prefix))

const AUTHORS = [
  { value: 'kromiii', count: 12 },
  { value: 'pyama', count: 30 },
  { value: 'hsbt', count: 8 },
]
const TAGS = [
  { value: 'Kubernetes', count: 40 },
  { value: 'Heroku', count: 3 },
  { value: 'EKS', count: 5 },
]
const CONTEXT: ValidationContext = {
  assetFiles: ['eyecatch.png', 'figure-1.png'],
  assetDir: 'source/blog/2024-12-15-eks',
  knownAuthors: AUTHORS,
  knownTags: TAGS,
}

const summary = (problems: MetadataProblem[]) =>
  problems.map((p) => `${p.field}:${p.code}:${p.severity}:${p.line}`)

describe('validatePost', () => {
  it('finds nothing wrong with a real post that keeps unknown keys', () => {
    expect(validatePost(post(...GOOD), CONTEXT)).toEqual([])
  })

  it.each<[string, string[], string[]]>([
    ['missing title', without('title'), ['title:required:error:1']],
    ['empty title value', replace(GOOD[0]!, 'title:'), ['title:required:error:2']],
    [
      'title longer than the card shows',
      replace(GOOD[0]!, `title: ${'とても長いタイトル'.repeat(7)}`),
      ['title:title-too-long:warn:2'],
    ],
    ['date not ISO', replace(GOOD[1]!, 'date: 2024/12/15'), ['date:date-format:error:3']],
    ['date without a time', replace(GOOD[1]!, 'date: 2024-12-15'), ['date:date-format:warn:3']],
    ['date in UTC', replace(GOOD[1]!, 'date: 2024-12-15T14:58:00Z'), ['date:date-offset:warn:3']],
    ['missing date', without('date'), ['date:required:error:1']],
    [
      'too many tags',
      replace('  - EKS', ...Array.from({ length: 10 }, (_, i) => `  - tag${i}`)),
      ['tags:too-many-items:warn:6'],
    ],
    ['duplicate tag', replace('  - EKS', '  - heroku'), ['tags:duplicate-item:warn:8']],
    [
      'tags as a string',
      replace('tags:', 'tags: Heroku').filter((l) => !/^ {2}- (Heroku|EKS)$/.test(l)),
      ['tags:type:error:6'],
    ],
    [
      'no authors',
      replace('  - kromiii')
        .filter((l) => l !== 'authors:')
        .concat('authors: []'),
      ['authors:too-few-items:error:11'],
    ],
    [
      'unknown author with a near miss',
      replace('  - kromiii', '  - kromii'),
      ['authors:unknown-author:warn:10'],
    ],
    [
      'tag spelled unlike the rest of the blog',
      replace('  - EKS', '  - kubernetes'),
      ['tags:tag-variant:warn:8'],
    ],
    [
      'eyecatch file missing',
      replace('eyecatch: eyecatch.png', 'eyecatch: eyecatch.webp'),
      ['eyecatch:eyecatch-missing:error:11'],
    ],
    [
      'eyecatch not an image',
      ['eyecatch: notes.txt'].concat(without('eyecatch')),
      ['eyecatch:eyecatch-not-image:error:2'],
    ],
    ['published not a boolean', GOOD.concat('published: "no"'), ['published:type:error:13']],
  ])('%s', (_name, yaml, expected) => {
    const context = { ...CONTEXT }
    if (_name === 'eyecatch not an image') context.assetFiles = ['notes.txt']
    expect(summary(validatePost(post(...yaml), context))).toEqual(expected)
  })

  it('says what to do, in Japanese and English, naming the value', () => {
    const [unknown] = validatePost(post(...replace('  - kromiii', '  - kromii')), CONTEXT)
    expect(unknown!.suggestion).toBe('kromiii')
    expect(unknown!.message.ja).toContain('「kromiii」のことですか')
    expect(unknown!.message.en).toContain('Did you mean "kromiii"?')
    const [duplicate] = validatePost(post(...replace('  - EKS', '  - heroku')), CONTEXT)
    expect(duplicate!.message.ja).toContain('「heroku」と「Heroku」は同じページ')
    const [variant] = validatePost(post(...replace('  - EKS', '  - kubernetes')), CONTEXT)
    expect(variant!.suggestion).toBe('Kubernetes')
    expect(variant!.message.en).toContain('used in 40 posts')
  })

  it('an unknown author with no near name is still only a warning', () => {
    const problems = validatePost(post(...replace('  - kromiii', '  - newcomer')), CONTEXT)
    expect(summary(problems)).toEqual(['authors:unknown-author:warn:10'])
    expect(problems[0]!.suggestion).toBeUndefined()
  })

  it('does not check what it was not told (no asset list, no known authors)', () => {
    const yaml = replace('eyecatch: eyecatch.png', 'eyecatch: gone.png')
    expect(validatePost(post(...yaml.map((l) => l.replace('kromiii', 'someone'))))).toEqual([])
  })

  it('reports the front matter itself when YAML is invalid (D1), refused (S11) or a bomb (S12)', () => {
    const broken = validatePost(post('title: ok', 'tags: [a'))
    expect(summary(broken)).toEqual([':yaml:error:3'])
    const js = validatePost('---js\n{ title: "x" }\n---\n')
    expect(js[0]!.message.en).toContain('not supported')
    const bomb = validatePost(
      post(
        'a: &a [x,x,x,x,x,x,x,x,x,x]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      ),
    )
    expect(bomb[0]!.message.en).toMatch(/too many aliases/)
    expect(summary(validatePost('no front matter'))).toEqual([':no-front-matter:error:1'])
  })
})

describe('the card title limit', () => {
  it('is what three lines of the feed card hold: about 52 Japanese or 90 Latin characters', () => {
    expect(visibleExcerptLength('あ'.repeat(100), CARD_TITLE_BOX)).toBe(51)
    const latin = visibleExcerptLength('abcdefghij'.repeat(20), CARD_TITLE_BOX)
    expect(latin).toBeGreaterThan(85)
    expect(latin).toBeLessThan(100)
    expect(validatePost(post(...replace(GOOD[0]!, `title: ${'あ'.repeat(51)}`)), CONTEXT)).toEqual(
      [],
    )
    expect(
      summary(validatePost(post(...replace(GOOD[0]!, `title: ${'あ'.repeat(52)}`)), CONTEXT)),
    ).toEqual(['title:title-too-long:warn:2'])
  })
})

describe('eyecatch paths (P2)', () => {
  it.each([
    '../../../etc/passwd',
    '/etc/passwd',
    'file:///etc/passwd',
    'C:\\\\Windows\\\\win.ini',
    'images/../../x.png',
    '~/secret.png',
  ])('refuses %s and warns on the field', (value) => {
    const yaml = replace('eyecatch: eyecatch.png', `eyecatch: "${value}"`)
    const problems = validatePost(post(...yaml), CONTEXT)
    expect(summary(problems)).toEqual(['eyecatch:eyecatch-outside:error:11'])
    expect(problems[0]!.message.en).toContain('outside')
  })

  it('accepts an http(s) URL and a file in a sub-folder', () => {
    for (const value of ['https://example.com/e.png', 'img/e.png']) {
      const yaml = replace('eyecatch: eyecatch.png', `eyecatch: ${value}`)
      expect(validatePost(post(...yaml), { ...CONTEXT, assetFiles: ['img/e.png'] })).toEqual([])
    }
  })
})

describe('profile-defined fields', () => {
  const profileText = [
    'fields:',
    '  - key: series',
    '    type: choice',
    '    label: { ja: シリーズ, en: Series }',
    '    choices: [入門, 実践]',
    '  - key: slides',
    '    type: string',
    '    label: スライド',
    "    pattern: '^https://speakerdeck\\.com/'",
    '    maxLength: 60',
    '  - key: reviewed',
    '    type: boolean',
    '    required: true',
  ].join('\n')

  it('are read from .portal-writer.yml and follow their rules', () => {
    const parsed = parseProfile(profileText)
    expect(parsed.kind).toBe('ok')
    if (parsed.kind !== 'ok') return
    const schema = metadataSchemaFor(parsed.profile)
    expect(schema.fields.map((f) => f.key).slice(-3)).toEqual(['series', 'slides', 'reviewed'])
    const problems = validatePost(
      post(...GOOD, 'series: 応用', 'slides: https://example.com/' + 'x'.repeat(60)),
      { ...CONTEXT, schema },
    )
    expect(summary(problems)).toEqual([
      'reviewed:required:error:1',
      'series:not-a-choice:error:13',
      'slides:max-length:error:14',
      'slides:pattern:error:14',
    ])
    expect(problems[1]!.message.ja).toContain('入門・実践')
  })

  it('a bad field definition is refused with its line', () => {
    const parsed = parseProfile('fields:\n  - key: x\n    type: colour\n')
    expect(parsed.kind === 'invalid' && parsed.error.line).toBe(2)
    const noChoices = parseProfile('fields:\n  - key: x\n    type: choice\n')
    expect(noChoices.kind).toBe('invalid')
    const badPattern = parseProfile("fields:\n  - key: x\n    type: string\n    pattern: '(['\n")
    expect(badPattern.kind).toBe('invalid')
  })

  it('leave the default profile as it was', () => {
    expect(parseProfile('')).toEqual({ kind: 'ok', profile: DEFAULT_PROFILE })
  })
})
