import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../../../src/main/create-services'
import {
  createHandlers,
  type HandlerDeps,
} from '../../../../../src/main/ipc/handlers/create-handlers'
import { dispatch, IpcRefusedError } from '../../../../../src/main/ipc/dispatch'
import { events, type EventName } from '../../../../../src/shared/ipc/contract'
import {
  makeSampleSource,
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
  waitFor,
} from '../../../../helpers/temp-repo'

const ORIGIN = 'portal://app'
const TRUSTED = { url: 'portal://app/index.html', isMainFrame: true }

const running: Services[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()))
})
afterAll(removeTempDirs)

async function start(
  options: { dataDir?: string; git?: string; chooseFolder?: () => Promise<string | null> } = {},
) {
  const dataDir = options.dataDir ?? (await makeTempDir('pw-data-'))
  const emitted: Array<{ event: EventName; payload: unknown }> = []
  const services = await createServices({
    dataDir,
    sampleSourceDir: await makeSampleSource(),
    resourcesDir: join(process.cwd(), 'resources'),
    // Every event must match the contract, as Electron's emitter checks.
    emit: (event, payload) => emitted.push({ event, payload: events[event].parse(payload) }),
    git: options.git,
    watch: { debounceMs: 40, pollMs: 0 },
  })
  running.push(services)
  const opened: string[] = []
  const deps: HandlerDeps = {
    chooseFolder: options.chooseFolder ?? (async () => null),
    openExternal: async (url) => {
      opened.push(url)
    },
    appInfo: {
      version: '0.1.0',
      platform: 'linux',
      assetBase: 'portal://asset/',
      systemLocale: 'ja',
    },
  }
  const handlers = createHandlers(services, deps)
  const call = (channel: string, request?: unknown) =>
    dispatch(handlers, ORIGIN, TRUSTED, channel, request)
  return { services, handlers, call, emitted, opened, dataDir }
}

describe('createServices + createHandlers through dispatch', () => {
  it('first start opens the sample blog, lists, reads and saves a post', async () => {
    const { call, emitted } = await start()
    const repo = (await call('repo:current')) as { root: string; isSample: boolean; name: string }
    expect(repo).toMatchObject({ isSample: true, name: 'sample-blog' })
    const list = (await call('posts:list')) as Array<{ path: string; title: string }>
    expect(list.map((p) => p.title)).toEqual(['はじめての記事'])
    const read = (await call('posts:read', { path: list[0]!.path })) as {
      kind: 'ok'
      doc: { text: string; hash: string }
    }
    expect(read.kind).toBe('ok')
    await call('posts:watch', { path: list[0]!.path })
    const saved = (await call('posts:save', {
      path: list[0]!.path,
      text: `${read.doc.text}追記\n`,
      expectedHash: read.doc.hash,
    })) as { kind: string }
    expect(saved.kind).toBe('saved')
    expect(await readFile(join(repo.root, list[0]!.path), 'utf8')).toContain('追記')
    await new Promise((r) => setTimeout(r, 200))
    expect(emitted.filter((e) => e.event === 'post:changed-on-disk')).toEqual([])
    expect(await call('app:info')).toEqual({
      version: '0.1.0',
      platform: 'linux',
      assetBase: 'portal://asset/',
      systemLocale: 'ja',
    })
  })

  it('S10: refuses calls from the preview frame or another origin before any handler runs', async () => {
    const { handlers, services } = await start()
    const root = services.repo.current()!.root
    const path = postPathFor('2025-01-10', 'hello-world')
    const before = await readFile(join(root, path), 'utf8')
    const request = { path, text: 'pwned', expectedHash: null, force: true }
    for (const sender of [
      { url: 'about:srcdoc', isMainFrame: false },
      { url: 'portal://app/index.html', isMainFrame: false },
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'portal://asset/x.svg', isMainFrame: true },
    ]) {
      await expect(
        dispatch(handlers, ORIGIN, sender, 'posts:save', request),
      ).rejects.toBeInstanceOf(IpcRefusedError)
    }
    expect(await readFile(join(root, path), 'utf8')).toBe(before)
  })

  it('refuses malformed requests and unknown channels', async () => {
    const { call } = await start()
    await expect(call('posts:read', { path: '' })).rejects.toBeInstanceOf(IpcRefusedError)
    await expect(
      call('posts:save', { path: 'x', text: 1, expectedHash: null }),
    ).rejects.toBeInstanceOf(IpcRefusedError)
    await expect(call('fs:readAnything', { path: '/etc/passwd' })).rejects.toBeInstanceOf(
      IpcRefusedError,
    )
  })

  it('S9: opens only http, https and mailto links; refuses the rest with a message', async () => {
    const { call, opened } = await start()
    for (const url of [
      'https://tech.pepabo.com/',
      'http://example.com/a',
      'mailto:someone@example.com',
    ]) {
      expect(await call('shell:openExternal', { url })).toEqual({ kind: 'opened' })
    }
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'vscode://x',
      'portal://app/index.html',
      'not a url',
    ]) {
      const r = (await call('shell:openExternal', { url })) as {
        kind: string
        message: { en: string; ja: string }
      }
      expect(r.kind).toBe('refused')
      expect(r.message.en).toMatch(/Only http, https and mailto/)
    }
    expect(opened).toEqual([
      'https://tech.pepabo.com/',
      'http://example.com/a',
      'mailto:someone@example.com',
    ])
  })

  it('repo:choose: cancelled, or opens the chosen folder and remembers it for the next start', async () => {
    const own = await makeTempRepo({
      [postPathFor('2024-04-01', 'mine')]: postText({
        title: 'Mine',
        date: '2024-04-01T10:00:00+09:00',
      }),
    })
    let answer: string | null = null
    const first = await start({ chooseFolder: async () => answer })
    expect(await first.call('repo:choose')).toEqual({ kind: 'cancelled' })
    answer = own
    const r = (await first.call('repo:choose')) as {
      kind: string
      repo: { root: string; isSample: boolean }
    }
    expect(r).toMatchObject({ kind: 'ok', repo: { root: own, isSample: false } })
    expect(
      ((await first.call('posts:list')) as Array<{ title: string }>).map((p) => p.title),
    ).toEqual(['Mine'])
    await first.services.dispose()
    const second = await start({ dataDir: first.dataDir })
    expect(((await second.call('repo:current')) as { root: string }).root).toBe(own)
  })

  it('falls back to the sample, saying why, when the last repository is gone', async () => {
    const own = await makeTempRepo({ 'README.md': '' })
    const first = await start()
    await first.call('repo:open', { path: own })
    await first.services.dispose()
    await rm(own, { recursive: true, force: true })
    const second = await start({ dataDir: first.dataDir })
    expect(((await second.call('repo:current')) as { isSample: boolean }).isSample).toBe(true)
    expect(second.services.startupNotice?.en).toMatch(/was not found/)
    // The missing repository is still remembered (an unplugged drive comes back).
    expect(second.services.settings.get().lastRepoPath).toBe(own)
  })

  it('G9: without git the app still starts on the sample and says git is missing', async () => {
    const { call, services } = await start({ git: '/nonexistent/bin/git' })
    expect(((await call('repo:current')) as { isSample: boolean }).isSample).toBe(true)
    expect(services.startupNotice?.en).toMatch(/git was not found/)
  })

  it('D2 end to end: an external edit reaches the renderer as an event, and a stale save is a conflict', async () => {
    const { call, emitted, services } = await start()
    const path = postPathFor('2025-01-10', 'hello-world')
    const read = (await call('posts:read', { path })) as { doc: { hash: string; text: string } }
    await call('posts:watch', { path })
    await writeFile(join(services.repo.current()!.root, path), 'changed by git pull\n')
    const event = await waitFor(() => emitted.find((e) => e.event === 'post:changed-on-disk'))
    expect(event.payload).toMatchObject({ path, kind: 'modified', text: 'changed by git pull\n' })
    const r = await call('posts:save', { path, text: 'my edit', expectedHash: read.doc.hash })
    expect(r).toMatchObject({ kind: 'conflict', diskText: 'changed by git pull\n' })
  })

  it('posts:create through the table: invalid slugs come back with the rule, a good one is listed', async () => {
    const { call } = await start()
    expect(await call('posts:create', { title: 'x', slug: '../x' })).toMatchObject({
      kind: 'invalid',
      field: 'slug',
    })
    const created = (await call('posts:create', {
      title: '新しい記事',
      slug: 'new-post',
      date: '2025-03-01',
    })) as { kind: string }
    expect(created).toMatchObject({
      kind: 'created',
      post: { path: 'source/blog/2025-03-01-new-post.html.md', draft: true },
    })
    expect(((await call('posts:list')) as Array<{ slug: string }>).map((p) => p.slug)).toContain(
      'new-post',
    )
  })
})

