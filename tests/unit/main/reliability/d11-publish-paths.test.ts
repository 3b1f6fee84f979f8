/**
 * D11 for publishing (issue 16 item 2): the publish service reads the post, lists its asset folder
 * and writes what an update brings in. Those paths go through the same real-path check as every
 * other service, so a post or asset folder that is a link into `.git` is refused with the reason,
 * never read, listed or written through.
 */
import { readdir, readFile, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cleanup,
  colleagueCommit,
  makeBareRemote,
  makeBlogRepo,
  makeService,
  postPaths,
  sh,
  writePost,
} from '../services/git/fixtures'

describe('D11: publishing checks the post’s real paths', () => {
  let bare: string
  let root: string
  beforeEach(async () => {
    bare = await makeBareRemote()
    root = await makeBlogRepo(bare)
  })
  afterEach(() => cleanup(bare, root))

  const hooks = () => readdir(join(root, '.git/hooks')).then((names) => names.sort())

  it('an update never writes a reviewer’s file through an asset folder linked to .git/hooks', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'linked')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    const before = await hooks()

    // The asset folder becomes a link into .git; a "reviewer" adds a file under that name.
    await symlink('../../.git/hooks', join(root, post.assetDir))
    await colleagueCommit(
      bare,
      { [`${post.assetDir}/pre-commit`]: '#!/bin/sh\necho pwned\n' },
      'review suggestion',
      { branch: 'post/linked' },
    )
    const tip = (await sh(root, 'rev-parse', 'post/linked')).trim()

    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'path-refused' })
    if (r.kind === 'error') expect(r.message.en).toMatch(/\.git folder/)
    expect(await hooks()).toEqual(before)
    expect((await sh(root, 'rev-parse', 'post/linked')).trim()).toBe(tip)
  })

  it('a send of a post whose asset folder is linked to .git/hooks is refused with the reason', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'linked-send')
    await symlink('../../.git/hooks', join(root, post.assetDir))
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'path-refused', commitKept: false })
    if (r.kind === 'error') {
      expect(r.message.en).toMatch(/\.git folder/)
      expect(r.message.ja).toMatch(/\.git フォルダ/)
    }
    expect(await sh(root, 'branch', '--list', 'post/linked-send')).toBe('')
  })

  it('a send never carries a link into .git inside the asset folder', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'inner-link', { images: 1 })
    await symlink('../../../.git/hooks', join(root, post.assetDir, 'hooks'))
    const r = await service.publish({ path: post.path })
    expect(r).toMatchObject({
      kind: 'error',
      code: 'path-refused',
      files: [`${post.assetDir}/hooks`],
    })
    expect(await sh(root, 'branch', '--list', 'post/inner-link')).toBe('')
    expect(await sh(bare, 'branch', '--list', 'post/inner-link')).toBe('')
  })

  it('a post file linked to .git/config is neither compared nor sent', async () => {
    const { service } = await makeService(root)
    const { path } = postPaths('config-link')
    await symlink('../../.git/config', join(root, path))
    const config = await readFile(join(root, '.git/config'), 'utf8')
    for (const r of [
      await service.compare(path),
      await service.status(path),
      await service.publish({ path }),
    ]) {
      expect(r.kind).toBe('error')
      expect(JSON.stringify(r)).not.toContain('[remote "origin"]')
    }
    expect(await readFile(join(root, '.git/config'), 'utf8')).toBe(config)
  })
})
