import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createServices, type Services } from '../../../src/main/create-services'
import { createHandlers } from '../../../src/main/handlers'
import { dispatch, IpcRefusedError } from '../../../src/main/ipc/dispatch'
import {
  makeSampleSource,
  makeTempDir,
  makeTempRepo,
  postPathFor,
  postText,
  removeTempDirs,
} from '../../helpers/temp-repo'

const ORIGIN = 'portal://app'
const TRUSTED = { url: 'portal://app/index.html', isMainFrame: true }

const running: Services[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.dispose()))
})
const crashed: Services[] = []
afterAll(async () => {
  // Runs that "crashed" still hold watchers in this process: stop them only at the very end.
  await Promise.all(crashed.map((s) => s.dispose()))
  await removeTempDirs()
})

/** One app run on a data folder, with a repository open; returns a channel caller. */
async function start(dataDir: string, repo: string) {
  const services = await createServices({
    dataDir,
    sampleSourceDir: await makeSampleSource(),
    resourcesDir: join(process.cwd(), 'resources'),
    emit: () => undefined,
    watch: { debounceMs: 40, pollMs: 0 },
  })
  running.push(services)
  const handlers = createHandlers(services, {
    chooseFolder: async () => null,
    openExternal: async () => undefined,
    appInfo: { version: '0', platform: 'linux', assetBase: 'portal://asset/', systemLocale: 'ja' },
  })
  const call = (channel: string, request?: unknown) =>
    dispatch(handlers, ORIGIN, TRUSTED, channel, request)
  expect(await call('repo:open', { path: repo })).toMatchObject({ kind: 'ok' })
  return { services, call }
}

describe('recovery channels', () => {
  it('journal through IPC, then a new app run on the same data folder lists the edits', async () => {
    const post = postPathFor('2026-01-02', 'hello')
    const repo = await makeTempRepo({ [post]: postText({ title: 'Hello' }) })
    const dataDir = await makeTempDir('pw-data-')
    const first = await start(dataDir, repo)
    const read = (await first.call('posts:read', { path: post })) as { doc: { hash: string } }
    await first.call('recovery:write', { path: post, text: 'unsaved', baseHash: read.doc.hash })
    // No dispose: the first run "crashes" with the entry on disk.
    crashed.push(...running.splice(0))

    const second = await start(dataDir, repo)
    expect(await second.call('recovery:list')).toEqual([
      { path: post, text: 'unsaved', baseHash: read.doc.hash, savedAt: expect.any(Number) },
    ])
    await second.call('recovery:remove', { path: post })
    expect(await second.call('recovery:list')).toEqual([])
  })

  it('the entries belong to the repository open now', async () => {
    const post = postPathFor('2026-01-02', 'hello')
    const a = await makeTempRepo({ [post]: postText({ title: 'A' }) })
    const b = await makeTempRepo({ [post]: postText({ title: 'B' }) })
    const dataDir = await makeTempDir('pw-data-')
    const app = await start(dataDir, a)
    await app.call('recovery:write', { path: post, text: 'for A', baseHash: null })
    expect(await app.call('repo:open', { path: b })).toMatchObject({ kind: 'ok' })
    expect(await app.call('recovery:list')).toEqual([])
    await app.call('repo:open', { path: a })
    expect(await app.call('recovery:list')).toMatchObject([{ text: 'for A' }])
  })

  it('refuses malformed requests at the contract', async () => {
    const repo = await makeTempRepo({})
    const app = await start(await makeTempDir('pw-data-'), repo)
    await expect(
      app.call('recovery:write', { path: '', text: 'x', baseHash: null }),
    ).rejects.toThrow(IpcRefusedError)
    await expect(
      app.call('recovery:write', { path: 'a.md', text: 1, baseHash: null }),
    ).rejects.toThrow(IpcRefusedError)
  })
})
