import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import type { PostSummary } from '../../../shared/post'
import { patternMatcher, type PostKey } from '../../../shared/profile'
import { checkRelativePath, resolveInRepo } from '../fs/paths'
import {
  headOf,
  parsePostHead,
  readFileFast,
  readPostHead,
  scanPostFiles,
  sortTime,
  statFast,
  WHOLE_FILE_BYTES,
  type PostFile,
} from './post-list'
import { isClosingFence, isOpeningFence } from '../../../shared/front-matter-fence'

/** A repository and its profile's `postPath`: which catalog is meant. */
export interface CatalogPlace {
  root: string
  postPath: string
}

/** A file's identity and version as the catalog last read it. */
interface FileStamp {
  mtimeMs: number
  size: number
  ino: number
}

/** What the catalog knows about one post file. */
export interface CatalogEntry {
  /** Repository-relative path (`/` separators), the name the scan found (a link's own name). */
  relPath: string
  key: PostKey
  /** The file to read (a link's target inside the repository); null when the link is refused. */
  readPath: string | null
  /** Null when the entry came from text (a save): the next refresh reads the file once. */
  stamp: FileStamp | null
  summary: PostSummary
  /** Newest-first sort key. */
  time: number
  /** The front matter as parsed (empty when there is none or it is broken). */
  data: Record<string, unknown>
  /** Grows each time any entry is replaced: derived caches compare it to know what changed. */
  seq: number
}

/** What the catalog holds for one repository. */
export interface CatalogState {
  readonly root: string
  readonly postPath: string
  /** By repository-relative path. */
  readonly entries: ReadonlyMap<string, CatalogEntry>
  /** Existing folders whose entries decide which posts exist (what a watcher should watch). */
  readonly dirs: readonly string[]
}

/** Rows that changed (new or different) and paths that left, pushed to the renderer. */
export interface CatalogChange {
  root: string
  upserted: PostSummary[]
  removed: string[]
}

interface RepoState extends CatalogState {
  entries: Map<string, CatalogEntry>
  dirs: string[]
  scanned: boolean
  stale: boolean
  /** Paths forgotten, with the `seq` of the moment: a pass that started earlier must not revive them. */
  forgotten: Map<string, number>
  running: Promise<void> | null
  queued: Promise<void> | null
}

/** The front matter part of a post's text (its first 200 characters when it has none). */
function frontMatterPart(text: string): string {
  const first = text.indexOf('\n')
  if (first < 0 || !isOpeningFence(text.slice(0, first))) return text.slice(0, 200)
  for (let at = first + 1; at <= text.length;) {
    const nl = text.indexOf('\n', at)
    if (isClosingFence(text.slice(at, nl < 0 ? text.length : nl)))
      return nl < 0 ? text : text.slice(0, nl + 1)
    if (nl < 0) break
    at = nl + 1
  }
  return text
}

const placeKey = (place: CatalogPlace) => `${place.root}\n${place.postPath}`

/**
 * The one catalog of a repository's posts: the scan of the posts folder, each file's stamp
 * (modification time, size, inode) and its parsed front matter. The post list, the feed's cards
 * and the suggestions all derive from it; saves (`noteText`), creates and moves (`noteFile`,
 * `forget`) and the watcher (`refresh`) keep it current, and every change goes to the listeners
 * (main pushes it to the renderer), so no view keeps old metadata.
 */
export class PostCatalog {
  private readonly states = new Map<string, RepoState>()
  private readonly listeners = new Set<(change: CatalogChange) => void>()
  private seq = 0
  /** How many files were parsed since the catalog was made (tests check the cache with it). */
  parsedCount = 0

