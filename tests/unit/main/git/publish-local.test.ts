import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cleanup,
  makeBareRemote,
  makeBlogRepo,
  makeService,
  put,
  sh,
  tempDir,
  writePost,
} from './fixtures'

/** The one-click flow against a local bare repository (the embedded sample's setup). */
describe('publish to a local bare remote', () => {
  let bare: string
  let root: string

  beforeEach(async () => {
    bare = await makeBareRemote()
    root = await makeBlogRepo(bare)
  })
  afterEach(() => cleanup(bare, root))

  it('publishes a new post with its images on post/<slug>, and only those files', async () => {
    const { service, progress } = await makeService(root)
    const post = await writePost(root, 'first-post', { title: '最初の記事', images: 3 })
    // Another post's new draft sits in the working tree too: it must stay out of this commit.
    const other = await writePost(root, 'other-draft', { images: 1 })

    const before = await service.status(post.path)
    expect(before.kind).toBe('ok')
    if (before.kind !== 'ok') return
    expect(before.status.state).toBe('draft')
    expect(before.status.branch).toBe('post/first-post')
    expect(before.status.files.map((f) => f.path)).toEqual([
      post.path,
      `${post.assetDir}/image-1.png`,
      `${post.assetDir}/image-2.png`,
      `${post.assetDir}/image-3.png`,
    ])
    expect(before.status.files.every((f) => f.change === 'added')).toBe(true)
    expect(before.status.blockers).toEqual([])
    expect(before.status.suggestedMessage).toBe('記事を追加: 最初の記事')

    const result = await service.publish({ path: post.path })
    expect(result).toMatchObject({
      kind: 'published',
      branch: 'post/first-post',
      committed: true,
      pullRequestUrl: null,
    })
    if (result.kind !== 'published') return
    expect(result.message.en).toContain('remote on this computer')

    // The remote has the branch with exactly the post's files on top of main.
    const files = (await sh(bare, 'diff', '--name-only', 'main', 'post/first-post'))
      .trim()
      .split('\n')
    expect(files.sort()).toEqual(
      [post.path, ...[1, 2, 3].map((i) => `${post.assetDir}/image-${i}.png`)].sort(),
    )
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/first-post')).trim()).toBe(
      '記事を追加: 最初の記事',
    )
    expect((await sh(bare, 'rev-parse', 'post/first-post')).trim()).toBe(result.commit)
    // The other draft is still here, untracked, untouched.
    expect(await sh(root, 'status', '--porcelain', '--', other.path)).toContain('??')

    const after = await service.status(post.path)
    expect(after.kind === 'ok' && after.status.state).toBe('sent')
    // The working folder never moved: still on main, both drafts still there.
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('main')
    expect(after.kind === 'ok' && after.status.unpushedCommits).toBe(0)
    expect(progress.at(-1)).toMatchObject({ phase: 'done', percent: 100 })
  })

  it('pressing again pushes new changes to the same branch, and again with nothing new just confirms', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'again', { images: 1 })
    const first = await service.publish({ path: post.path })
    expect(first.kind).toBe('published')

    await put(
      root,
      post.path,
      (await readFile(join(root, post.path), 'utf8')) + '\n追記しました。\n',
    )
    expect(
      (await service.status(post.path)).kind === 'ok' &&
        ((await service.status(post.path)) as { status: { state: string } }).status.state,
    ).toBe('changed')
    const second = await service.publish({ path: post.path })
    expect(second).toMatchObject({ kind: 'published', branch: 'post/again', committed: true })
    if (first.kind !== 'published' || second.kind !== 'published') return
    // A fast-forward on the same branch: the first commit is the parent of the second.
    expect((await sh(bare, 'rev-parse', 'post/again~1')).trim()).toBe(first.commit)
    // Still new to the base branch, so still 「記事を追加」 (「記事を更新」 is for published posts).
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/again')).trim()).toBe(
      '記事を追加: テスト記事 again',
    )
    expect(await sh(bare, 'show', `post/again:${post.path}`)).toContain('追記しました。')

    const third = await service.publish({ path: post.path })
    expect(third).toMatchObject({ kind: 'published', committed: false, commit: second.commit })
  })

  it('uses the writer’s own commit message when given, and saves the buffer first', async () => {
    const saved: string[] = []
    const { service } = await makeService(root, {
      savePost: async ({ path, text }) => {
        await put(root, path, text)
        saved.push(path)
        return { kind: 'saved' }
      },
    })
    const post = await writePost(root, 'with-message')
    const text =
      '---\ntitle: 保存前の本文\ndate: 2025-01-15T10:00:00+09:00\nauthors:\n  - writer\ntags: []\n---\n\nエディターの内容\n'
    const r = await service.publish({
      path: post.path,
      message: 'Add my post',
      save: { text, expectedHash: null },
    })
    expect(r.kind).toBe('published')
    expect(saved).toEqual([post.path])
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/with-message')).trim()).toBe(
      'Add my post',
    )
    expect(await sh(bare, 'show', `post/with-message:${post.path}`)).toContain('エディターの内容')
  })

  it('stops when saving reports a conflict, before committing anything', async () => {
    const { service } = await makeService(root, { savePost: async () => ({ kind: 'conflict' }) })
    const post = await writePost(root, 'save-conflict')
    const r = await service.publish({ path: post.path, save: { text: 'x', expectedHash: 'abc' } })
    expect(r).toMatchObject({ kind: 'error', code: 'save-failed', commitKept: false })
    expect(await sh(root, 'branch', '--list', 'post/save-conflict')).toBe('')
  })

  it('publishes an edit of an already published post, and says merged only once the base has it', async () => {
    const { service } = await makeService(root)
    const hello = '2024-12-01'
    const path = `source/blog/${hello}-hello-world.html.md`
    const published = await service.status(path)
    expect(published.kind === 'ok' && published.status.state).toBe('published')
    expect(await service.states([path])).toEqual({ kind: 'ok', states: { [path]: 'published' } })

    await put(
      root,
      path,
      '---\ntitle: Hello\ndate: 2024-12-01T10:00:00+09:00\nauthors:\n  - writer\ntags: []\n---\n\n直しました\n',
    )
    expect(await service.states([path])).toEqual({ kind: 'ok', states: { [path]: 'edited' } })
    const r = await service.publish({ path })
    expect(r).toMatchObject({ kind: 'published', branch: 'post/hello-world' })
    expect((await sh(bare, 'log', '-1', '--format=%s', 'post/hello-world')).trim()).toBe(
      '記事を更新: Hello',
    )
    // Sent, not merged: nothing reached the base branch.
    expect(await service.states([path])).toEqual({ kind: 'ok', states: { [path]: 'sent' } })
    // A reviewer merges the pull request on the remote: after a fetch it is "merged".
    await sh(bare, 'update-ref', 'refs/heads/main', 'refs/heads/post/hello-world')
    await sh(root, 'fetch', '--quiet', 'origin')
    expect(await service.states([path])).toEqual({ kind: 'ok', states: { [path]: 'merged' } })
  })

  it('lists states for many posts at once', async () => {
    const { service } = await makeService(root)
    const a = await writePost(root, 'state-a')
    const b = await writePost(root, 'state-b')
    await service.publish({ path: b.path })
    const r = await service.states([a.path, b.path, 'README.md'])
    // b stays in the folder exactly as sent; a is still a new draft.
    expect(r).toEqual({ kind: 'ok', states: { [a.path]: 'draft', [b.path]: 'sent' } })
  })

  it('starts a new post branch from the newest remote base, leaving the folder’s branch alone', async () => {
    const { service } = await makeService(root)
    const other = await tempDir('pw-colleague-')
    await sh(other, 'clone', '--quiet', bare, '.')
    await put(other, 'README.md', '# Blog\n\nnewer\n')
    await sh(
      other,
      '-c',
      'user.name=C',
      '-c',
      'user.email=c@example.com',
      'commit',
      '--quiet',
      '-am',
      'newer base',
    )
    await sh(other, 'push', '--quiet', 'origin', 'main')
    const newest = (await sh(other, 'rev-parse', 'HEAD')).trim()
    await cleanup(other)

    const mainBefore = (await sh(root, 'rev-parse', 'main')).trim()
    const post = await writePost(root, 'fresh-base')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    // The checked-out branch is the writer's: not even fast-forwarded behind their back.
    expect((await sh(root, 'rev-parse', 'main')).trim()).toBe(mainBefore)
    expect((await sh(root, 'rev-parse', 'post/fresh-base~1')).trim()).toBe(newest)
  })

  it('publishing a second post leaves the first one in the folder and on its branch', async () => {
    const { service } = await makeService(root)
    const a = await writePost(root, 'post-a')
    expect((await service.publish({ path: a.path })).kind).toBe('published')
    const b = await writePost(root, 'post-b')
    const rb = await service.publish({ path: b.path })
    expect(rb).toMatchObject({ kind: 'published', branch: 'post/post-b' })
    // b's branch holds only b; a lives on, unchanged, on its own branch and on the remote.
    expect((await sh(bare, 'diff', '--name-only', 'main', 'post/post-b')).trim()).toBe(b.path)
    expect(await sh(bare, 'show', `post/post-a:${a.path}`)).toContain('本文です。')
    expect(await service.states([a.path, b.path])).toEqual({
      kind: 'ok',
      states: { [a.path]: 'sent', [b.path]: 'sent' },
    })
    expect(await readFile(join(root, a.path), 'utf8')).toContain('本文です。')
  })
})
