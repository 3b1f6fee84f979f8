import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyFieldEdit,
  bodyUnaffected,
  readFields,
  type FieldValue,
} from '../../../../src/shared/metadata/round-trip'
import { DEFAULT_FIELDS } from '../../../../src/shared/metadata/schema'

const ORDER = DEFAULT_FIELDS.map((f) => f.key)
const post = (...yaml: string[]) => `---\n${yaml.join('\n')}\n---\n\n本文です。\n`

function edit(text: string, field: string, value: FieldValue): string {
  const result = applyFieldEdit(text, field, value, { order: ORDER })
  if (result.kind !== 'ok') throw new Error(`edit refused: ${result.message.en}`)
  // The changes and the returned text always agree.
  let applied = text
  for (const c of [...result.changes].sort((a, b) => b.from - a.from))
    applied = applied.slice(0, c.from) + c.insert + applied.slice(c.to)
  expect(applied).toBe(result.text)
  return result.text
}

/** Lines of `a` that are not in `b`, and lines of `b` not in `a` (as multisets, in order). */
function changedLines(a: string, b: string): { removed: string[]; added: string[] } {
  const left = a.split('\n')
  const right = b.split('\n')
  let start = 0
  while (start < left.length && start < right.length && left[start] === right[start]) start++
  let end = 0
  while (
    end < left.length - start &&
    end < right.length - start &&
    left[left.length - 1 - end] === right[right.length - 1 - end]
  )
    end++
  return {
    removed: left.slice(start, left.length - end),
    added: right.slice(start, right.length - end),
  }
}

const REAL = post(
  '# 記事の情報',
  'title: SUZURIをHerokuからAmazon EKSに移設するためにやったこと',
  'date: 2024-12-15T23:58:00+09:00 # 公開日',
  'categories:',
  '  - 技術',
  'tags:',
  '  - Heroku # 移設元',
  '  # 移設先',
  "  - 'EKS'",
  'authors: [kromiii, "pyama"]',
  'eyecatch: eyecatch.png',
  'series: { name: 移設, part: 1 }',
  'x-custom: &anchor keep me',
  'published: false',
)

describe('applyFieldEdit: a form edit changes only the lines it must', () => {
  const cases: Array<{
    name: string
    text: string
    field: string
    value: FieldValue
    removed: string[]
    added: string[]
  }> = [
    {
      name: 'plain title keeps its comment-free line shape',
      text: REAL,
      field: 'title',
      value: 'EKS 移設のふりかえり',
      removed: ['title: SUZURIをHerokuからAmazon EKSに移設するためにやったこと'],
      added: ['title: EKS 移設のふりかえり'],
    },
    {
      name: 'date keeps its trailing comment',
      text: REAL,
      field: 'date',
      value: '2025-01-06T10:00:00+09:00',
      removed: ['date: 2024-12-15T23:58:00+09:00 # 公開日'],
      added: ['date: 2025-01-06T10:00:00+09:00 # 公開日'],
    },
    {
      name: 'adding a tag inserts one line in the block list, in the neighbours’ quoting',
      text: REAL,
      field: 'tags',
      value: ['Heroku', 'EKS', 'Kubernetes'],
      removed: [],
      added: ["  - 'Kubernetes'"],
    },
    {
      name: 'removing a tag removes its line and keeps the comment above it',
      text: REAL,
      field: 'tags',
      value: ['EKS'],
      removed: ['  - Heroku # 移設元'],
      added: [],
    },
    {
      name: 'a flow list stays a flow list, each item keeping its quotes',
      text: REAL,
      field: 'authors',
      value: ['kromiii', 'pyama', 'hsbt'],
      removed: ['authors: [kromiii, "pyama"]'],
      added: ['authors: [kromiii, "pyama", hsbt]'],
    },
    {
      name: 'a draft toggle changes one word',
      text: REAL,
      field: 'published',
      value: true,
      removed: ['published: false'],
      added: ['published: true'],
    },
    {
      name: 'a new field goes after the schema field before it, not at the end',
      text: REAL,
      field: 'description',
      value: '移設の記録です',
      removed: [],
      added: ['description: 移設の記録です'],
    },
    {
      name: 'removing a field removes just its line',
      text: REAL,
      field: 'eyecatch',
      value: null,
      removed: ['eyecatch: eyecatch.png'],
      added: [],
    },
  ]

  it.each(cases)('$name', ({ text, field, value, removed, added }) => {
    const next = edit(text, field, value)
    expect(changedLines(text, next)).toEqual({ removed, added })
    // Unknown keys, anchors and comments are all still there, and the form reads the new value.
    for (const keep of [
      '# 記事の情報',
      'series: { name: 移設, part: 1 }',
      'x-custom: &anchor keep me',
      '  # 移設先',
    ])
      expect(next).toContain(keep)
    const fields = readFields(next)
    expect(fields.error).toBeNull()
    if (value === null) expect(fields.data).not.toHaveProperty(field)
    else expect(fields.data[field]).toEqual(value)
    expect(next.endsWith('\n---\n\n本文です。\n')).toBe(true)
  })

  it('keeps key order: the edited key stays where it was', () => {
    const next = edit(REAL, 'title', '新しいタイトル')
    expect(Object.keys(readFields(next).data)).toEqual(Object.keys(readFields(REAL).data))
  })
})