  /** Calls `listener` after every change; returns the unsubscribe function. */
  onChange(listener: (change: CatalogChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Scans the folder again and re-reads only the files whose stamp changed. A call while a scan
   * runs waits for one more scan after it, so a change made meanwhile is never missed.
   */
  refresh(place: CatalogPlace): Promise<CatalogState> {
    return this.refreshed(this.stateOf(place))
  }

  /** The catalog as it is, scanning only when it never was or was marked stale. */
  current(place: CatalogPlace): Promise<CatalogState> {
    return this.currentState(place)
  }

  private async currentState(place: CatalogPlace): Promise<RepoState> {
    const state = this.stateOf(place)
    return state.scanned && !state.stale ? state : this.refreshed(state)
  }

  private async refreshed(state: RepoState): Promise<RepoState> {
    if (state.running) {
      state.queued ??= state.running.then(() => {
        state.queued = null
        return this.run(state)
      })
      await state.queued
    } else await this.run(state)
    return state
  }

  /** Marks every catalog for a rescan on the next `current`. */
  invalidate(): void {
    for (const state of this.states.values()) state.stale = true
  }

  /** A post's new text, just saved by the app: parsed at once, without reading the disk. */
  noteText(place: CatalogPlace, relPath: string, text: string): void {
    const state = this.states.get(placeKey(place))
    const located = state ? this.locate(state, relPath) : null
    if (!state || !located) return
    const previous = state.entries.get(located.relPath)
    const { summary, data } = parsePostHead(located.relPath, located.key, {
      text: frontMatterPart(text),
      validUtf8: true,
    })
    this.commit(state, new Map([[located.relPath, null]]), (next) => {
      next.set(located.relPath, {
        relPath: located.relPath,
        key: located.key,
        readPath: previous?.readPath ?? join(place.root, ...located.relPath.split('/')),
        stamp: null,
        summary,
        time: sortTime(summary, located.key),
        data,
        seq: ++this.seq,
      })
    })
  }

  /** Reads one post from the disk now (it was created or moved here); a missing file is forgotten. */
  async noteFile(place: CatalogPlace, relPath: string): Promise<void> {
    const state = await this.currentState(place)
    const located = this.locate(state, relPath)
    if (!located) return
    const absPath = join(place.root, ...located.relPath.split('/'))
    const info = await lstat(absPath).catch(() => null)
    const file: PostFile = {
      relPath: located.relPath,
      absPath,
      key: located.key,
      isSymlink: info?.isSymbolicLink() ?? false,
    }
    const entry = info ? await this.entryFor(place.root, file, undefined) : null
    if (!entry) return this.forget(place, located.relPath)
    this.commit(state, new Map([[located.relPath, null]]), (next) =>
      next.set(located.relPath, entry),
    )
  }

  /** Forgets a post (moved or deleted). */
  forget(place: CatalogPlace, relPath: string): void {
    const state = this.states.get(placeKey(place))
    if (!state) return
    state.forgotten.set(relPath, ++this.seq)
    if (state.entries.has(relPath))
      this.commit(state, new Map([[relPath, null]]), (next) => next.delete(relPath))
  }

  private stateOf(place: CatalogPlace): RepoState {
    const key = placeKey(place)
    let state = this.states.get(key)
    if (!state) {
      state = {
        root: place.root,
        postPath: place.postPath,
        entries: new Map(),
        dirs: [],
        scanned: false,
        stale: true,
        forgotten: new Map(),
        running: null,
        queued: null,
      }
      this.states.set(key, state)
    }
    return state
  }

  private locate(state: CatalogState, relPath: string): { relPath: string; key: PostKey } | null {
    const checked = checkRelativePath(relPath)
    if (checked.kind === 'refused') return null
    const key = patternMatcher(state.postPath)(checked.relPath)
    return key ? { relPath: checked.relPath, key } : null
  }

  private run(state: RepoState): Promise<void> {
    const pass = this.scan(state).finally(() => {
      if (state.running === pass) state.running = null
    })
    state.running = pass
    return pass
  }

  private async scan(state: RepoState): Promise<void> {
    const startSeq = this.seq
    state.stale = false
    const { files, dirs } = await scanPostFiles(state.root, state.postPath)
    const read = await Promise.all(
      files.map((file) => this.entryFor(state.root, file, state.entries.get(file.relPath))),
    )
    const found = new Map<string, CatalogEntry>()
    files.forEach((file, i) => {
      const entry = read[i]
      if (entry) found.set(file.relPath, entry)
    })
    state.dirs = dirs
    state.scanned = true
    const touched = new Map<string, null>()
    for (const path of new Set([...state.entries.keys(), ...found.keys()])) touched.set(path, null)
    this.commit(state, touched, (next) => {
      next.clear()
      for (const [path, entry] of found) {
        // A post forgotten after this pass began stays forgotten.
        if ((state.forgotten.get(path) ?? -1) <= startSeq) next.set(path, entry)
      }
      // Entries noted (saved, created, moved) while this pass ran are newer than what it read.
      for (const [path, entry] of state.entries) if (entry.seq > startSeq) next.set(path, entry)
    })
    for (const [path, at] of state.forgotten) if (at <= startSeq) state.forgotten.delete(path)
  }

  /** Applies `change` to a copy of the entries, then tells listeners what differs. */
  private commit(
    state: RepoState,
    touched: Map<string, null>,
    change: (next: Map<string, CatalogEntry>) => void,
  ): void {
    const before = state.entries
    const next = new Map(before)
    change(next)
    state.entries = next
    const upserted: PostSummary[] = []
    const removed: string[] = []
    for (const path of touched.keys()) {
      const was = before.get(path)
      const now = next.get(path)
      if (now && now !== was) upserted.push(now.summary)
      else if (!now && was) removed.push(path)
    }
    if (upserted.length === 0 && removed.length === 0) return
    const event: CatalogChange = { root: state.root, upserted, removed }
    for (const listener of this.listeners) listener(event)
  }

  private async entryFor(
    root: string,
    file: PostFile,
    cached: CatalogEntry | undefined,
  ): Promise<CatalogEntry | null> {
    let readPath = file.absPath
    if (file.isSymlink) {
      // A link leaving the repository is listed with its reason but never read (D11).
      const resolved = await resolveInRepo(root, file.relPath)
      if (resolved.kind === 'refused') {
        if (cached && cached.readPath === null) return cached
        const summary: PostSummary = {
          path: file.relPath,
          slug: file.key.slug,
          title: file.key.slug,
          date: null,
          tags: [],
          draft: false,
          eyecatch: null,
          problem: resolved.reason,
        }
        const time = sortTime(summary, file.key)
        const { relPath, key } = file
        return {
          relPath,
          key,
          readPath: null,
          stamp: null,
          summary,
          time,
          data: {},
          seq: ++this.seq,
        }
      }
      readPath = resolved.realPath
    }
    const info = await statFast(readPath)
    if (!info?.isFile()) return null
    const stamp = cached?.stamp
    if (
      cached &&
      cached.readPath === readPath &&
      stamp &&
      stamp.mtimeMs === info.mtimeMs &&
      stamp.size === info.size &&
      stamp.ino === info.ino
    ) {
      return cached
    }
    const head =
      info.size <= WHOLE_FILE_BYTES
        ? await readFileFast(readPath).then(
            (bytes) => headOf(bytes, true),
            () => null,
          )
        : await readPostHead(readPath).catch(() => null)
    if (!head) return null
    this.parsedCount++
    const { summary, data } = parsePostHead(file.relPath, file.key, head)
    return {
      relPath: file.relPath,
      key: file.key,
      readPath,
      stamp: { mtimeMs: info.mtimeMs, size: info.size, ino: info.ino },
      summary,
      time: sortTime(summary, file.key),
      data,
      seq: ++this.seq,
    }
  }
}

/** The post list: summaries from the catalog, newest first. */
export class PostIndex {
  /** The catalog the list derives from. */
  readonly catalog: PostCatalog

  constructor(catalog?: PostCatalog) {
    this.catalog = catalog ?? new PostCatalog()
  }

  /** How many files the catalog parsed (tests check the cache with it). */
  get parsedCount(): number {
    return this.catalog.parsedCount
  }

  /** Every post under `root` matching `postPath`, newest first (rescans; reads only changed files). */
  async list(root: string, postPath: string): Promise<PostSummary[]> {
    const state = await this.catalog.refresh({ root, postPath })
    return [...state.entries.values()]
      .sort((a, b) => b.time - a.time || (a.summary.path < b.summary.path ? 1 : -1))
      .map((e) => e.summary)
  }
}
