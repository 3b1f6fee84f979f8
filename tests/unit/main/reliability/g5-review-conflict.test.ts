/**
 * G5 variant from issue 16 item 9: the update conflicts because a reviewer changed the post on its
 * review branch, not because the published (base) version did. The message says so — the review
 * place, never the base branch — and offers the choice (keep mine / take the reviewer's), not the
 * button the writer just pressed.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cleanup,
  colleagueCommit,
  makeBareRemote,
  makeBlogRepo,
  makeService,
  put,
  sh,
  writePost,
} from '../services/git/fixtures'

describe('G5: an update that conflicts with a reviewer’s commit on the review branch', () => {
  let bare: string
  let root: string
  beforeEach(async () => {
    bare = await makeBareRemote()
    root = await makeBlogRepo(bare)
  })
  afterEach(() => cleanup(bare, root))

  /** The message names the review place and the reviewer, and never the published version. */
  function expectReviewWording(message: { ja: string; en: string }, branch: string) {
    expect(message.en).toContain(branch)
    expect(message.en).toMatch(/review/i)
    expect(message.en).not.toMatch(/published/i)
    expect(message.ja).toContain(branch)
    expect(message.ja).not.toContain('公開中')
    // The way out is the choice, not the button that was just pressed.
    expect(message.en).not.toContain('Bring in the review changes')
    expect(message.en).toContain('Keep mine')
  }

  it('with the writer’s unsent edit in the folder: says the reviewer, then keep-mine/take-theirs work', async () => {
    const { service } = await makeService(root)
    const post = await writePost(root, 'reviewed')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    const original = await readFile(join(root, post.path), 'utf8')
    await colleagueCommit(
      bare,
      { [post.path]: original.replace('本文です。', '本文です。レビューでの修正') },
      'review suggestion',
      { branch: 'post/reviewed' },
    )
    const mine = original.replace('本文です。', '本文です。書き手の追記')
    await put(root, post.path, mine)
    const tip = (await sh(root, 'rev-parse', 'post/reviewed')).trim()

    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'review-conflict', files: [post.path] })
    if (r.kind === 'error') expectReviewWording(r.message, 'post/reviewed')
    expect(await readFile(join(root, post.path), 'utf8')).toBe(mine)
    expect((await sh(root, 'rev-parse', 'post/reviewed')).trim()).toBe(tip)
    // 「見比べる」 shows the reviewer's version as the one sent for review (the server's copy).
    const versions = await service.compare(post.path)
    expect(versions.kind === 'ok' && versions.versions.sent).toContain('レビューでの修正')

    const taken = await service.update({ path: post.path, resolution: 'theirs' })
    expect(taken).toMatchObject({ kind: 'updated' })
    expect(await readFile(join(root, post.path), 'utf8')).toContain('レビューでの修正')
  })

  it('with the writer’s kept commit (a push that lost the race): says the reviewer, and keep-mine settles it', async () => {
    let race: (() => Promise<unknown>) | null = null
    const { service } = await makeService(root, {
      beforeStep: async (step) => {
        if (step === 'push' && race) await race().finally(() => (race = null))
      },
    })
    const post = await writePost(root, 'raced')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
    const original = await readFile(join(root, post.path), 'utf8')

    // The writer's next send is committed, but a reviewer pushes the same line first.
    race = () =>
      colleagueCommit(
        bare,
        { [post.path]: original.replace('本文です。', '本文です。レビューでの修正') },
        'review suggestion',
        { branch: 'post/raced' },
      )
    await put(root, post.path, original.replace('本文です。', '本文です。書き手の追記'))
    expect(await service.publish({ path: post.path })).toMatchObject({
      kind: 'error',
      code: 'push-rejected',
      commitKept: true,
    })
    const kept = (await sh(root, 'rev-parse', 'post/raced')).trim()

    const r = await service.update({ path: post.path })
    expect(r).toMatchObject({ kind: 'error', code: 'review-conflict', files: [post.path] })
    if (r.kind === 'error') expectReviewWording(r.message, 'post/raced')
    expect((await sh(root, 'rev-parse', 'post/raced')).trim()).toBe(kept)

    expect(await service.update({ path: post.path, resolution: 'mine' })).toMatchObject({
      kind: 'updated',
    })
    expect(await sh(root, 'show', `post/raced:${post.path}`)).toContain('書き手の追記')
    expect((await service.publish({ path: post.path })).kind).toBe('published')
  })
})
