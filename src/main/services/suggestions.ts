import { close, fstat, open, read, readFile, stat, type Stats } from 'node:fs'
import { frontMatterTooLarge, parseFrontMatterYaml } from '../../shared/front-matter'
import type { RepoInfo } from '../../shared/ipc/contract'
import type { Suggestions } from '../../shared/metadata/contract'
import { facetsOf, FACET_KEYS, sortedEntries, type PostFacets } from '../../shared/metadata/facets'
import { locateFrontMatter } from '../../shared/metadata/region'
import { patternMatcher } from '../../shared/profile'
import { parseSimpleYaml } from './front-matter-fast'
import { checkRelativePath, resolveInRepo } from './paths'
import { scanPostFiles } from './post-list'

/** Dependencies of {@link SuggestionIndex}. */
export interface SuggestionIndexDeps {
  /** The repository open now (its root and the profile's `postPath`). */
  repo: () => Pick<RepoInfo, 'root' | 'profile'> | null
}

interface Entry {
  mtimeMs: number
  size: number
  ino: number
  facets: PostFacets
}

interface RepoState {
  root: string
  postPath: string
  /** By repository-relative path. */
  entries: Map<string, Entry>
  counts: Record<keyof PostFacets, Map<string, number>>
}

/** Bytes read from the start of a post: far more than any usual front matter. */
const HEAD_BYTES = 16 * 1024

function statOf(path: string): Promise<Stats | null> {
  return new Promise((resolve) => stat(path, (error, info) => resolve(error ? null : info)))
}

function readWhole(path: string): Promise<Buffer | null> {
  return new Promise((resolve) => readFile(path, (error, data) => resolve(error ? null : data)))
}

/**
 * Opens a file once and reads its facts and its first bytes (open, fstat, read, close): one call
 * fewer than stat + readFile, which matters over thousands of posts.
 */
function readHead(path: string, bytes: number): Promise<{ info: Stats; head: Buffer } | null> {
  return new Promise((resolve) => {
    open(path, 'r', (openError, fd) => {
      if (openError) return resolve(null)
      const done = (value: { info: Stats; head: Buffer } | null) => close(fd, () => resolve(value))
      fstat(fd, (statError, info) => {
        if (statError || !info.isFile()) return done(null)
        const buffer = Buffer.allocUnsafe(Math.min(bytes, info.size))
        if (buffer.length === 0) return done({ info, head: buffer })
        read(fd, buffer, 0, buffer.length, 0, (readError, n) =>
          done(readError ? null : { info, head: buffer.subarray(0, n) }),
        )
      })
    })
  })
}

/** Offset just past the closing fence line of a front matter in `bytes`, or -1. */
function frontMatterEnd(bytes: Buffer): number {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  if (bytes[start] !== 0x2d || bytes[start + 1] !== 0x2d || bytes[start + 2] !== 0x2d) return -1
  let at = bytes.indexOf(0x0a, start)
  while (at >= 0) {
    const next = bytes.indexOf(0x0a, at + 1)
    const c = bytes[at + 1]
    if ((c === 0x2d || c === 0x2e) && bytes[at + 2] === c && bytes[at + 3] === c) {
      return next < 0 ? bytes.length : next + 1
    }
    at = next
  }
  return -1
}

/** The tags, authors and categories of a post file's bytes (empty when it has no readable front matter). */
export function facetsOfBytes(bytes: Buffer): PostFacets {
  const end = frontMatterEnd(bytes)
  const none: PostFacets = { tags: [], authors: [], categories: [] }
  if (end < 0) return none
  return facetsOfText(bytes.toString('utf8', 0, end))
}

/** The tags, authors and categories of a post's text. */
export function facetsOfText(text: string): PostFacets {
  const region = locateFrontMatter(text)
  const none: PostFacets = { tags: [], authors: [], categories: [] }
  if (
    !region ||
    !region.closed ||
    (region.lang !== '' && region.lang !== 'yaml' && region.lang !== 'yml')
  )
    return none
  const yaml = text.slice(region.yamlFrom, region.yamlTo).replace(/\r\n/g, '\n').replace(/\n$/, '')
  // Too large to read (S12): no facets, and no parser runs on it.
  if (frontMatterTooLarge(yaml)) return none
  const data = parseSimpleYaml(yaml) ?? parseFrontMatterYaml(yaml).data
  return facetsOf(data)
}

function emptyCounts(): RepoState['counts'] {
  return { tags: new Map(), authors: new Map(), categories: new Map() }
}

function addFacets(counts: RepoState['counts'], facets: PostFacets, sign: 1 | -1): void {
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
 * each. Built from the posts' front matter (files are re-read only when their size, time or inode
 * changed) and updated one post at a time after a save.
 */
