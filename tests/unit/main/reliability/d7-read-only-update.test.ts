/**
 * D7 for the publish update (issue 16 item 9's read-only case): bringing a reviewer's file into
 * a repository on a read-only disk says "read-only", not "git stopped with an unexpected error".
 * Needs `mount` (root, or a user namespace); elsewhere it is reported as skipped.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cleanup,
  colleagueCommit,
  makeBareRemote,
  makeService,
  put,
  sh,
  tempDir,
  writePost,
} from '../services/git/fixtures'

const run = promisify(execFile)
let root = ''
let bare = ''
let mounted = false

beforeAll(async () => {
  root = await tempDir('pw-ro-update-')
  mounted = await run('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', root]).then(
    () => true,
    () => false,
  )
  bare = await makeBareRemote()
})

afterAll(async () => {
  if (mounted) await run('umount', [root]).catch(() => undefined)
  await cleanup(root, bare)
})

describe('D7: an update into a folder on a read-only disk', () => {
  it('says "read-only", not an unexpected git error', async (ctx) => {
    if (!mounted) ctx.skip()
    await sh(root, 'init', '--quiet', '--initial-branch=main')
    await sh(root, 'config', 'user.name', 'Test Writer')
    await sh(root, 'config', 'user.email', 'writer@example.com')
    await put(root, 'README.md', '# Blog\n')
    await sh(root, 'add', '-A')
    await sh(root, 'commit', '--quiet', '-m', 'Initial blog')
    await sh(root, 'remote', 'add', 'origin', bare)
    await sh(root, 'push', '--quiet', '-u', 'origin', 'main')
    const { service } = await makeService(root)
    const post = await writePost(root, 'ro')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    await colleagueCommit(bare, { [`${post.assetDir}/notes/review.txt`]: 'note\n' }, 'review', {
      branch: 'post/ro',
    })
    await run('mount', ['-o', 'remount,ro', root])
    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'read-only-disk' })
    if (r.kind !== 'error') return
    expect(r.message.en).toMatch(/read-only/)
    expect(r.message.ja).toMatch(/読み取り専用/)
    expect(r.message.en).not.toMatch(/ENOENT|unexpected error/)
  })
})
