import { watch, type FSWatcher } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Emit, RepoInfo } from '../../../shared/ipc/contract'
import { patternRoot } from '../../../shared/profile'
import type { AtomicWriter } from '../fs/atomic-file'
import type { KnownFiles } from './known-files'
import { decodeText, hashBytes } from './post-bytes'
import type { PostCatalog } from './post-catalog'
import { scanPostFiles } from './post-list'
import { isInside, resolveInRepo } from '../fs/paths'

/** Dependencies of {@link PostWatcher}. */
export interface PostWatcherDeps {
  emit: Emit
  /** Checks run inside the writer's per-file queue, so a half-finished own save is never seen. */
  writer: AtomicWriter
  /** What the app itself last read or wrote: such content is never reported as a change. */
  known: KnownFiles
  /** Quiet time before a burst of file events is checked. Default 150 ms. */
  debounceMs?: number
  /** Fallback polling for file systems where events are lost (network drives); 0 turns it off. Default 2000 ms. */
  pollMs?: number
  /**
   * The post catalog: list checks rescan it (so posts changed by someone else reach every view)
   * instead of scanning on their own.
   */
  catalog?: PostCatalog
}

type DiskState = { kind: 'present'; hash: string; bytes: Buffer } | { kind: 'deleted' }

interface WatchedPost {
  relPath: string
  realPath: string
  last: { kind: 'present'; hash: string } | { kind: 'deleted' }
  watcher: FSWatcher | null
  timer: NodeJS.Timeout | null
  poll: NodeJS.Timeout | null
  signature: string
}

interface ListWatch {
  repo: RepoInfo
  posts: Set<string>
  watchers: Map<string, FSWatcher>
  timer: NodeJS.Timeout | null
  poll: NodeJS.Timeout | null
}

async function diskState(realPath: string): Promise<DiskState> {
  try {
    const bytes = await readFile(realPath)
    return { kind: 'present', hash: hashBytes(bytes), bytes }
  } catch {
    return { kind: 'deleted' }
  }
}

/** A file's size, time and identity (`missing` when it is not there): a cheap change check. */
export async function signatureOf(realPath: string): Promise<string> {
  const info = await stat(realPath).catch(() => null)
  return info ? `${info.mtimeMs}:${info.size}:${info.ino}` : 'missing'
}

/** Watches a folder's entries (null where the platform cannot); an error closes the watcher. */
export function safeWatch(
  dir: string,
  onEvent: (filename: string | null) => void,
): FSWatcher | null {
  try {
    const watcher = watch(dir, { persistent: false }, (_event, filename) =>
      onEvent(filename ? String(filename) : null),
    )
    // A watched folder that disappears or errors: polling covers it from then on.
    watcher.on('error', () => watcher.close())
    return watcher
  } catch {
    return null
  }
}

/**
 * Watches the open post and the set of posts for changes made by someone else.
 * Emits `post:changed-on-disk` when the open post's bytes differ from what the app itself last read
 * or wrote (own saves never echo), `deleted` when it disappears (D2, D3), and `posts:list-changed`
 * when post files appear or disappear. With a catalog, every list check also refreshes it, so a
 * post edited elsewhere (a pull, another editor) reaches the list, search and suggestions.
 */
export class PostWatcher {
  private readonly debounceMs: number
  private readonly pollMs: number
  private repo: RepoInfo | null = null
  private watchGeneration = 0
  private post: WatchedPost | null = null
  private list: ListWatch | null = null

  constructor(private readonly deps: PostWatcherDeps) {
    this.debounceMs = deps.debounceMs ?? 150
    this.pollMs = deps.pollMs ?? 2000
  }

  /** Switches to another repository (or none): stops watching the old one's post and list. */
  async setRepo(repo: RepoInfo | null): Promise<void> {
    this.stopPost()
    this.stopList()
    this.repo = repo
    if (!repo) return
    const list: ListWatch = { repo, posts: new Set(), watchers: new Map(), timer: null, poll: null }
    this.list = list
    const scan = await this.scanList(repo)
    if (this.list !== list) return
    list.posts = scan.posts
    this.rewatchList(list, scan.dirs)
    if (this.pollMs > 0) {
      list.poll = setInterval(() => this.scheduleList(list), this.pollMs * 2)
      list.poll.unref()
    }
  }

  /** Watches one post (repository-relative), or nothing with null. Unsafe paths are not watched. */
  async watchPost(relPath: string | null): Promise<void> {
    // Only the latest call counts when the editor switches posts quickly.
    const generation = ++this.watchGeneration
    const stale = () => generation !== this.watchGeneration || this.repo !== repo
    this.stopPost()
    const repo = this.repo
    if (!repo || relPath === null) return
    const resolved = await resolveInRepo(repo.root, relPath)
    if (resolved.kind === 'refused' || stale()) return
    const { realPath } = resolved
    const known = this.deps.known.get(realPath)
    let last: WatchedPost['last']
    if (known?.hash) {
      last = { kind: 'present', hash: known.hash }
    } else {
      const state = await diskState(realPath)
      last = state.kind === 'present' ? { kind: 'present', hash: state.hash } : state
    }
    const signature = await signatureOf(realPath)
    if (stale()) return
    this.stopPost()
    const post: WatchedPost = {
      relPath: resolved.relPath,
      realPath,
      last,
      watcher: null,
      timer: null,
      poll: null,
      signature,
    }
    this.post = post
    const name = basename(realPath)
    post.watcher = safeWatch(dirname(realPath), (filename) => {
      if (filename === null || filename === name) this.schedulePost(post)
    })
    if (this.pollMs > 0) {
      post.poll = setInterval(() => {
        void signatureOf(realPath).then((signature) => {
          if (signature !== post.signature) this.schedulePost(post)
        })
      }, this.pollMs)
      post.poll.unref()
    }
    // Anything that happened between the editor's read and now is reported too.
    if (known?.hash) this.schedulePost(post)
  }

