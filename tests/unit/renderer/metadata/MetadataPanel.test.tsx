// @vitest-environment jsdom
import { act, useState } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MetadataPanel } from '../../../../src/renderer/src/metadata/MetadataPanel'
import {
  NewPostWizard,
  LAST_AUTHORS_KEY,
} from '../../../../src/renderer/src/metadata/NewPostWizard'
import { applyFieldEdit, readFields } from '../../../../src/shared/metadata/round-trip'
import { DEFAULT_METADATA_SCHEMA, DEFAULT_FIELDS } from '../../../../src/shared/metadata/schema'
import { validateFrontMatter } from '../../../../src/shared/metadata/validate'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const ORDER = DEFAULT_FIELDS.map((f) => f.key)
const POST = [
  '---',
  '# 記事の情報',
  'title: はじめての記事',
  'date: 2025-01-10T10:00:00+09:00',
  'tags:',
  '  - Ruby # 言語',
  'authors:',
  '  - kromii',
  'eyecatch: eyecatch.png',
  'custom: keep',
  '---',
  '',
  '本文',
  '',
].join('\n')

const SUGGESTIONS = {
  tags: [
    { value: 'Rails', count: 50 },
    { value: 'Ruby', count: 30 },
    { value: 'インフラ', count: 20 },
  ],
  authors: [
    { value: 'kromiii', count: 12 },
    { value: 'pyama', count: 30 },
  ],
  categories: [
    { value: '技術', count: 80 },
    { value: 'お知らせ', count: 9 },
  ],
  posts: 100,
}
const ASSETS = [
  { name: 'eyecatch.png', path: 'a/eyecatch.png', bytes: 10, isImage: true },
  { name: 'figure.webp', path: 'a/figure.webp', bytes: 10, isImage: true },
  { name: 'notes.txt', path: 'a/notes.txt', bytes: 10, isImage: false },
]

/** The panel wired the way the app wires it: one text, edits through applyFieldEdit. */
function Harness({ initial, onText }: { initial: string; onText: (t: string) => void }) {
  const [text, setText] = useState(initial)
  const fields = readFields(text)
  const problems = validateFrontMatter(fields, {
    assetFiles: ASSETS.map((a) => a.name),
    knownAuthors: SUGGESTIONS.authors,
    knownTags: SUGGESTIONS.tags,
  })
  return (
    <MetadataPanel
      fields={fields}
      schema={DEFAULT_METADATA_SCHEMA}
      problems={problems}
      suggestions={SUGGESTIONS}
      assetFiles={ASSETS}
      locale="ja"
      resolveImage={(name) => `pw-asset://repo/a/${name}`}
      onOpenEyecatch={() => onText('open-eyecatch')}
      onEdit={(field, value) => {
        const result = applyFieldEdit(text, field, value, { order: ORDER })
        if (result.kind === 'ok') {
          setText(result.text)
          onText(result.text)
        }
      }}
    />
  )
}

let host: HTMLDivElement
let root: Root
beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
})
afterEach(() => {
  act(() => root.unmount())
  host.remove()
})

const field = (key: string) => host.querySelector(`[data-field="${key}"]`) as HTMLElement

async function typeInto(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    input.focus()
    const proto =
      input instanceof HTMLTextAreaElement
        ? HTMLTextAreaElement.prototype
        : HTMLInputElement.prototype
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}
async function key(input: HTMLElement, k: string) {
  await act(async () => {
    input.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))
  })
}

