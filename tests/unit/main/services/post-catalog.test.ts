import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../../../src/main/create-services'
import { createHandlers } from '../../../../src/main/ipc/handlers/create-handlers'
import { dispatch } from '../../../../src/main/ipc/dispatch'
import { CardsService } from '../../../../src/main/services/feed/cards'
import { PostCatalog, PostIndex } from '../../../../src/main/services/posts/post-catalog'
import { SuggestionIndex } from '../../../../src/main/services/metadata/suggestions'
import type { RepoInfo } from '../../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import {
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  waitFor,
} from '../../../helpers/temp-repo'
import { startAppServices } from '../../../helpers/app-services'

afterAll(removeTempDirs)
const running: Services[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()))
})

const A = postPathFor('2025-01-10', 'rails')
const B = postPathFor('2025-02-01', 'eks')

async function repoOf(): Promise<RepoInfo> {
  const root = await makeTempRepo({
    [A]: postText({ title: 'Rails', tags: ['Ruby'] }),
    [B]: postText({ title: 'EKS', tags: ['AWS'] }),
  })
  return { root, name: 'blog', profile: DEFAULT_PROFILE, profileError: null, isSample: false }
}

describe('PostCatalog: one catalog the list, cards and suggestions derive from', () => {
  it('a saved text reaches the list, the cards and the suggestions without re-reading the file', async () => {
    const repo = await repoOf()
    const catalog = new PostCatalog()
    const index = new PostIndex(catalog)
    const cards = new CardsService({ repo: () => repo, catalog })
    const suggestions = new SuggestionIndex({ repo: () => repo, catalog })
    const place = { root: repo.root, postPath: repo.profile.postPath }
    await index.list(repo.root, repo.profile.postPath)
    expect(catalog.parsedCount).toBe(2)
    // The other services read the catalog: no file is parsed again for their front matter.
    await suggestions.suggestions()
    expect(catalog.parsedCount).toBe(2)

    const changes: unknown[] = []
    catalog.onChange((c) => changes.push(c))
    const text = postText({ title: 'Rails 8.1', tags: ['Ruby', 'Kubernetes'] })
    await writeFile(join(repo.root, A), text)
    catalog.noteText(place, A, text)
    // The change is told at once (synchronously), with the new row.
    expect(changes).toEqual([
      {
        root: repo.root,
        upserted: [
          expect.objectContaining({ path: A, title: 'Rails 8.1', tags: ['Ruby', 'Kubernetes'] }),
        ],
        removed: [],
      },
    ])
    const list = await index.list(repo.root, repo.profile.postPath)
    expect(list.find((p) => p.path === A)?.title).toBe('Rails 8.1')
    const s = await suggestions.suggestions()
    expect(s.tags.map((t) => t.value)).toContain('Kubernetes')
    const card = (await cards.list()).find((c) => c.card.path === A)
    expect(card?.card.title).toBe('Rails 8.1')
  })

  it('a rescan that began before a save never brings the old title back', async () => {
    const repo = await repoOf()
    const catalog = new PostCatalog()
    const place = { root: repo.root, postPath: repo.profile.postPath }
    await catalog.refresh(place)
    const text = postText({ title: 'Saved meanwhile' })
    const pass = catalog.refresh(place)
    await writeFile(join(repo.root, A), text)
    catalog.noteText(place, A, text)
    await pass
    const state = await catalog.current(place)
    expect(state.entries.get(A)?.summary.title).toBe('Saved meanwhile')
  })

  it('a forgotten post stays gone even if a rescan that began earlier saw it', async () => {
    const repo = await repoOf()
    const catalog = new PostCatalog()
    const place = { root: repo.root, postPath: repo.profile.postPath }
    await catalog.refresh(place)
    const pass = catalog.refresh(place)
    catalog.forget(place, B)
    await rm(join(repo.root, B))
    await pass
    expect((await catalog.current(place)).entries.has(B)).toBe(false)
  })
})

describe('the catalog wired into the app', () => {
  async function start() {
    const { services, emitted } = await startAppServices()
    running.push(services)
    const handlers = createHandlers(services, {
      chooseFolder: async () => null,
      openExternal: async () => undefined,
      appInfo: {
        version: 't',
        platform: 'linux',
        assetBase: 'portal://asset/',
        systemLocale: 'ja',
      },
    })
    const call = (channel: string, request?: unknown) =>
      dispatch(
        handlers,
        'portal://app',
        { url: 'portal://app/index.html', isMainFrame: true },
        channel,
        request,
      )
    return { services, call, emitted, root: services.repo.current()!.root }
  }

  it('a save pushes the changed row to the renderer before its reply', async () => {
    const { call, emitted, root } = await start()
    const [post] = (await call('posts:list')) as Array<{ path: string }>
    const read = (await call('posts:read', { path: post!.path })) as {
      doc: { text: string; hash: string }
    }
    const text = read.doc.text.replace(/^title: .*$/m, 'title: 新しいタイトル')
    const saved = (await call('posts:save', {
      path: post!.path,
      text,
      expectedHash: read.doc.hash,
    })) as {
      kind: string
    }
    expect(saved.kind).toBe('saved')
    // Already emitted when the reply came back.
    const change = emitted.filter((e) => e.event === 'posts:changed').at(-1)?.payload as {
      root: string
      upserted: Array<{ path: string; title: string }>
    }
    expect(change).toMatchObject({
      root,
      upserted: [{ path: post!.path, title: '新しいタイトル' }],
    })
  })

  it('a post changed by another program is pushed after the watcher notices', async () => {
    const { services, emitted, root } = await start()
    const [post] = await services.posts.list()
    await services.watcher.checkList()
    const file = join(root, post!.path)
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: 外から'))
    await services.watcher.checkList()
    await waitFor(() =>
      emitted.some(
        (e) =>
          e.event === 'posts:changed' &&
          (e.payload as { upserted: Array<{ title: string }> }).upserted.some(
            (p) => p.title === '外から',
          ),
      ),
    )
  })
})
