import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../../../src/main/create-services'
import { createHandlers } from '../../../../../src/main/ipc/handlers/create-handlers'
import { dispatch } from '../../../../../src/main/ipc/dispatch'
import { postPathFor, removeTempDirs, runGit } from '../../../../helpers/temp-repo'
import { startAppServices } from '../../../../helpers/app-services'

const ORIGIN = 'portal://app'
const TRUSTED = { url: 'portal://app/index.html', isMainFrame: true }

const running: Services[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()))
})
afterAll(removeTempDirs)

async function start() {
  const { services, emitted } = await startAppServices({
    now: () => Date.parse('2025-03-01T12:00:00+09:00'),
  })
  running.push(services)
  const handlers = createHandlers(services, {
    chooseFolder: async () => null,
    openExternal: async () => undefined,
    appInfo: { version: 't', platform: 'linux', assetBase: 'portal://asset/', systemLocale: 'ja' },
  })
  const call = (channel: string, request?: unknown) =>
    dispatch(handlers, ORIGIN, TRUSTED, channel, request)
  const root = services.repo.current()!.root
  return { call, emitted, root }
}

type Suggestions = { authors: Array<{ value: string; count: number }>; posts: number }

describe('metadata channels wired into the app', () => {
  it('creates a post with its authors; they count in the suggestions at once', async () => {
    const { call, root } = await start()
    const created = (await call('posts:create', {
      title: '新しい記事',
      slug: 'new-one',
      authors: ['kromiii', ' ', 'kromiii'],
    })) as { kind: string; post: { path: string } }
    expect(created.kind).toBe('created')
    const text = await readFile(join(root, created.post.path), 'utf8')
    expect(text).toMatch(/^authors:\n {2}- kromiii\n/m)
    const s = (await call('metadata:suggestions', {})) as Suggestions
    expect(s.authors).toEqual(
      expect.arrayContaining([
        { value: 'kromiii', count: 1 },
        { value: 'pepabo', count: 1 },
      ]),
    )
    expect(s.posts).toBe(2)
  })

  it('a save updates the suggestions without a rescan; the open post can be left out', async () => {
    const { call } = await start()
    const path = postPathFor('2025-01-10', 'hello-world')
    const read = (await call('posts:read', { path })) as { doc: { text: string; hash: string } }
    await call('metadata:suggestions', {})
    const saved = (await call('posts:save', {
      path,
      text: read.doc.text.replace('  - pepabo', '  - sora'),
      expectedHash: read.doc.hash,
    })) as { kind: string }
    expect(saved.kind).toBe('saved')
    const after = (await call('metadata:suggestions', {})) as Suggestions
    expect(after.authors).toEqual([{ value: 'sora', count: 1 }])
    const without = (await call('metadata:suggestions', { excludePath: path })) as Suggestions
    expect(without).toMatchObject({ authors: [], posts: 0 })
  })

  it('moves a post and its asset folder with git, tells the renderer, and lists assets', async () => {
    const { call, emitted, root } = await start()
    const path = postPathFor('2025-01-10', 'hello-world')
    const assets = (await call('posts:assets', { path })) as {
      kind: string
      files: Array<{ name: string; isImage: boolean }>
    }
    expect(assets).toMatchObject({ kind: 'ok', files: [{ name: 'eyecatch.png', isImage: true }] })
    const read = (await call('posts:read', { path })) as { doc: { hash: string } }
    const moved = (await call('posts:move', {
      path,
      slug: 'hello-again',
      expectedHash: read.doc.hash,
    })) as { kind: string; path: string; git: boolean }
    expect(moved).toMatchObject({ kind: 'moved', path: postPathFor('2025-01-10', 'hello-again') })
    expect(moved.git).toBe(true)
    expect(
      (await stat(join(root, 'source/blog/2025-01-10-hello-again/eyecatch.png'))).isFile(),
    ).toBe(true)
    expect(emitted.some((e) => e.event === 'posts:list-changed')).toBe(true)
    const status = await runGit(root, ['status', '--porcelain'])
    expect(status).toMatch(/^R {2}source\/blog\/2025-01-10-hello-world\.html\.md -> /m)
    const s = (await call('metadata:suggestions', {})) as Suggestions
    expect(s.posts).toBe(1)
  })
})