describe('<MetadataPanel>', () => {
  it('edits the YAML through the form, keeping comments and unknown keys', async () => {
    let text = POST
    await act(async () => root.render(<Harness initial={POST} onText={(t) => (text = t)} />))
    const title = field('title').querySelector('input') as HTMLInputElement
    expect(title.value).toBe('はじめての記事')
    await typeInto(title, 'フォームから書いたタイトル')
    expect(text).toContain('title: フォームから書いたタイトル\n')
    expect(text).toContain('# 記事の情報')
    expect(text).toContain('  - Ruby # 言語')
    expect(text).toContain('custom: keep')
    // The draft toggle writes published: false after the schema's fields before it.
    const toggle = field('published').querySelector('input[type="checkbox"]') as HTMLInputElement
    await act(async () => toggle.click())
    expect(text).toContain('eyecatch: eyecatch.png\npublished: false\ncustom: keep')
    expect(toggle.checked).toBe(true)
  })

  it('suggests tags kana/romaji-insensitively with usage counts, and adds one with Enter', async () => {
    let text = POST
    await act(async () => root.render(<Harness initial={POST} onText={(t) => (text = t)} />))
    const input = field('tags').querySelector('input[role="combobox"]') as HTMLInputElement
    await typeInto(input, 'いんふら')
    const options = [...field('tags').querySelectorAll('[role="option"]')].map((o) => o.textContent)
    expect(options[0]).toBe('インフラ20 件')
    expect(input.getAttribute('aria-expanded')).toBe('true')
    await key(input, 'Enter')
    expect(text).toContain('tags:\n  - Ruby # 言語\n  - インフラ\n')
    expect([...field('tags').querySelectorAll('.pwm-chip span')].map((s) => s.textContent)).toEqual(
      ['Ruby', 'インフラ'],
    )
    // Removing a chip removes its line only.
    await act(async () =>
      (
        field('tags').querySelector('button[aria-label="「Ruby」を外す"]') as HTMLButtonElement
      ).click(),
    )
    expect(text).toContain('tags:\n  - インフラ\nauthors:')
  })

  it('shows problems on their field, linked for screen readers, with a quick fix', async () => {
    let text = POST
    await act(async () => root.render(<Harness initial={POST} onText={(t) => (text = t)} />))
    const authors = field('authors')
    const input = authors.querySelector('input[role="combobox"]') as HTMLInputElement
    const describedBy = input.getAttribute('aria-describedby')!
    const problems = document.getElementById(describedBy)!
    expect(problems.textContent).toContain('「kromiii」のことですか')
    expect(authors.querySelector('.pwm-chip')?.getAttribute('data-severity')).toBe('warn')
    await act(async () => (problems.querySelector('button') as HTMLButtonElement).click())
    expect(text).toContain('authors:\n  - kromiii\n')
    expect(field('authors').querySelector('.pwm-problems')?.hasAttribute('hidden')).toBe(true)
  })

  it('shows the date in the UI language’s format and writes what is typed in Japan time', async () => {
    let text = POST
    await act(async () => root.render(<Harness initial={POST} onText={(t) => (text = t)} />))
    const input = field('date').querySelector('.pw-datetime__input') as HTMLInputElement
    expect(input.value).toBe('2025/01/10 10:00')
    expect(field('date').textContent).toContain('日本時間（+09:00）')
    await typeInto(input, '2025/02/01 8:30')
    expect(text).toContain('date: 2025-02-01T08:30:00+09:00\n')
    // Not a date: kept as typed, the YAML untouched, the error said on leaving the field.
    await typeInto(input, '2025/02/30 8:30')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(field('date').querySelector('[role="alert"]')).toBeNull()
    await act(async () => input.blur())
    expect(input.value).toBe('2025/02/30 8:30')
    expect(field('date').querySelector('[role="alert"]')?.textContent).toContain(
      '日時として読めません。2026/11/26 20:00 の形で',
    )
    expect(text).toContain('date: 2025-02-01T08:30:00+09:00\n')
    await key(input, 'Escape')
    expect(input.value).toBe('2025/02/01 08:30')
    expect(field('date').querySelector('[role="alert"]')).toBeNull()
  })

  it('picks the eyecatch among the asset folder’s images, with a thumbnail and the tools button', async () => {
    let text = POST
    await act(async () => root.render(<Harness initial={POST} onText={(t) => (text = t)} />))
    const eyecatch = field('eyecatch')
    expect(eyecatch.querySelector('img')?.getAttribute('src')).toBe(
      'pw-asset://repo/a/eyecatch.png',
    )
    const select = eyecatch.querySelector('select') as HTMLSelectElement
    expect([...select.options].map((o) => o.value)).toEqual(['', 'eyecatch.png', 'figure.webp'])
    await act(async () => {
      select.value = 'figure.webp'
      select.dispatchEvent(new Event('change', { bubbles: true }))
    })
    expect(text).toContain('eyecatch: figure.webp\n')
    await act(async () =>
      (
        [...eyecatch.querySelectorAll('button')].find(
          (b) => b.textContent === 'アイキャッチを作る…',
        ) as HTMLButtonElement
      ).click(),
    )
    expect(text).toBe('open-eyecatch')
  })

  it('never shows an eyecatch that points outside the post (P2)', async () => {
    const hostile = POST.replace('eyecatch: eyecatch.png', 'eyecatch: ../../../etc/passwd')
    const resolveImage = vi.fn(() => 'pw-asset://x')
    const fields = readFields(hostile)
    await act(async () =>
      root.render(
        <MetadataPanel
          fields={fields}
          schema={DEFAULT_METADATA_SCHEMA}
          problems={validateFrontMatter(fields)}
          suggestions={null}
          assetFiles={ASSETS}
          locale="en"
          resolveImage={resolveImage}
          onEdit={() => {}}
        />,
      ),
    )
    expect(field('eyecatch').querySelector('img')).toBeNull()
    expect(resolveImage).not.toHaveBeenCalled()
    expect(field('eyecatch').textContent).toContain('points outside')
    expect(field('eyecatch').querySelector('select')?.getAttribute('aria-invalid')).toBe('true')
  })

  it('is read-only with the YAML error shown when the front matter is broken (D1)', async () => {
    const broken = '---\ntitle: ok\ntags: [a\n---\n\n本文\n'
    const onShowLine = vi.fn()
    const fields = readFields(broken)
    await act(async () =>
      root.render(
        <MetadataPanel
          fields={fields}
          schema={DEFAULT_METADATA_SCHEMA}
          problems={validateFrontMatter(fields)}
          suggestions={null}
          assetFiles={null}
          locale="ja"
          onEdit={() => {}}
          onShowLine={onShowLine}
        />,
      ),
    )
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('フォームは読むだけ')
    expect((field('title').querySelector('input') as HTMLInputElement).disabled).toBe(true)
    await act(async () =>
      (host.querySelector('[role="alert"] button') as HTMLButtonElement).click(),
    )
    expect(onShowLine).toHaveBeenCalledWith(fields.error!.line)
  })
})

