import type { RepoInfo } from '../../../shared/ipc/contract'
import type { Suggestions } from '../../../shared/ipc/metadata'
import {
  facetsOf,
  FACET_KEYS,
  sortedEntries,
  type PostFacets,
} from '../../../shared/metadata/facets'
import { PostCatalog, type CatalogState } from '../posts/post-catalog'

/** Dependencies of {@link SuggestionIndex}. */
export interface SuggestionIndexDeps {
  /** The repository open now (its root and the profile's `postPath`). */
  repo: () => Pick<RepoInfo, 'root' | 'profile'> | null
  /** The post catalog the suggestions derive from (default: one of its own). */
  catalog?: PostCatalog
}

type Counts = Record<keyof PostFacets, Map<string, number>>

function emptyCounts(): Counts {
  return { tags: new Map(), authors: new Map(), categories: new Map() }
}

function addFacets(counts: Counts, facets: PostFacets, sign: 1 | -1): void {
  for (const key of FACET_KEYS) {
    const map = counts[key]
    for (const value of facets[key]) {
      const next = (map.get(value) ?? 0) + sign
      if (next > 0) map.set(value, next)
      else map.delete(value)
    }
  }
}

/**
 * Tags, authors and categories of every post of the open repository, with how many posts use
 * each. Derived from the post catalog's parsed front matter: only the catalog entries that changed
 * since the last request are counted again.
 */
export class SuggestionIndex {
  private readonly catalog: PostCatalog
  private countedFor: CatalogState | null = null
  private counted = new Map<string, { seq: number; facets: PostFacets }>()
  private counts = emptyCounts()

  constructor(private readonly deps: SuggestionIndexDeps) {
    this.catalog = deps.catalog ?? new PostCatalog()
  }

  /** How many files the catalog parsed (tests check the cache with it). */
  get parsedCount(): number {
    return this.catalog.parsedCount
  }

  /** Marks the catalog for a rescan on the next request. */
  invalidate(): void {
    this.catalog.invalidate()
  }

  /** Rescans the repository's posts; only files that changed since the last scan are read. */
  async refresh(): Promise<void> {
    const place = this.place()
    if (place) await this.catalog.refresh(place)
  }

  /** Suggestions for the repository, leaving out the post at `excludePath` when given. */
  async suggestions(excludePath?: string | null): Promise<Suggestions> {
    const place = this.place()
    if (!place) return { tags: [], authors: [], categories: [], posts: 0 }
    this.sync(await this.catalog.current(place))
    let counts = this.counts
    const excluded = excludePath ? this.counted.get(excludePath) : undefined
    if (excluded) {
      counts = {
        tags: new Map(counts.tags),
        authors: new Map(counts.authors),
        categories: new Map(counts.categories),
      }
      addFacets(counts, excluded.facets, -1)
    }
    return {
      tags: sortedEntries(counts.tags),
      authors: sortedEntries(counts.authors),
      categories: sortedEntries(counts.categories),
      posts: this.counted.size - (excluded ? 1 : 0),
    }
  }

  /** Re-reads one post after it was created or moved here (the catalog reads it). */
  async updatePost(relPath: string): Promise<void> {
    const place = this.place()
    if (place) await this.catalog.noteFile(place, relPath)
  }

  /** Counts a post from its text (e.g. the editor's buffer just saved) without reading the disk. */
  updateFromText(relPath: string, text: string): void {
    const place = this.place()
    if (place) this.catalog.noteText(place, relPath, text)
  }

  /** Forgets a post (moved or deleted). */
  removePost(relPath: string): void {
    const place = this.place()
    if (place) this.catalog.forget(place, relPath)
  }

  private place() {
    const repo = this.deps.repo()
    return repo ? { root: repo.root, postPath: repo.profile.postPath } : null
  }

  /** Brings the counts up to the catalog's entries (only changed entries are counted again). */
  private sync(state: CatalogState): void {
    if (
      !this.countedFor ||
      this.countedFor.root !== state.root ||
      this.countedFor.postPath !== state.postPath
    ) {
      this.counted = new Map()
      this.counts = emptyCounts()
    }
    this.countedFor = state
    for (const [path, entry] of state.entries) {
      // A link leaving the repository is not read, so it is not counted (D11).
      if (entry.readPath === null) continue
      const was = this.counted.get(path)
      if (was?.seq === entry.seq) continue
      if (was) addFacets(this.counts, was.facets, -1)
      const facets = facetsOf(entry.data)
      addFacets(this.counts, facets, 1)
      this.counted.set(path, { seq: entry.seq, facets })
    }
    for (const [path, was] of this.counted) {
      const entry = state.entries.get(path)
      if (entry && entry.readPath !== null) continue
      addFacets(this.counts, was.facets, -1)
      this.counted.delete(path)
    }
  }
}
