/**
 * Issue 12: sending runs the rules of `portal-writer check` on the post as saved. Errors stop the
 * send before any commit, naming rule, file and line in both languages; warnings ride along with
 * the success; the profile's `check:` levels apply, as in the CLI. Real git, real bare remote.
 */
import { readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { blogWithRemote } from '../../git/blog-with-remote'
import { makeService, put, sh, writePost } from '../../git/fixtures'

/** A post body showing an image that is not in the post's folder. */
const MISSING_IMAGE = '本文です。\n\n![図](none.png)'

describe('sending checks the post first (issue 12)', () => {
  const blog = blogWithRemote()

  const branches = async (cwd: string) =>
    (await sh(cwd, 'for-each-ref', '--format=%(refname)', 'refs/heads')).trim().split('\n')

  it('stops on an error, naming rule and line, and commits nothing anywhere', async () => {
    const { service, progress } = await makeService(blog.root)
    const post = await writePost(blog.root, 'broken', { body: MISSING_IMAGE })
    const head = (await sh(blog.root, 'rev-parse', 'HEAD')).trim()

    const result = await service.publish({ path: post.path })
    expect(result).toMatchObject({
      kind: 'error',
      code: 'post-check-failed',
      phase: 'check',
      commitKept: false,
      files: [post.path],
    })
    if (result.kind !== 'error') return
    expect(result.findings).toHaveLength(1)
    const line =
      (await readFile(join(blog.root, post.path), 'utf8')).split('\n').indexOf('![図](none.png)') +
      1
    expect(line).toBeGreaterThan(5)
    expect(result.findings![0]).toEqual({
      ja: `${post.path} ${line} 行目: 画像「none.png」（${post.assetDir}/none.png）が見つかりません。 [image-missing]`,
      en: `${post.path} line ${line}: The image "none.png" (${post.assetDir}/none.png) was not found. [image-missing]`,
    })
    expect(result.message.ja).toContain('送信を止めました')
    expect(result.message.en).toContain('nothing was sent')
    // Nothing was committed, no branch was made, nothing reached the remote.
    expect((await sh(blog.root, 'rev-parse', 'HEAD')).trim()).toBe(head)
    expect(await branches(blog.root)).toEqual(['refs/heads/main'])
    expect(await branches(blog.bare)).toEqual(['refs/heads/main'])
    expect(progress.map((p) => p.phase)).not.toContain('push')
  })

  it('sends once the error is fixed, with the warnings beside the success', async () => {
    const { service } = await makeService(blog.root)
    const post = await writePost(blog.root, 'broken', {
      body: MISSING_IMAGE,
      images: 1,
      tags: null,
    })
    expect(await service.publish({ path: post.path })).toMatchObject({ code: 'post-check-failed' })
    // The writer adds the missing image.
    await rename(
      join(blog.root, post.assetDir, 'image-1.png'),
      join(blog.root, post.assetDir, 'none.png'),
    )
    const result = await service.publish({ path: post.path })
    expect(result).toMatchObject({ kind: 'published', branch: 'post/broken' })
    if (result.kind !== 'published') return
    // The post has no tags: advice only, named by its rule, never a stop.
    expect(result.warnings.map((w) => w.en)).toContainEqual(
      expect.stringMatching(
        /^source\/blog\/2025-01-15-broken\.html\.md line 1: .*\[tags-missing\]$/,
      ),
    )
    expect(await branches(blog.bare)).toContain('refs/heads/post/broken')
  })

  it('checks the buffer being saved, not the file that was on disk', async () => {
    const post = await writePost(blog.root, 'draft')
    const { service } = await makeService(blog.root, {
      savePost: async ({ path, text }) => {
        await put(blog.root, path, text)
        return { kind: 'saved' }
      },
    })
    const text = `---\ntitle: 下書き\ndate: 2025-01-15T10:00:00+09:00\nauthors:\n  - writer\n---\n\n${MISSING_IMAGE}\n`
    const result = await service.publish({ path: post.path, save: { text, expectedHash: null } })
    expect(result).toMatchObject({ kind: 'error', code: 'post-check-failed' })
    expect(await branches(blog.bare)).toEqual(['refs/heads/main'])
  })

  it("follows the profile's check: levels, as the CLI does", async () => {
    const post = await writePost(blog.root, 'broken', { body: MISSING_IMAGE, tags: null })
    const off = await makeService(blog.root, {
      profile: { check: { 'image-missing': 'warning', 'tags-missing': 'error' } },
    })
    const raised = await off.service.publish({ path: post.path })
    // tags-missing raised to error stops it; image-missing lowered to a warning does not.
    expect(raised).toMatchObject({ kind: 'error', code: 'post-check-failed' })
    if (raised.kind !== 'error') return
    expect(raised.findings!.map((f) => f.en)).toEqual([
      expect.stringMatching(/line 1: .*\[tags-missing\]$/),
    ])
    const quiet = await makeService(blog.root, { profile: { check: { 'image-missing': 'off' } } })
    const sent = await quiet.service.publish({ path: post.path })
    expect(sent).toMatchObject({ kind: 'published' })
    if (sent.kind === 'published')
      expect(sent.warnings.map((w) => w.en).join('\n')).not.toContain('image-missing')
  })
})
