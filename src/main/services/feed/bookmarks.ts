import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import {
  HATENA_COUNT_ENDPOINT,
  HATENA_URLS_PER_REQUEST,
  hatenaCountRequests,
  parseHatenaCounts,
} from '../../../shared/card'
import type { BookmarkCounts } from '../../../shared/ipc/contract'
import type { AtomicWriter } from '../fs/atomic-file'

/** File of the bookmark setting and cached counts, in the app's data folder. */
export const BOOKMARKS_FILE = 'hatena-bookmarks.json'
/** How long a fetched count is used before it is asked for again (ms). */
export const BOOKMARK_TTL_MS = 6 * 60 * 60 * 1000
/** How long URLs whose request failed are left alone before trying again (ms). */
export const BOOKMARK_RETRY_MS = 10 * 60 * 1000
/** A request that takes longer than this is given up (ms). */
export const BOOKMARK_TIMEOUT_MS = 8000
/** Cached counts older than this are dropped from the file (ms). */
const FORGET_AFTER_MS = 30 * 24 * 60 * 60 * 1000

const fileSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  counts: z.record(z.string(), z.object({ count: z.number().int().nonnegative(), at: z.number() })),
})
type BookmarkFile = z.infer<typeof fileSchema>

/** Dependencies of {@link BookmarksService}. */
export interface BookmarksServiceDeps {
  dataDir: string
  writer: AtomicWriter
  /** Told when a background fetch finished (new counts, or none after a failure). */
  onUpdated?: () => void
  /** The count endpoint; default Hatena's public one. Tests pass a server on 127.0.0.1. */
  endpoint?: string
  ttlMs?: number
  retryMs?: number
  timeoutMs?: number
  fetch?: typeof fetch
  now?: () => number
  /** Where failures are logged (never blocks, never shown as an error). */
  log?: (line: string) => void
}

/**
 * Hatena Bookmark counts for published posts' URLs, off until the writer turns them on.
 * `counts` answers at once from the cache in the data folder; URLs never asked or older than the
 * TTL are fetched in the background (50 a request, one request at a time), and `onUpdated` is
 * called when they arrive. Offline or failing, the cards simply show no count.
 */
export class BookmarksService {
  private state: BookmarkFile = { version: 1, enabled: false, counts: {} }
  private loading: Promise<void> | null = null
  private readonly inflight = new Set<string>()
  private readonly failedAt = new Map<string, number>()
  private readonly tasks = new Set<Promise<void>>()
  private readonly path: string
  private readonly endpoint: string
  /** Requests sent since the service was made (tests check the cache with it). */
  requestCount = 0

  constructor(private readonly deps: BookmarksServiceDeps) {
    this.path = join(deps.dataDir, BOOKMARKS_FILE)
    this.endpoint = deps.endpoint ?? HATENA_COUNT_ENDPOINT
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now()
  }

  private load(): Promise<void> {
    this.loading ??= readFile(this.path, 'utf8').then(
      (text) => {
        try {
          const parsed = fileSchema.safeParse(JSON.parse(text))
          if (parsed.success) this.state = parsed.data
        } catch {
          // A damaged file: counts off, nothing cached; the next change writes a good one.
        }
      },
      () => undefined,
    )
    return this.loading
  }

  private async persist(): Promise<void> {
    const oldest = this.now() - FORGET_AFTER_MS
    for (const [url, entry] of Object.entries(this.state.counts)) {
      if (entry.at < oldest) delete this.state.counts[url]
    }
    const written = await this.deps.writer.write(this.path, `${JSON.stringify(this.state)}\n`)
    if (written.kind !== 'ok') this.deps.log?.(`bookmarks: cache not written`)
  }

  /** Whether counts are on, the counts known for `urls`, and whether more are on their way. */
  async counts(urls: readonly string[]): Promise<BookmarkCounts> {
    await this.load()
    if (!this.state.enabled) return { enabled: false, counts: {}, pending: false }
    const now = this.now()
    const ttl = this.deps.ttlMs ?? BOOKMARK_TTL_MS
    const retry = this.deps.retryMs ?? BOOKMARK_RETRY_MS
    const counts: Record<string, number> = {}
    const stale: string[] = []
    for (const url of new Set(urls)) {
      if (!/^https?:\/\//i.test(url)) continue
      const entry = this.state.counts[url]
      if (entry) counts[url] = entry.count
      if (entry && now - entry.at < ttl) continue
      if (this.inflight.has(url)) continue
      const failed = this.failedAt.get(url)
      if (failed !== undefined && now - failed < retry) continue
      stale.push(url)
    }
    if (stale.length > 0) this.refresh(stale)
    return { enabled: true, counts, pending: this.inflight.size > 0 }
  }

  /** Turns counts on or off and remembers the choice. */
  async setEnabled(enabled: boolean): Promise<BookmarkCounts> {
    await this.load()
    if (this.state.enabled !== enabled) {
      this.state.enabled = enabled
      await this.persist()
    }
    return this.counts([])
  }

  /** Resolves when every background fetch has finished (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.all([...this.tasks])
  }

  private refresh(urls: string[]): void {
    for (const url of urls) this.inflight.add(url)
    const task = this.fetchAll(urls).finally(() => {
      for (const url of urls) this.inflight.delete(url)
      this.tasks.delete(task)
      this.deps.onUpdated?.()
    })
    this.tasks.add(task)
  }

  private async fetchAll(urls: string[]): Promise<void> {
    let changed = false
    for (let i = 0; i < urls.length; i += HATENA_URLS_PER_REQUEST) {
      const batch = urls.slice(i, i + HATENA_URLS_PER_REQUEST)
      const counts = await this.fetchBatch(batch)
      const at = this.now()
      if (counts === null || !this.state.enabled) {
        for (const url of batch) this.failedAt.set(url, at)
        continue
      }
      for (const url of batch) {
        // The endpoint leaves out nothing it was asked about; a missing URL has no bookmarks.
        this.state.counts[url] = { count: counts.get(url) ?? 0, at }
        this.failedAt.delete(url)
      }
      changed = true
    }
    if (changed) await this.persist()
  }

  /** One request; null when it failed (offline, timeout, an error status or an unreadable body). */
  private async fetchBatch(batch: string[]): Promise<Map<string, number> | null> {
    const request = hatenaCountRequests(batch)[0]
    if (!request) return null
    const url = this.endpoint + request.slice(HATENA_COUNT_ENDPOINT.length)
    const doFetch = this.deps.fetch ?? fetch
    this.requestCount++
    try {
      const response = await doFetch(url, {
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? BOOKMARK_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      })
      if (!response.ok) {
        this.deps.log?.(`bookmarks: HTTP ${response.status}`)
        return null
      }
      const body: unknown = await response.json()
      const counts = parseHatenaCounts(body)
      // An answer that is not a map of counts is a failure, not "no bookmarks" (only `{}` is).
      const emptyMap =
        body !== null &&
        typeof body === 'object' &&
        !Array.isArray(body) &&
        Object.keys(body).length === 0
      return counts.size > 0 || emptyMap ? counts : null
    } catch (error) {
      this.deps.log?.(`bookmarks: ${(error as Error).name}`)
      return null
    }
  }
}