describe('renaming and moving from the panel', () => {
  it('renames the slug (checked live) and offers to move the file when the date’s day changed', async () => {
    const text = POST.replace('2025-01-10T10:00', '2025-02-03T10:00')
    const fields = readFields(text)
    const onMove = vi.fn(async () => ({ kind: 'moved' as const }))
    await act(async () =>
      root.render(
        <MetadataPanel
          fields={fields}
          schema={DEFAULT_METADATA_SCHEMA}
          problems={[]}
          suggestions={null}
          assetFiles={null}
          locale="ja"
          onEdit={() => {}}
          location={{ slug: 'hello', day: '2025-01-10' }}
          takenSlugs={['taken']}
          onMove={onMove}
        />,
      ),
    )
    const row = field('(location)')
    const input = row.querySelector('input') as HTMLInputElement
    const rename = [...row.querySelectorAll('button')].find(
      (b) => b.textContent === '名前を変える',
    )!
    expect(input.value).toBe('hello')
    expect(rename.disabled).toBe(true)
    await typeInto(input, 'taken')
    expect(rename.disabled).toBe(true)
    expect(row.textContent).toContain('ほかの記事で使われています')
    await typeInto(input, 'hello-again')
    expect(rename.disabled).toBe(false)
    await act(async () => rename.click())
    expect(onMove).toHaveBeenLastCalledWith({ slug: 'hello-again' })
    expect(row.textContent).toContain(
      'date（2025-02-03）がファイル名の日付（2025-01-10）と違います',
    )
    const move = [...row.querySelectorAll('button')].find(
      (b) => b.textContent === 'ファイルを 2025-02-03 に移す',
    )!
    await act(async () => move.click())
    expect(onMove).toHaveBeenLastCalledWith({ date: '2025-02-03T10:00:00+09:00' })
  })
})