describe('applyFieldEdit: quoting styles survive', () => {
  it.each([
    ['plain', 'title: Hello', 'title: World'],
    ['single-quoted', "title: 'Hello'", "title: 'World'"],
    ['double-quoted', 'title: "Hello"', 'title: "World"'],
    ['single-quoted with an apostrophe', "title: 'Hello'", "title: 'It''s'"],
  ])('%s', (_name, line, expected) => {
    const value = expected.includes("It''s") ? "It's" : 'World'
    const next = edit(post(line, 'tags: []'), 'title', value)
    expect(next).toBe(post(expected, 'tags: []'))
  })

  it('a block literal stays a block literal', () => {
    const text = post('description: |', '  一行目', '  二行目', 'title: x')
    const next = edit(text, 'description', '一行目\n三行目\n')
    expect(next).toBe(post('description: |', '  一行目', '  三行目', 'title: x'))
  })

  it('a folded block stays folded', () => {
    const text = post('description: >', '  長い説明', 'title: x')
    const next = edit(text, 'description', '短い説明\n')
    expect(next).toBe(post('description: >', '  短い説明', 'title: x'))
  })

  it('multi-line text in a plain field becomes a block literal', () => {
    const next = edit(post('description: 一行', 'title: x'), 'description', '一行目\n二行目')
    expect(next).toBe(post('description: |-', '  一行目', '  二行目', 'title: x'))
    expect(readFields(next).data.description).toBe('一行目\n二行目')
  })

  it.each([
    ['2024', 'title: "2024"'],
    ['true', 'title: "true"'],
    ['null', 'title: "null"'],
    ['', 'title: ""'],
    ['a: b', 'title: "a: b"'],
    ['#hash', 'title: "#hash"'],
    ['- dash', 'title: "- dash"'],
    [' leading', 'title: " leading"'],
  ])('text that YAML would read as something else is quoted: %j', (value, line) => {
    const next = edit(post('title: x', 'tags: []'), 'title', value)
    expect(next).toBe(post(line, 'tags: []'))
    expect(readFields(next).data.title).toBe(value)
  })

  it('tags that look like numbers or booleans are quoted', () => {
    const next = edit(post('tags:', '  - Go'), 'tags', ['Go', '2024', 'yes', 'true'])
    expect(readFields(next).data.tags).toEqual(['Go', '2024', 'yes', 'true'])
    expect(next).toContain('  - "2024"')
  })
})