describe('HandlerTable type', () => {
  it('covers every channel of the contract', async () => {
    const { handlers } = await start()
    const { channels } = await import('../../../../../src/shared/ipc/contract')
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(channels).sort())
  })
})

describe('recovery channels (D6)', () => {
  const post = postPathFor('2026-01-02', 'hello')

  it('journal through IPC, then a new app run on the same data folder lists the edits', async () => {
    const repo = await makeTempRepo({ [post]: postText({ title: 'Hello' }) })
    const first = await start()
    await first.call('repo:open', { path: repo })
    const read = (await first.call('posts:read', { path: post })) as { doc: { hash: string } }
    await first.call('recovery:write', { path: post, text: 'unsaved', baseHash: read.doc.hash })
    // The first run "crashes": it is never disposed before the second one starts.
    const second = await start({ dataDir: first.dataDir })
    await second.call('repo:open', { path: repo })
    expect(await second.call('recovery:list')).toEqual([
      { path: post, text: 'unsaved', baseHash: read.doc.hash, savedAt: expect.any(Number) },
    ])
    await second.call('recovery:remove', { path: post })
    expect(await second.call('recovery:list')).toEqual([])
  })

  it('the entries belong to the repository open now', async () => {
    const a = await makeTempRepo({ [post]: postText({ title: 'A' }) })
    const b = await makeTempRepo({ [post]: postText({ title: 'B' }) })
    const app = await start()
    await app.call('repo:open', { path: a })
    await app.call('recovery:write', { path: post, text: 'for A', baseHash: null })
    await app.call('repo:open', { path: b })
    expect(await app.call('recovery:list')).toEqual([])
    await app.call('repo:open', { path: a })
    expect(await app.call('recovery:list')).toMatchObject([{ text: 'for A' }])
  })

  it('refuses malformed requests at the contract', async () => {
    const app = await start()
    for (const bad of [
      { path: '', text: 'x', baseHash: null },
      { path: 'a.md', text: 1, baseHash: null },
    ]) {
      await expect(app.call('recovery:write', bad)).rejects.toThrow(IpcRefusedError)
    }
  })
})