  /** Checks the watched post now (also what the debounced file events end in). */
  async checkPost(): Promise<void> {
    const post = this.post
    if (post) await this.runPostCheck(post)
  }

  /** Checks the post list now. */
  async checkList(): Promise<void> {
    const list = this.list
    if (list) await this.runListCheck(list)
  }

  /** Stops every watcher and timer. */
  async dispose(): Promise<void> {
    this.stopPost()
    this.stopList()
    this.repo = null
  }

  private schedulePost(post: WatchedPost): void {
    if (post.timer) clearTimeout(post.timer)
    post.timer = setTimeout(() => {
      post.timer = null
      void this.runPostCheck(post)
    }, this.debounceMs)
    post.timer.unref()
  }

  private runPostCheck(post: WatchedPost): Promise<void> {
    return this.deps.writer.exclusive(post.realPath, async () => {
      if (this.post !== post) return
      post.signature = await signatureOf(post.realPath)
      const state = await diskState(post.realPath)
      if (this.post !== post) return
      const same =
        state.kind === post.last.kind &&
        (state.kind === 'deleted' ||
          (post.last.kind === 'present' && state.hash === post.last.hash))
      if (same) return
      post.last = state.kind === 'present' ? { kind: 'present', hash: state.hash } : state
      if (state.kind === 'deleted') {
        this.deps.emit('post:changed-on-disk', {
          path: post.relPath,
          kind: 'deleted',
          text: null,
          hash: null,
        })
        return
      }
      // The app's own write (or what it last read) is not news.
      if (this.deps.known.get(post.realPath)?.hash === state.hash) return
      this.deps.emit('post:changed-on-disk', {
        path: post.relPath,
        kind: 'modified',
        text: decodeText(state.bytes).text,
        hash: state.hash,
      })
    })
  }

  private stopPost(): void {
    const post = this.post
    if (!post) return
    this.post = null
    post.watcher?.close()
    if (post.timer) clearTimeout(post.timer)
    if (post.poll) clearInterval(post.poll)
  }

  private async scanList(repo: RepoInfo): Promise<{ posts: Set<string>; dirs: string[] }> {
    const place = { root: repo.root, postPath: repo.profile.postPath }
    const scan = this.deps.catalog
      ? await this.deps.catalog.refresh(place).then((state) => ({
          dirs: state.dirs,
          files: [...state.entries.keys()].map((relPath) => ({ relPath })),
        }))
      : await scanPostFiles(repo.root, repo.profile.postPath)
    const dirs = new Set(scan.dirs)
    if (dirs.size === 0) {
      // The posts folder does not exist yet: watch its nearest existing ancestor for its creation.
      let dir = join(repo.root, ...patternRoot(repo.profile.postPath).split('/').filter(Boolean))
      while (
        dir !== repo.root &&
        !(await stat(dir).then(
          (s) => s.isDirectory(),
          () => false,
        ))
      )
        dir = dirname(dir)
      if (isInside(repo.root, dir)) dirs.add(dir)
    }
    return { posts: new Set(scan.files.map((f) => f.relPath)), dirs: [...dirs] }
  }

  private rewatchList(list: ListWatch, dirs: string[]): void {
    const wanted = new Set(dirs)
    for (const [dir, watcher] of list.watchers) {
      if (!wanted.has(dir)) {
        watcher.close()
        list.watchers.delete(dir)
      }
    }
    for (const dir of wanted) {
      if (list.watchers.has(dir)) continue
      const watcher = safeWatch(dir, () => this.scheduleList(list))
      if (watcher) list.watchers.set(dir, watcher)
    }
  }

  private scheduleList(list: ListWatch): void {
    if (list.timer) clearTimeout(list.timer)
    list.timer = setTimeout(() => {
      list.timer = null
      void this.runListCheck(list)
    }, this.debounceMs)
    list.timer.unref()
  }

  private async runListCheck(list: ListWatch): Promise<void> {
    if (this.list !== list) return
    const scan = await this.scanList(list.repo)
    if (this.list !== list) return
    const changed =
      scan.posts.size !== list.posts.size || [...scan.posts].some((p) => !list.posts.has(p))
    list.posts = scan.posts
    this.rewatchList(list, scan.dirs)
    if (changed) this.deps.emit('posts:list-changed', null)
  }

  private stopList(): void {
    const list = this.list
    if (!list) return
    this.list = null
    for (const watcher of list.watchers.values()) watcher.close()
    if (list.timer) clearTimeout(list.timer)
    if (list.poll) clearInterval(list.poll)
  }
}
