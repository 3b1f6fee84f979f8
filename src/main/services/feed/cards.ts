import { readFile } from 'node:fs/promises'
import { buildCard } from '../../../shared/card'
import { splitPost } from '../../../shared/front-matter'
import type { PostCard, RepoInfo } from '../../../shared/ipc/contract'
import type { MarkdownSettings } from '../../../shared/markdown'
import type { Profile } from '../../../shared/profile'
import { decodeText } from '../posts/post-bytes'
import { PostCatalog, type CatalogEntry } from '../posts/post-catalog'

/** Dependencies of {@link CardsService}. */
export interface CardsServiceDeps {
  /** The repository open now. */
  repo: () => RepoInfo | null
  /** The clock the cards' own relative dates use (the feed view recomputes them anyway). */
  now?: () => number
  /** Longest stretch of rendering before yielding to other work in main (ms). */
  sliceMs?: number
  /** The post catalog the cards derive from (default: one of its own). */
  catalog?: PostCatalog
}

/**
 * Posts longer than this (characters) are cut at a paragraph break before rendering: the excerpt
 * needs only the first 1000 characters of text, and a 10 MB post must not stall main (D10).
 */
export const CARD_SOURCE_CHARS = 256 * 1024

interface CacheEntry {
  /** The catalog entry's `seq` the card was made for. */
  seq: number
  card: PostCard
}

/** Cuts a huge post at the first blank line after `limit` characters (whole when shorter). */
export function cardSource(text: string, limit: number = CARD_SOURCE_CHARS): string {
  if (text.length <= limit) return text
  const cut = text.indexOf('\n\n', limit)
  return cut < 0 ? text : text.slice(0, cut + 1)
}

/**
 * The card a post file's text makes (rendered with the repository's markdown settings, as the
 * preview renders it), and whether it is a draft (`published: false`).
 */
export function postCardOf(
  text: string,
  relPath: string,
  profile: Profile,
  now: number,
  markdown?: MarkdownSettings,
): PostCard {
  const source = cardSource(text)
  const card = buildCard(source, { profile, now, path: relPath, markdown })
  return { card, draft: splitPost(source).data.published === false }
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * The cards of the open repository's posts for the feed view, built with the same `buildCard` as
 * the preview and the command line. Which posts exist and which changed comes from the post
 * catalog (a card is kept while its catalog entry is), so asking again renders only the posts that
 * changed. Rendering yields to other work every few milliseconds, so a big repository never
 * freezes the app.
 */
export class CardsService {
  private readonly catalog: PostCatalog
  private cache = new Map<string, CacheEntry>()
  private cacheKey = ''
  private inflight: Promise<PostCard[]> | null = null
  private inflightKey = ''
  /** How many files were rendered since the service was made (tests check the cache with it). */
  renderedCount = 0

  constructor(private readonly deps: CardsServiceDeps) {
    this.catalog = deps.catalog ?? new PostCatalog()
  }

  /** Every post's card, newest first (empty when no repository is open). */
  list(): Promise<PostCard[]> {
    const repo = this.deps.repo()
    if (!repo) return Promise.resolve([])
    // Cards depend on the profile (site name, URL pattern) and the markdown settings (config.rb):
    // a change to either starts afresh.
    const markdown = repo.markdown?.settings
    const key = `${repo.root}\n${JSON.stringify(repo.profile)}\n${JSON.stringify(markdown ?? null)}`
    // Concurrent callers share one pass.
    if (this.inflight && this.inflightKey === key) return this.inflight
    const run = this.build(repo.root, repo.profile, markdown, key).finally(() => {
      if (this.inflight === run) this.inflight = null
    })
    this.inflight = run
    this.inflightKey = key
    return run
  }

  private async build(
    root: string,
    profile: Profile,
    markdown: MarkdownSettings | undefined,
    key: string,
  ): Promise<PostCard[]> {
    if (key !== this.cacheKey) {
      this.cache = new Map()
      this.cacheKey = key
    }
    const previous = this.cache
    const next = new Map<string, CacheEntry>()
    const { entries } = await this.catalog.refresh({ root, postPath: profile.postPath })
    const sliceMs = this.deps.sliceMs ?? 8
    let sliceStart = performance.now()
    for (const post of [...entries.values()]) {
      const entry = await this.entryFor(profile, markdown, post, previous.get(post.relPath))
      if (entry) next.set(post.relPath, entry)
      if (performance.now() - sliceStart > sliceMs) {
        await yieldToOthers()
        sliceStart = performance.now()
      }
    }
    // Only keep the result if no newer pass (another repository or profile) started meanwhile.
    if (this.cacheKey === key) this.cache = next
    return [...next.values()]
      .map((e) => e.card)
      .sort(
        (a, b) =>
          (b.card.dateMs ?? Number.NEGATIVE_INFINITY) -
            (a.card.dateMs ?? Number.NEGATIVE_INFINITY) ||
          ((a.card.path ?? '') < (b.card.path ?? '') ? 1 : -1),
      )
  }

  private async entryFor(
    profile: Profile,
    markdown: MarkdownSettings | undefined,
    post: CatalogEntry,
    cached: CacheEntry | undefined,
  ): Promise<CacheEntry | null> {
    // A link leaving the repository is never read (D11).
    if (post.readPath === null) return null
    if (cached && cached.seq === post.seq) return cached
    const bytes = await readFile(post.readPath).catch(() => null)
    if (!bytes) return null
    const decoded = decodeText(bytes)
    this.renderedCount++
    let card: PostCard
    try {
      const now = this.deps.now?.() ?? Date.now()
      card = postCardOf(decoded.text, post.relPath, profile, now, markdown)
    } catch {
      // A post the pipeline cannot render has no card; the others still show.
      return null
    }
    return { seq: post.seq, card }
  }
}