export class SuggestionIndex {
  private state: RepoState | null = null
  private stale = true
  private building: Promise<RepoState | null> | null = null
  /** Files parsed since the index was made (tests check the cache with it). */
  parsedCount = 0

  constructor(private readonly deps: SuggestionIndexDeps) {}

  /** Marks the index for a rescan on the next request (the post list changed on disk). */
  invalidate(): void {
    this.stale = true
  }

  /** Rescans the repository's posts; only files that changed since the last scan are read. */
  async refresh(): Promise<void> {
    this.stale = true
    await this.current()
  }

  /** Suggestions for the repository, leaving out the post at `excludePath` when given. */
  async suggestions(excludePath?: string | null): Promise<Suggestions> {
    const state = await this.current()
    if (!state) return { tags: [], authors: [], categories: [], posts: 0 }
    let counts = state.counts
    const excluded = excludePath ? state.entries.get(excludePath) : undefined
    if (excluded) {
      counts = {
        tags: new Map(state.counts.tags),
        authors: new Map(state.counts.authors),
        categories: new Map(state.counts.categories),
      }
      addFacets(counts, excluded.facets, -1)
    }
    return {
      tags: sortedEntries(counts.tags),
      authors: sortedEntries(counts.authors),
      categories: sortedEntries(counts.categories),
      posts: state.entries.size - (excluded ? 1 : 0),
    }
  }

  /** Re-reads one post after it was saved, created or removed (incremental update). */
  async updatePost(relPath: string): Promise<void> {
    const state = await this.current()
    if (!state) return
    const checked = checkRelativePath(relPath)
    if (checked.kind === 'refused' || !patternMatcher(state.postPath)(checked.relPath)) return
    const resolved = await resolveInRepo(state.root, checked.relPath)
    const entry =
      resolved.kind === 'ok' && resolved.exists
        ? await this.read(resolved.realPath, state.entries.get(checked.relPath))
        : null
    this.replace(state, checked.relPath, entry)
  }

  /** Counts a post from its text (e.g. the editor's buffer just saved) without reading the disk. */
  updateFromText(relPath: string, text: string): void {
    const state = this.state
    if (!state) return
    const previous = state.entries.get(relPath)
    this.replace(state, relPath, {
      // Unknown file facts: the next rescan reads the file again.
      mtimeMs: -1,
      size: -1,
      ino: previous?.ino ?? -1,
      facets: facetsOfText(text),
    })
  }

  /** Forgets a post (moved or deleted). */
  removePost(relPath: string): void {
    if (this.state) this.replace(this.state, relPath, null)
  }

  private replace(state: RepoState, relPath: string, entry: Entry | null): void {
    const previous = state.entries.get(relPath)
    if (previous) addFacets(state.counts, previous.facets, -1)
    if (entry) {
      state.entries.set(relPath, entry)
      addFacets(state.counts, entry.facets, 1)
    } else state.entries.delete(relPath)
  }

  private async current(): Promise<RepoState | null> {
    const repo = this.deps.repo()
    if (!repo) return null
    const { root } = repo
    const postPath = repo.profile.postPath
    const state = this.state
    if (state && state.root === root && state.postPath === postPath && !this.stale) return state
    this.building ??= this.scan(root, postPath).finally(() => {
      this.building = null
    })
    return this.building
  }

  private async scan(root: string, postPath: string): Promise<RepoState> {
    this.stale = false
    const previous =
      this.state && this.state.root === root && this.state.postPath === postPath ? this.state : null
    const { files } = await scanPostFiles(root, postPath)
    const entries = await Promise.all(
      files.map(async (file) => {
        // A link to a file outside the repository is not read (D11).
        if (file.isSymlink && (await resolveInRepo(root, file.relPath)).kind === 'refused')
          return null
        return this.read(file.absPath, previous?.entries.get(file.relPath))
      }),
    )
    const next: RepoState = { root, postPath, entries: new Map(), counts: emptyCounts() }
    files.forEach((file, i) => {
      const entry = entries[i]
      if (!entry) return
      next.entries.set(file.relPath, entry)
      addFacets(next.counts, entry.facets, 1)
    })
    this.state = next
    return next
  }

  private async read(absPath: string, cached: Entry | undefined): Promise<Entry | null> {
    if (cached) {
      const info = await statOf(absPath)
      if (!info?.isFile()) return null
      const same =
        cached.mtimeMs === info.mtimeMs && cached.size === info.size && cached.ino === info.ino
      if (same) return cached
    }
    const opened = await readHead(absPath, HEAD_BYTES)
    if (!opened) return null
    const { info } = opened
    let bytes: Buffer | null = opened.head
    // A front matter longer than the head (rare): read the whole file.
    if (info.size > bytes.length && frontMatterEnd(bytes) < 0) bytes = await readWhole(absPath)
    if (!bytes) return null
    this.parsedCount++
    return { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino, facets: facetsOfBytes(bytes) }
  }
}
