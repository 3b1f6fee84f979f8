import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../../src/main/services/fs/atomic-file'
import { KnownFiles } from '../../../../src/main/services/posts/known-files'
import { PostsService } from '../../../../src/main/services/posts/posts'
import { listStyleOf } from '../../../../src/shared/metadata/list-style'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { makeTempRepo, removeTempDirs } from '../../../helpers/temp-repo'

afterAll(removeTempDirs)
const NOW = Date.parse('2025-06-30T16:30:00Z')

async function create(existing: Record<string, string>) {
  const root = await makeTempRepo(existing)
  const repo = { root, name: 'b', profile: DEFAULT_PROFILE, profileError: null, isSample: false }
  const posts = new PostsService({
    repo: () => repo,
    writer: new AtomicWriter(),
    known: new KnownFiles(),
    now: () => NOW,
  })
  const r = await posts.create({
    title: '新しい記事',
    slug: 'new-post',
    authors: ['kojiro'],
    tags: ['Kubernetes', 'SRE'],
    categories: ['技術'],
  })
  if (r.kind !== 'created') throw new Error(JSON.stringify(r))
  return readFile(join(root, r.post.path), 'utf8')
}

const post = (lists: string) =>
  `---\ntitle: 既存\ndate: 2025-01-01T10:00:00+09:00\n${lists}---\n\n本文\n`

describe('a new post asks for the required lists and writes them as the repository does', () => {
  it('indented block lists, with categories and tags, like the sample blog', async () => {
    const text = await create({
      'source/blog/2025-01-01-a.html.md': post(
        'categories:\n  - 技術\ntags:\n  - Go\nauthors:\n  - a\n',
      ),
      'source/blog/2025-01-02-b.html.md': post('tags:\n  - Go\n  - Rust\n'),
    })
    expect(text).toBe(
      '---\ntitle: "新しい記事"\ndate: 2025-07-01T01:30:00+09:00\ncategories:\n  - 技術\ntags:\n  - Kubernetes\n  - SRE\nauthors:\n  - kojiro\npublished: false\n---\n\n',
    )
  })

  it('block lists at the key’s own column when the repository writes them so', async () => {
    const text = await create({
      'source/blog/2025-01-01-a.html.md': post('tags:\n- Go\nauthors:\n- a\n'),
    })
    expect(text).toContain('\ntags:\n- Kubernetes\n- SRE\nauthors:\n- kojiro\n')
  })

  it('flow lists when the repository writes [a, b]', async () => {
    const text = await create({
      'source/blog/2025-01-01-a.html.md': post('tags: [Go, Rust]\nauthors: [a]\n'),
      'source/blog/2025-01-02-b.html.md': post('tags: [Go]\n'),
    })
    expect(text).toContain('\ntags: [Kubernetes, SRE]\n')
  })

  it('learns the most common style; block with two spaces when there is nothing to learn from', () => {
    expect(listStyleOf([])).toEqual({ flow: false, indent: 2 })
    expect(listStyleOf([post('tags:\n- a\n'), post('tags:\n- b\n'), post('tags: [c]\n')])).toEqual({
      flow: false,
      indent: 0,
    })
  })
})