describe('applyFieldEdit: lists, flow and block', () => {
  it.each([
    [
      'block → add first',
      ['tags:', '  - b', '  - c'],
      ['a', 'b', 'c'],
      ['tags:', '  - a', '  - b', '  - c'],
    ],
    ['block → reorder', ['tags:', '  - a', '  - b'], ['b', 'a'], ['tags:', '  - b', '  - a']],
    [
      'block (not indented) → add',
      ['tags:', '- a', 'title: t'],
      ['a', 'b'],
      ['tags:', '- a', '- b', 'title: t'],
    ],
    ['block → empty', ['tags:', '  - a', '  - b', 'title: t'], [], ['tags: []', 'title: t']],
    ['empty flow → block', ['tags: []', 'title: t'], ['a', 'b'], ['tags: [a, b]', 'title: t']],
    ['flow with padding', ['tags: [ a, b ]'], ['a', 'c'], ['tags: [ a, c ]']],
    ['null → block', ['tags:', 'title: t'], ['a'], ['tags:', '  - a', 'title: t']],
    ['comma string → list', ['tags: a, b'], ['a', 'b'], ['tags:', '  - a', '  - b']],
  ])('%s', (_name, before, value, after) => {
    expect(edit(post(...before), 'tags', value)).toBe(post(...after))
  })
})

describe('applyFieldEdit: CRLF and BOM', () => {
  const crlf = (s: string) => s.replace(/\n/g, '\r\n')

  it.each<[string, FieldValue]>([
    ['title', 'CRLF のまま'],
    ['tags', ['Heroku', 'EKS', 'AWS']],
    ['tags', ['EKS']],
    ['description', '説明\n二行目'],
    ['eyecatch', null],
    ['published', true],
  ])('editing %s keeps every line break CRLF', (field, value) => {
    const text = '\uFEFF' + crlf(REAL)
    const next = edit(text, field, value)
    expect(next.startsWith('\uFEFF---\r\n')).toBe(true)
    expect(next.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(readFields(next).data[field] ?? null).toEqual(value)
  })

  it('a CRLF edit that adds a line inserts exactly that line', () => {
    const text = crlf(post('tags:', '  - a', 'title: t'))
    const result = applyFieldEdit(text, 'tags', ['a', 'b'])
    expect(result.kind === 'ok' && result.changes).toEqual([
      { from: text.indexOf('title'), to: text.indexOf('title'), insert: '  - b\r\n' },
    ])
  })
})

describe('applyFieldEdit: posts without usable YAML', () => {
  it('creates a front matter when there is none', () => {
    expect(edit('本文だけ\n', 'title', 'はじめに')).toBe('---\ntitle: はじめに\n---\n\n本文だけ\n')
    expect(edit('\uFEFF本文', 'tags', ['a'])).toBe('\uFEFF---\ntags:\n  - a\n---\n\n本文')
  })

  it('fills an empty front matter', () => {
    expect(edit('---\n---\n本文\n', 'title', 'x')).toBe('---\ntitle: x\n---\n本文\n')
  })

  it('refuses ---js front matter without running it (S11)', () => {
    const text = '---js\n{ title: (() => { globalThis.ran = true })() }\n---\n本文\n'
    const result = applyFieldEdit(text, 'title', 'x')
    expect(result.kind).toBe('error')
    expect(result.kind === 'error' && result.message.en).toContain('not supported')
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined()
  })

  it.each([
    // The library notices a missing quote where the YAML ends: its last line.
    ['an unclosed quote', post('title: "oops', 'tags: []'), 3],
    ['a tab indent', post('tags:', '\t- a'), 3],
    ['a duplicate key', post('title: a', 'title: b'), 3],
  ])(
    'refuses invalid YAML (%s), keeping the text and naming the line (D1)',
    (_name, text, line) => {
      const result = applyFieldEdit(text, 'title', 'x')
      expect(result.kind).toBe('error')
      if (result.kind !== 'error') return
      expect(result.line).toBe(line)
      expect(result.message.ja).toContain(`${line} 行目`)
      expect(result.message.en).toContain(`line ${line}`)
      const fields = readFields(text)
      expect(fields.error?.line).toBe(line)
      expect(fields.data).toEqual({})
    },
  )

  it('refuses an unclosed front matter', () => {
    const result = applyFieldEdit('---\ntitle: x\n本文\n', 'title', 'y')
    expect(result.kind === 'error' && result.message.en).toContain('not closed')
  })

  it('stops quickly on an alias bomb (S12)', () => {
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
      'title: x',
    ]
    const started = performance.now()
    const result = applyFieldEdit(post(...bomb), 'title', 'y')
    const fields = readFields(post(...bomb))
    expect(performance.now() - started).toBeLessThan(500)
    expect(result.kind).toBe('error')
    expect(fields.error?.message.en).toMatch(/too many aliases/)
  })

  it('refuses a key that is not a plain YAML key', () => {
    expect(applyFieldEdit(post('title: x'), 'a: b', 'x').kind).toBe('error')
    expect(applyFieldEdit(post('title: x'), '__proto__', 'x').kind).toBe('error')
  })
})

