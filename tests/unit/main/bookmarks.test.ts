import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { AtomicWriter } from '../../../src/main/services/fs/atomic-file'
import {
  BOOKMARKS_FILE,
  BookmarksService,
  type BookmarksServiceDeps,
} from '../../../src/main/services/feed/bookmarks'
import { channels } from '../../../src/shared/ipc/contract'
import { makeTempDir, removeTempDirs } from '../../helpers/temp-repo'

afterAll(removeTempDirs)

/** What the imitation endpoint saw and how it answers. */
interface Endpoint {
  base: string
  /** The `url` parameters of each request, in order. */
  requests: string[][]
  /** Counts it knows; URLs it does not know are left out of the answer. */
  counts: Map<string, number>
  /** Overrides the answer: a status and body, or 'hang' to never answer. */
  answer: { status: number; body: string } | 'hang' | null
  /** Milliseconds to wait before answering. */
  delayMs: number
  answered: number
  close(): Promise<void>
}

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (s) =>
        new Promise<void>((resolve) => {
          s.closeAllConnections()
          s.close(() => resolve())
        }),
    ),
  )
})

/** A server on 127.0.0.1 that answers like `bookmark.hatenaapis.com/count/entries`. */
async function startEndpoint(): Promise<Endpoint> {
  const endpoint: Endpoint = {
    base: '',
    requests: [],
    counts: new Map(),
    answer: null,
    delayMs: 0,
    answered: 0,
    close: async () => undefined,
  }
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/count/entries') {
      res.writeHead(404).end()
      return
    }
    const asked = url.searchParams.getAll('url')
    endpoint.requests.push(asked)
    const answer = endpoint.answer
    if (answer === 'hang') return
    setTimeout(() => {
      endpoint.answered++
      if (answer) {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body)
        return
      }
      const body: Record<string, number> = {}
      for (const u of asked) if (endpoint.counts.has(u)) body[u] = endpoint.counts.get(u)!
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }, endpoint.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  servers.push(server)
  endpoint.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/count/entries`
  return endpoint
}

async function makeService(
  endpoint: Endpoint | string,
  extra: Partial<BookmarksServiceDeps> = {},
): Promise<{ service: BookmarksService; updates: () => number; dataDir: string }> {
  const dataDir = extra.dataDir ?? (await makeTempDir('pw-bm-'))
  let updates = 0
  const service = new BookmarksService({
    dataDir,
    writer: new AtomicWriter(),
    endpoint: typeof endpoint === 'string' ? endpoint : endpoint.base,
    onUpdated: () => updates++,
    timeoutMs: 2000,
    ...extra,
  })
  return { service, updates: () => updates, dataDir }
}

const post = (n: number) => `https://tech.pepabo.com/2025/11/${String(n).padStart(2, '0')}/p${n}/`

