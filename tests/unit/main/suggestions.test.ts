import { readFile, symlink, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SuggestionIndex } from '../../../src/main/services/metadata/suggestions'
import type { RepoInfo } from '../../../src/shared/ipc/contract'
import { applyFieldEdit } from '../../../src/shared/metadata/round-trip'
import { DEFAULT_PROFILE } from '../../../src/shared/profile'
import {
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  writeFiles,
} from '../../helpers/temp-repo'

afterAll(removeTempDirs)

const A = postPathFor('2025-01-10', 'rails-upgrade')
const B = postPathFor('2025-02-01', 'eks')
const C = postPathFor('2025-03-03', 'hiring')

async function setup(extra: Record<string, string> = {}) {
  const root = await makeTempRepo(
    {
      [A]: postText({
        title: 'Rails',
        tags: ['Rails', 'Ruby'],
        authors: ['pyama'],
        categories: ['技術'],
      }),
      [B]: postText({
        title: 'EKS',
        tags: ['Kubernetes', 'Ruby'],
        authors: ['kromiii', 'pyama'],
        categories: ['技術'],
      }),
      // Comma-separated tags and CRLF line breaks, as older posts have.
      [C]: '---\r\ntitle: 採用\r\ntags: 採用, Ruby\r\nauthors:\r\n  - hr-team\r\ncategories: [お知らせ]\r\n---\r\n\r\n本文\r\n',
      'README.md': '---\ntags: [not-a-post]\n---\n',
      ...extra,
    },
    { git: true },
  )
  const repo: RepoInfo = {
    root,
    name: 'blog',
    profile: DEFAULT_PROFILE,
    profileError: null,
    isSample: false,
  }
  const index = new SuggestionIndex({ repo: () => repo })
  return { root, repo, index }
}

describe('SuggestionIndex', () => {
  it('counts tags, authors and categories over every post, most used first', async () => {
    const { index } = await setup()
    const s = await index.suggestions()
    expect(s.posts).toBe(3)
    expect(s.tags).toEqual([
      { value: 'Ruby', count: 3 },
      { value: 'Kubernetes', count: 1 },
      { value: 'Rails', count: 1 },
      { value: '採用', count: 1 },
    ])
    expect(s.authors).toEqual([
      { value: 'pyama', count: 2 },
      { value: 'hr-team', count: 1 },
      { value: 'kromiii', count: 1 },
    ])
    expect(s.categories).toEqual([
      { value: '技術', count: 2 },
      { value: 'お知らせ', count: 1 },
    ])
  })

  it('leaves the open post out when asked (its buffer counts live in the renderer)', async () => {
    const { index } = await setup()
    const s = await index.suggestions(B)
    expect(s.posts).toBe(2)
    expect(s.authors.find((a) => a.value === 'kromiii')).toBeUndefined()
    expect(s.tags[0]).toEqual({ value: 'Ruby', count: 2 })
  })

  it('updates one post incrementally after a save, reading only that file', async () => {
    const { root, index } = await setup()
    await index.suggestions()
    const parsed = index.parsedCount
    // Renaming a tag in one post changes only that post's contribution.
    const path = join(root, ...A.split('/'))
    const edited = applyFieldEdit(await readFile(path, 'utf8'), 'tags', ['Rails', 'RubyKaigi'])
    if (edited.kind !== 'ok') throw new Error('edit failed')
    await writeFile(path, edited.text)
    await index.updatePost(A)
    expect(index.parsedCount).toBe(parsed + 1)
    const s = await index.suggestions()
    expect(s.tags.find((t) => t.value === 'Ruby')).toEqual({ value: 'Ruby', count: 2 })
    expect(s.tags.find((t) => t.value === 'RubyKaigi')).toEqual({ value: 'RubyKaigi', count: 1 })
  })

  it('counts a saved buffer without reading it, and forgets removed posts', async () => {
    const { root, index } = await setup()
    await index.suggestions()
    index.updateFromText(A, postText({ title: 'x', tags: ['Go'], authors: ['gopher'] }))
    let s = await index.suggestions()
    expect(s.tags.find((t) => t.value === 'Go')?.count).toBe(1)
    expect(s.authors.find((a) => a.value === 'gopher')?.count).toBe(1)
    await unlink(join(root, ...B.split('/')))
    await index.updatePost(B)
    s = await index.suggestions()
    expect(s.posts).toBe(2)
    expect(s.authors.find((a) => a.value === 'kromiii')).toBeUndefined()
  })

  it('rescans after invalidate, re-reading only files that changed', async () => {
    const { root, index } = await setup()
    await index.suggestions()
    const parsed = index.parsedCount
    const D = postPathFor('2025-04-01', 'new-post')
    await writeFiles(root, {
      [D]: postText({ title: 'new', tags: ['Ruby'], authors: ['newcomer'] }),
    })
    index.invalidate()
    const s = await index.suggestions()
    expect(index.parsedCount).toBe(parsed + 1)
    expect(s.tags[0]).toEqual({ value: 'Ruby', count: 4 })
    expect(s.authors.map((a) => a.value)).toContain('newcomer')
  })

  it('never reads a post that links outside the repository (D11)', async () => {
    const outside = await makeTempDir()
    await writeFile(join(outside, 'secret.md'), postText({ title: 's', tags: ['secret-tag'] }))
    const { root, index } = await setup()
    await symlink(
      join(outside, 'secret.md'),
      join(root, 'source', 'blog', '2025-05-05-link.html.md'),
    )
    const s = await index.suggestions()
    expect(s.tags.map((t) => t.value)).not.toContain('secret-tag')
  })

  it('ignores broken front matter and bombs without failing the rest', async () => {
    const bad = postPathFor('2025-06-01', 'broken')
    const bomb = postPathFor('2025-06-02', 'bomb')
    const { index } = await setup({
      [bad]: '---\ntitle: "unclosed\ntags: [x\n---\n',
      [bomb]:
        '---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\ntags: [*c]\n---\n',
    })
    const s = await index.suggestions()
    expect(s.posts).toBe(5)
    expect(s.tags[0]).toEqual({ value: 'Ruby', count: 3 })
  })

  it('is empty with no repository open', async () => {
    const index = new SuggestionIndex({ repo: () => null })
    expect(await index.suggestions()).toEqual({ tags: [], authors: [], categories: [], posts: 0 })
  })
})