describe('readFields', () => {
  it('gives values and the file line of every key and list item', () => {
    const fields = readFields(REAL)
    expect(fields.data.title).toBe('SUZURIをHerokuからAmazon EKSに移設するためにやったこと')
    expect(fields.keyLines).toMatchObject({
      title: 3,
      date: 4,
      categories: 5,
      tags: 7,
      authors: 11,
    })
    expect(fields.itemLines.tags).toEqual([8, 10])
    expect(fields.itemLines.authors).toEqual([11, 11])
  })

  it('reads CRLF posts with the same lines', () => {
    const fields = readFields(REAL.replace(/\n/g, '\r\n'))
    expect(fields.keyLines.tags).toBe(7)
    expect(fields.data.tags).toEqual(['Heroku', 'EKS'])
  })
})

describe('applyFieldEdit: properties', () => {
  const text = fc.string({
    unit: fc.oneof(
      fc.constantFrom(
        'a',
        'Z',
        '0',
        ' ',
        ':',
        '#',
        '-',
        "'",
        '"',
        '\\',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&',
        '*',
        '!',
        '|',
        '>',
        '%',
        '@',
        '`',
        '?',
        'あ',
        '漢',
        '😀',
        '\t',
      ),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    maxLength: 30,
  })

  it('any one-line title round-trips and only the title line changes', () => {
    fc.assert(
      fc.property(text, (title) => {
        fc.pre(!/[\r\n\u0085\u2028\u2029]/.test(title))
        const result = applyFieldEdit(REAL, 'title', title)
        if (result.kind !== 'ok') return false
        const diff = changedLines(REAL, result.text)
        return (
          readFields(result.text).data.title === title &&
          diff.removed.length === 1 &&
          diff.removed[0]!.startsWith('title:')
        )
      }),
      { numRuns: 300 },
    )
  })

  it('any tag list round-trips and lines outside the tags block never change', () => {
    const tag = text.filter((t) => t.trim() !== '' && !/[\r\n\u0085\u2028\u2029]/.test(t))
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 6 }), (tags) => {
        const result = applyFieldEdit(REAL, 'tags', tags)
        if (result.kind !== 'ok') return false
        const before = REAL.split('\n')
        const after = result.text.split('\n')
        const tagsStart = before.indexOf('tags:')
        const head = before.slice(0, tagsStart)
        const tail = before.slice(before.indexOf('authors: [kromiii, "pyama"]'))
        return (
          JSON.stringify(readFields(result.text).data.tags) === JSON.stringify(tags) &&
          JSON.stringify(after.slice(0, tagsStart)) === JSON.stringify(head) &&
          JSON.stringify(after.slice(after.length - tail.length)) === JSON.stringify(tail)
        )
      }),
      { numRuns: 200 },
    )
  })
})

describe('bodyUnaffected', () => {
  it('is true when an edit keeps the body and its line numbers (the preview can be reused)', () => {
    const title = applyFieldEdit(REAL, 'title', '別のタイトル')
    const tags = applyFieldEdit(REAL, 'tags', ['Heroku', 'EKS', 'AWS'])
    const created = applyFieldEdit('本文\n', 'title', 'x')
    expect(title.kind === 'ok' && bodyUnaffected(REAL, title.changes)).toBe(true)
    expect(tags.kind === 'ok' && bodyUnaffected(REAL, tags.changes)).toBe(false)
    expect(created.kind === 'ok' && bodyUnaffected('本文\n', created.changes)).toBe(false)
  })
})
