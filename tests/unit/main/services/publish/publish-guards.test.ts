import { chmod, open, readFile, stat, writeFile } from 'node:fs/promises'
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
} from '../git/fixtures'

/** Everything the writer has, as bytes: what must be identical after a refusal. */
async function snapshot(root: string, paths: string[]) {
  const files = await Promise.all(paths.map((p) => readFile(join(root, p)).catch(() => null)))
  return {
    head: (await sh(root, 'rev-parse', 'HEAD')).trim(),
    branch: (await sh(root, 'branch', '--show-current')).trim(),
    branches: await sh(root, 'branch', '--list'),
    stash: await sh(root, 'stash', 'list'),
    status: await sh(root, 'status', '--porcelain=v1', '--untracked-files=all'),
    files,
  }
}

describe('publish refuses and explains, touching nothing (G4, G6, G9)', () => {
  let bare: string
  let root: string
  beforeEach(async () => {
    bare = await makeBareRemote()
    root = await makeBlogRepo(bare)
  })
  afterEach(() => cleanup(bare, root))

  it('G4: unrelated changes never block a send, and never ride along', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'g4-unrelated')
    await put(root, 'notes.txt', 'my notes\n')
    await put(root, 'config.rb', 'activate :blog\n# my local tweak\n')
    await sh(root, 'add', 'config.rb')
    const before = await snapshot(root, [post.path, 'notes.txt', 'config.rb'])

    const status = await service.status(post.path)
    expect(status.kind === 'ok' && status.status.blockers).toEqual([])
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'published', branch: 'post/g4-unrelated' })
    // Only the post went to its branch; the folder, its index and its branch are as they were.
    expect((await sh(bare, 'diff', '--name-only', 'main', 'post/g4-unrelated')).trim()).toBe(
      post.path,
    )
    const after = await snapshot(root, [post.path, 'notes.txt', 'config.rb'])
    expect({ ...after, branches: '' }).toEqual({ ...before, branches: '' })
    expect(await sh(root, 'diff', '--cached', '--name-only')).toBe('config.rb\n')
  })

  it('G4: a detached HEAD, a merge in progress and a stale index.lock are left alone', async () => {
    const { service } = await makeService(root)
    // A conflicting merge left half done by the writer in a terminal.
    await sh(root, 'switch', '--quiet', '-c', 'side')
    await put(root, 'README.md', 'side\n')
    await sh(root, 'commit', '--quiet', '-am', 'side')
    await sh(root, 'switch', '--quiet', 'main')
    await put(root, 'README.md', 'main\n')
    await sh(root, 'commit', '--quiet', '-am', 'main')
    await sh(root, 'merge', 'side').catch(() => undefined)
    const post = await writePost(root, 'g4-merge')
    const before = await snapshot(root, [post.path, 'README.md'])
    const merging = await service.publish({ path: post.path })
    expect(merging).toMatchObject({ kind: 'published' })
    expect(await snapshot(root, [post.path, 'README.md'])).toEqual({
      ...before,
      branches: expect.stringContaining('post/g4-merge') as unknown as string,
    })
    expect((await stat(join(root, '.git/MERGE_HEAD'))).isFile()).toBe(true)
    await sh(root, 'merge', '--abort')

    await sh(root, 'switch', '--quiet', '--detach', 'HEAD')
    const lock = join(root, '.git/index.lock')
    await writeFile(lock, '')
    const detached = await writePost(root, 'g4-detached')
    const r = await service.publish({ path: detached.path })
    expect(r).toMatchObject({ kind: 'published' })
    expect((await stat(lock)).isFile()).toBe(true)
    expect((await sh(root, 'status', '--porcelain=v2', '--branch')).includes('(detached)')).toBe(
      true,
    )
  })

  it('G4: a post file that is itself half-merged is refused with the reason', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'g4-own-conflict')
    await sh(root, 'add', post.path)
    await sh(root, 'commit', '--quiet', '-m', 'draft')
    await sh(root, 'switch', '--quiet', '-c', 'side')
    await put(root, post.path, '---\ntitle: side\n---\n')
    await sh(root, 'commit', '--quiet', '-am', 'side')
    await sh(root, 'switch', '--quiet', 'main')
    await put(root, post.path, '---\ntitle: main\n---\n')
    await sh(root, 'commit', '--quiet', '-am', 'main')
    await sh(root, 'merge', 'side').catch(() => undefined)
    const before = await snapshot(root, [post.path])
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'merge-in-progress', files: [post.path] })
    expect(await snapshot(root, [post.path])).toEqual(before)
  })

  it('G6: a file over 100 MB is blocked before committing, with the reason', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'g6-big', { images: 1 })
    // A sparse 101 MB file: real size on the file system's books, no 101 MB written.
    const big = await open(join(root, post.assetDir, 'huge.png'), 'w')
    await big.truncate(101 * 1024 * 1024)
    await big.close()
    const status = await service.status(post.path)
    expect(status.kind === 'ok' && status.status.blockers.map((b) => b.kind)).toContain(
      'file-too-large',
    )
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'file-too-large', commitKept: false })
    if (r.kind !== 'error') return
    expect(r.files[0]).toContain('huge.png')
    expect(r.message.en).toContain('100 MB')
    expect(await sh(root, 'branch', '--list', 'post/g6-big')).toBe('')
    expect(await sh(root, 'diff', '--cached', '--name-only')).toBe('')
  })

  it('G9: a missing git is explained and nothing else breaks', async () => {
    const { service } = await makeService(root, { gitPath: '/nonexistent/bin/git' })
    const post = await writePost(root, 'g9')
    expect(await service.checkGit()).toEqual({ kind: 'missing' })
    const status = await service.status(post.path)
    expect(status.kind).toBe('error')
    if (status.kind === 'error') expect(status.message.en).toContain('Install git')
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'git-missing' })
    expect(await readFile(join(root, post.path), 'utf8')).toContain('本文です。')
  })

  it('G9: a git older than 2.30 is explained', async () => {
    const dir = await tempDir('pw-oldgit-')
    const fake = join(dir, 'git')
    await writeFile(fake, '#!/bin/sh\necho "git version 2.20.1"\n')
    await chmod(fake, 0o755)
    const { service } = await makeService(root, { gitPath: fake })
    expect(await service.checkGit()).toEqual({ kind: 'too-old', version: '2.20.1' })
    const r = await service.publish({ path: writePostPath() })
    expect(r).toMatchObject({ kind: 'error', code: 'git-too-old' })
    if (r.kind === 'error') expect(r.message.en).toContain('2.20.1')
    await cleanup(dir)
  })

  it('refuses a path that is not a post or leaves the repository', async () => {
    const { service } = await makeService(root)
    expect(await service.publish({ path: 'README.md' })).toMatchObject({
      kind: 'error',
      code: 'not-a-post',
    })
    expect(
      await service.publish({ path: '../outside/source/blog/2025-01-01-x.html.md' }),
    ).toMatchObject({
      kind: 'error',
      code: 'not-a-post',
    })
  })

  it('asks for a name and e-mail when git has none, and works once they are set', async () => {
    await sh(root, 'config', '--unset', 'user.name')
    await sh(root, 'config', '--unset', 'user.email')
    // Without this, git may invent an identity from the machine's user and host names.
    await sh(root, 'config', 'user.useConfigOnly', 'true')
    const { service } = await makeService(root)
    const post = await writePost(root, 'identity')
    const saved = { global: process.env.GIT_CONFIG_GLOBAL }
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'
    // The test runner may give git an identity through the environment; this case must have none.
    const identityVars = [
      'GIT_AUTHOR_NAME',
      'GIT_AUTHOR_EMAIL',
      'GIT_COMMITTER_NAME',
      'GIT_COMMITTER_EMAIL',
    ]
    const savedIdentity = identityVars.map((k) => [k, process.env[k]] as const)
    for (const k of identityVars) delete process.env[k]
    try {
      const r = await service.publish({ path: post.path })
      expect(r).toMatchObject({ kind: 'error', code: 'identity-missing', commitKept: false })
      expect(await service.setIdentity({ name: '山田 花子', email: 'hanako@example.com' })).toEqual(
        { kind: 'ok' },
      )
      const ok = await service.publish({ path: post.path })
      expect(ok.kind).toBe('published')
      expect((await sh(bare, 'log', '-1', '--format=%an <%ae>', 'post/identity')).trim()).toBe(
        '山田 花子 <hanako@example.com>',
      )
    } finally {
      if (saved.global === undefined) delete process.env.GIT_CONFIG_GLOBAL
      else process.env.GIT_CONFIG_GLOBAL = saved.global
      for (const [k, v] of savedIdentity) if (v !== undefined) process.env[k] = v
    }
  })

  it('the writer’s pre-commit hook does not run on a review send (plumbing commits; CI checks the pull request)', async () => {
    const hook = join(root, '.git/hooks/pre-commit')
    await writeFile(hook, '#!/bin/sh\necho ran > "$GIT_DIR/hook-ran"\nexit 1\n')
    await chmod(hook, 0o755)
    const { service } = await makeService(root)
    const post = await writePost(root, 'hooked')
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'published' })
    await expect(stat(join(root, '.git/hook-ran'))).rejects.toThrow()
  })
})

function writePostPath(): string {
  return 'source/blog/2025-01-15-any.html.md'
}
