import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mergeInto } from '../../../../src/main/services/git/merge'
import { rebaseOnto } from '../../../../src/main/services/git/rebase'
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

/** Another clone that changes `main` on the remote (a colleague, or a merged pull request). */
async function pushToMainElsewhere(bare: string, path: string, content: string): Promise<void> {
  const other = await tempDir('pw-colleague-')
  try {
    await sh(other, 'clone', '--quiet', bare, '.')
    await put(other, path, content)
    await sh(other, 'add', '-A')
    await sh(
      other,
      '-c',
      'user.name=Colleague',
      '-c',
      'user.email=c@example.com',
      'commit',
      '--quiet',
      '-m',
      `edit ${path}`,
    )
    await sh(other, 'push', '--quiet', 'origin', 'main')
  } finally {
    await cleanup(other)
  }
}

describe('update from base (G5)', () => {
  let bare: string
  let root: string
  beforeEach(async () => {
    bare = await makeBareRemote()
    root = await makeBlogRepo(bare)
  })
  afterEach(() => cleanup(bare, root))

  it('merges a non-conflicting base change into the post branch', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'merge-clean')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    await pushToMainElsewhere(bare, 'README.md', '# Blog\n\nUpdated by a colleague.\n')

    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'updated', changed: true, method: 'merge' })
    expect(await readFile(join(root, 'README.md'), 'utf8')).toContain('colleague')
    // The next press pushes the merge as a fast-forward.
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    const again = await service.update({ path: post.path })
    expect(again).toMatchObject({ kind: 'updated', changed: false })
  })

  it('stops before touching the working file when the base conflicts with the post', async () => {
    const { service } = await makeService(root)
    const path = 'source/blog/2024-12-01-hello-world.html.md'
    await put(root, path, '---\ntitle: Hello\n---\n\n私の書き直し\n')
    expect((await service.publish({ path })).kind).toBe('published')
    await pushToMainElsewhere(bare, path, '---\ntitle: Hello\n---\n\n同僚の書き直し\n')
    const bytes = await readFile(join(root, path))
    const head = (await sh(root, 'rev-parse', 'HEAD')).trim()

    const r = await service.update({ path })
    expect(r).toMatchObject({
      kind: 'error',
      code: 'merge-conflict',
      files: [path],
      commitKept: false,
    })
    if (r.kind !== 'error') return
    expect(r.message.en).toContain('untouched')
    expect(r.message.ja).toContain('何も失われていません')
    expect(await readFile(join(root, path))).toEqual(bytes)
    expect((await sh(root, 'rev-parse', 'HEAD')).trim()).toBe(head)
    expect(await sh(root, 'status', '--porcelain')).toBe('')
    await expect(readFile(join(root, '.git/MERGE_HEAD'))).rejects.toThrow()
  })

  it('refuses to update while the post has changes git does not have yet', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'dirty-update')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    await put(root, post.path, 'unsent edit\n')
    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'uncommitted-changes' })
    expect(await readFile(join(root, post.path), 'utf8')).toBe('unsent edit\n')
  })

  it('rebases commits that were never pushed when the profile asks for rebase', async () => {
    const { service } = await makeService(root, { profile: { updateMethod: 'rebase' } })
    const post = await writePost(root, 'rebase-me')
    await sh(root, 'switch', '--quiet', '-c', 'post/rebase-me')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'local only')
    await pushToMainElsewhere(bare, 'README.md', 'newer base\n')
    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'updated', changed: true, method: 'rebase' })
    // Linear history: the post's commit now sits directly on the remote's main.
    expect((await sh(root, 'rev-parse', 'HEAD~1')).trim()).toBe(
      (await sh(root, 'rev-parse', 'origin/main')).trim(),
    )
  })

  it('a post without a branch has nothing to update', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'no-branch')
    expect(await service.update({ path: post.path })).toMatchObject({
      kind: 'updated',
      changed: false,
      method: 'none',
    })
  })
})

describe('merge and rebase abort on conflict (the path for gits without merge-tree --write-tree)', () => {
  let root: string
  beforeEach(async () => {
    root = await tempDir('pw-conflict-')
    await sh(root, 'init', '--quiet', '--initial-branch=main')
    await sh(root, 'config', 'user.name', 'T')
    await sh(root, 'config', 'user.email', 't@example.com')
    await put(root, 'post.md', 'line one\n')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'base')
    await sh(root, 'switch', '--quiet', '-c', 'other')
    await put(root, 'post.md', 'theirs\n')
    await sh(root, 'commit', '--quiet', '-am', 'theirs')
    await sh(root, 'switch', '--quiet', 'main')
    await put(root, 'post.md', 'mine\n')
    await sh(root, 'commit', '--quiet', '-am', 'mine')
  })
  afterEach(() => cleanup(root))

  it('merge: returns the conflicted file and leaves it exactly as it was', async () => {
    const r = await mergeInto({ cwd: root }, 'other')
    expect(r.result.errorKind).toBe('merge-conflict')
    expect(r.conflicts).toEqual(['post.md'])
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('mine\n')
    expect(await sh(root, 'status', '--porcelain')).toBe('')
  })

  it('rebase: returns the conflicted file and leaves the branch as it was', async () => {
    const head = (await sh(root, 'rev-parse', 'HEAD')).trim()
    const r = await rebaseOnto({ cwd: root }, 'other')
    expect(r.result.errorKind).toBe('merge-conflict')
    expect(r.conflicts).toEqual(['post.md'])
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe('mine\n')
    expect((await sh(root, 'rev-parse', 'HEAD')).trim()).toBe(head)
    expect((await sh(root, 'branch', '--show-current')).trim()).toBe('main')
  })
})