describe('BookmarksService', () => {
  it('is off by default and then asks nothing of the network', async () => {
    const endpoint = await startEndpoint()
    const { service } = await makeService(endpoint)
    const state = await service.counts([post(1), post(2)])
    expect(state).toEqual({ enabled: false, counts: {}, pending: false })
    await service.idle()
    expect(endpoint.requests).toEqual([])
  })

  it('answers at once from the cache and fetches in the background, 50 URLs a request', async () => {
    const endpoint = await startEndpoint()
    endpoint.delayMs = 150
    const urls = Array.from({ length: 120 }, (_, i) => post(i + 1))
    endpoint.counts.set(post(1), 12)
    endpoint.counts.set(post(2), 0)
    endpoint.counts.set(post(120), 3)
    const { service, updates } = await makeService(endpoint)
    await service.setEnabled(true)

    // Never waits for the network: nothing is known yet, the fetch is under way.
    const first = await service.counts([...urls, 'file:///etc/passwd', post(1)])
    expect(endpoint.answered).toBe(0)
    expect(first).toEqual({ enabled: true, counts: {}, pending: true })

    await service.idle()
    expect(updates()).toBe(1)
    expect(endpoint.requests.map((r) => r.length)).toEqual([50, 50, 20])
    // Each URL asked once, only http(s) ones, decoded back exactly.
    expect(endpoint.requests.flat()).toEqual(urls)
    const second = await service.counts(urls)
    expect(channels['bookmarks:counts'].response.parse(second)).toEqual(second)
    expect(second.pending).toBe(false)
    expect(second.counts[post(1)]).toBe(12)
    expect(second.counts[post(120)]).toBe(3)
    // URLs the endpoint left out have no bookmarks.
    expect(second.counts[post(2)]).toBe(0)
    expect(second.counts[post(50)]).toBe(0)
    expect(endpoint.requests).toHaveLength(3)
  })

  it('remembers the setting and the counts in the data folder, for the TTL', async () => {
    const endpoint = await startEndpoint()
    endpoint.counts.set(post(1), 7)
    let now = Date.parse('2025-12-01T00:00:00Z')
    const first = await makeService(endpoint, { now: () => now, ttlMs: 60_000 })
    await first.service.setEnabled(true)
    await first.service.counts([post(1)])
    await first.service.idle()
    const file = JSON.parse(await readFile(join(first.dataDir, BOOKMARKS_FILE), 'utf8'))
    expect(file).toMatchObject({ enabled: true, counts: { [post(1)]: { count: 7 } } })

    // A new run: the counts come from the file, no request.
    const again = await makeService(endpoint, {
      dataDir: first.dataDir,
      now: () => now,
      ttlMs: 60_000,
    })
    expect(await again.service.counts([post(1)])).toEqual({
      enabled: true,
      counts: { [post(1)]: 7 },
      pending: false,
    })
    expect(endpoint.requests).toHaveLength(1)

    // After the TTL the cached count is shown while a fresh one is fetched.
    now += 61_000
    endpoint.counts.set(post(1), 9)
    expect(await again.service.counts([post(1)])).toEqual({
      enabled: true,
      counts: { [post(1)]: 7 },
      pending: true,
    })
    await again.service.idle()
    expect((await again.service.counts([post(1)])).counts[post(1)]).toBe(9)
    expect(endpoint.requests).toHaveLength(2)
  })

  it('turned off, shows no counts even when some are cached', async () => {
    const endpoint = await startEndpoint()
    endpoint.counts.set(post(1), 5)
    const { service } = await makeService(endpoint)
    await service.setEnabled(true)
    await service.counts([post(1)])
    await service.idle()
    expect(await service.setEnabled(false)).toEqual({ enabled: false, counts: {}, pending: false })
    expect(await service.counts([post(1)])).toEqual({ enabled: false, counts: {}, pending: false })
  })

  it.each([
    ['an error status', { status: 500, body: 'oops' }],
    ['a body that is not JSON', { status: 200, body: '<html>' }],
    ['a body that is not a map of counts', { status: 200, body: '{"x":"many"}' }],
    ['a JSON array', { status: 200, body: '[1,2]' }],
  ])('on %s: no counts, no error, no retry before the retry delay', async (_name, answer) => {
    const endpoint = await startEndpoint()
    endpoint.answer = answer
    const { service, updates } = await makeService(endpoint, { retryMs: 60_000 })
    await service.setEnabled(true)
    await service.counts([post(1)])
    await service.idle()
    expect(updates()).toBe(1)
    expect(await service.counts([post(1)])).toEqual({ enabled: true, counts: {}, pending: false })
    expect(endpoint.requests).toHaveLength(1)
  })

  it('offline (nothing listening) or a server that never answers: no counts, never stuck', async () => {
    const endpoint = await startEndpoint()
    const port = new URL(endpoint.base).port
    await new Promise<void>((resolve) => servers.pop()!.close(() => resolve()))
    const offline = await makeService(`http://127.0.0.1:${port}/count/entries`)
    await offline.service.setEnabled(true)
    await offline.service.counts([post(1)])
    await offline.service.idle()
    expect(await offline.service.counts([post(1)])).toMatchObject({ counts: {}, pending: false })

    const hanging = await startEndpoint()
    hanging.answer = 'hang'
    const slow = await makeService(hanging, { timeoutMs: 200 })
    await slow.service.setEnabled(true)
    const started = Date.now()
    await slow.service.counts([post(1)])
    await slow.service.idle()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await slow.service.counts([post(1)])).toMatchObject({ counts: {}, pending: false })
  })

  it('a damaged cache file gives the defaults (off) and is rewritten on the next change', async () => {
    const endpoint = await startEndpoint()
    const dataDir = await makeTempDir('pw-bm-')
    await writeFile(join(dataDir, BOOKMARKS_FILE), '{ not json')
    const { service } = await makeService(endpoint, { dataDir })
    expect((await service.counts([post(1)])).enabled).toBe(false)
    await service.setEnabled(true)
    expect(JSON.parse(await readFile(join(dataDir, BOOKMARKS_FILE), 'utf8')).enabled).toBe(true)
  })
})