describe('<NewPostWizard>', () => {
  const memoryWith = (authors?: string[]) => {
    const store = new Map<string, string>()
    if (authors) store.set(LAST_AUTHORS_KEY, JSON.stringify(authors))
    return {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      store,
    }
  }
  const NOW = Date.UTC(2025, 5, 30, 16, 30, 5) // 2025-07-01 01:30:05 in +09:00

  it('suggests the slug from an ASCII title, checks collisions live, and creates with the remembered authors', async () => {
    const memory = memoryWith(['pyama'])
    const onCreate = vi.fn(async () => ({ kind: 'created' as const }))
    await act(async () =>
      root.render(
        <NewPostWizard
          locale="ja"
          profile={DEFAULT_PROFILE}
          takenSlugs={['kaigi-on-rails']}
          authors={SUGGESTIONS.authors}
          tags={SUGGESTIONS.tags}
          categories={SUGGESTIONS.categories}
          now={() => NOW}
          memory={memory}
          onCreate={onCreate}
          onCancel={() => {}}
        />,
      ),
    )
    const [title, slug] = [...host.querySelectorAll<HTMLInputElement>('input[type="text"]')] as [
      HTMLInputElement,
      HTMLInputElement,
    ]
    await typeInto(title, 'Kaigi on Rails')
    expect(slug.value).toBe('kaigi-on-rails')
    expect(slug.getAttribute('aria-invalid')).toBe('true')
    expect(host.textContent).toContain('ほかの記事で使われています')
    await typeInto(slug, 'kaigi-on-rails-2025')
    expect(host.textContent).toContain(
      'URL: https://tech.pepabo.com/2025/07/01/kaigi-on-rails-2025/',
    )
    const date = host.querySelector('.pw-datetime__input') as HTMLInputElement
    expect(date.value).toBe('2025/07/01 01:30:05')
    // A date the wizard cannot read keeps the post from being made with another one.
    await typeInto(date, '2025/07/01 1:30:05 x')
    await act(async () =>
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click(),
    )
    expect(onCreate).not.toHaveBeenCalled()
    await typeInto(date, '2025/07/01 1:30:05')
    expect([...host.querySelectorAll('.pwm-chip span')].map((s) => s.textContent)).toEqual([
      '技術',
      'pyama',
    ])
    // Tags are required (the form marks them 必須): the wizard asks before creating.
    await act(async () =>
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click(),
    )
    expect(onCreate).not.toHaveBeenCalled()
    expect(host.textContent).toContain('タグを 1 つ以上入れてください。')
    const [tags] = host.querySelectorAll('input[role="combobox"]') as NodeListOf<HTMLInputElement>
    await typeInto(tags!, 'Rails')
    await key(tags!, 'Enter')
    await act(async () =>
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click(),
    )
    expect(onCreate).toHaveBeenCalledWith({
      title: 'Kaigi on Rails',
      slug: 'kaigi-on-rails-2025',
      date: '2025-07-01T01:30:05+09:00',
      authors: ['pyama'],
      tags: ['Rails'],
      categories: ['技術'],
    })
    expect(memory.store.get(LAST_AUTHORS_KEY)).toBe('["pyama"]')
  })

  it('asks for a slug when the title is Japanese, and shows errors from main on their field', async () => {
    const onCreate = vi.fn(async () => ({
      kind: 'invalid' as const,
      field: 'slug',
      message: { ja: 'すでにあります', en: 'exists' },
    }))
    await act(async () =>
      root.render(
        <NewPostWizard
          locale="ja"
          profile={DEFAULT_PROFILE}
          takenSlugs={[]}
          now={() => NOW}
          memory={memoryWith()}
          onCreate={onCreate}
          onCancel={() => {}}
        />,
      ),
    )
    const [title, slug] = [...host.querySelectorAll<HTMLInputElement>('input[type="text"]')] as [
      HTMLInputElement,
      HTMLInputElement,
    ]
    await typeInto(title, '新しい記事')
    expect(slug.value).toBe('')
    await act(async () =>
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click(),
    )
    expect(onCreate).not.toHaveBeenCalled()
    expect(host.textContent).toContain('著者を 1 人以上入れてください。')
    await typeInto(slug, '../x')
    expect(host.textContent).toContain('a-z 0-9 -')
    await typeInto(slug, 'new-post')
    const [tags, , authors] = host.querySelectorAll(
      'input[role="combobox"]',
    ) as NodeListOf<HTMLInputElement>
    await typeInto(tags!, 'Go')
    await key(tags!, 'Enter')
    await typeInto(authors!, 'newcomer')
    await key(authors!, 'Enter')
    await act(async () =>
      (host.querySelector('button[type="submit"]') as HTMLButtonElement).click(),
    )
    expect(onCreate).toHaveBeenCalledTimes(1)
    expect(slug.getAttribute('aria-invalid')).toBe('true')
    expect(document.getElementById(slug.getAttribute('aria-describedby')!)?.textContent).toBe(
      'すでにあります',
    )
  })
})
