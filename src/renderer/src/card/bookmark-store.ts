import type { CardData } from '../../../shared/card'
import type { BookmarkCounts, PortalApi } from '../../../shared/ipc/contract'

/** What the views know about Hatena Bookmark counts. */
export interface BookmarkView {
  /** Whether the writer turned counts on (off by default). */
  enabled: boolean
  counts: ReadonlyMap<string, number>
  /** Counts are being fetched in the background. */
  pending: boolean
  /** False until main answered once (the setting is not known yet). */
  ready: boolean
}

/** The most URLs asked about in one call (the channel's limit). */
const MAX_URLS = 5000

/**
 * The renderer's side of the bookmark counts: which URLs the views want, the counts main knows,
 * and the on/off setting. Main answers from its cache at once and sends `bookmarks:updated` when
 * fetched counts arrive; nothing here ever waits on the network.
 */
export class BookmarkStore {
  private view: BookmarkView = { enabled: false, counts: new Map(), pending: false, ready: false }
  private readonly wanted = new Set<string>()
  private readonly listeners = new Set<() => void>()
  private off: (() => void) | null = null
  private asked = false

  constructor(private readonly api: Pick<PortalApi, 'bookmarks' | 'on'>) {}

  /** Subscribes to changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    this.off ??= this.api.on('bookmarks:updated', () => void this.fetch([...this.wanted]))
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) {
        this.off?.()
        this.off = null
      }
    }
  }

  /** The current view (stable between changes). */
  readonly getSnapshot = (): BookmarkView => this.view

  /** Asks for the counts of these URLs (only URLs not asked about before cause a call). */
  want(urls: readonly string[]): void {
    const fresh = urls.filter((u) => !this.wanted.has(u))
    for (const u of fresh) this.wanted.add(u)
    if (fresh.length > 0 || !this.asked) void this.fetch(fresh)
  }

  /** Turns fetching counts on or off (remembered by main). */
  async setEnabled(enabled: boolean): Promise<void> {
    // Shown at once; main's answer follows.
    this.view = { ...this.view, enabled, pending: enabled }
    for (const l of this.listeners) l()
    try {
      this.apply(await this.api.bookmarks.setEnabled({ enabled }))
      if (enabled) await this.fetch([...this.wanted])
    } catch {
      // Main unreachable: the setting stays as shown.
    }
  }

  private async fetch(urls: string[]): Promise<void> {
    this.asked = true
    try {
      this.apply(await this.api.bookmarks.counts({ urls: urls.slice(0, MAX_URLS) }))
    } catch {
      // No counts: the cards show none, as when offline.
    }
  }

  private apply(r: BookmarkCounts): void {
    const counts = r.enabled ? new Map(this.view.counts) : new Map<string, number>()
    if (r.enabled) for (const [url, n] of Object.entries(r.counts)) counts.set(url, n)
    this.view = { enabled: r.enabled, counts, pending: r.pending, ready: true }
    for (const l of this.listeners) l()
  }
}

const stores = new WeakMap<object, BookmarkStore>()

/** The one bookmark store of an API object. */
export function bookmarkStoreFor(api: Pick<PortalApi, 'bookmarks' | 'on'>): BookmarkStore {
  let store = stores.get(api)
  if (!store) {
    store = new BookmarkStore(api)
    stores.set(api, store)
  }
  return store
}

/**
 * A card's URL when it may be asked about: the post is published (not `published: false`) and
 * its date has come. Unpublished URLs are never sent to Hatena.
 */
export function publishedUrl(card: CardData, draft: boolean, now: number): string | null {
  if (draft || !card.url || card.dateMs === null || card.dateMs > now) return null
  return card.url
}

/** The count to show for a URL (0 when unknown or counts are off). */
export function countFor(view: BookmarkView, url: string | null): number {
  return url && view.enabled ? (view.counts.get(url) ?? 0) : 0
}
