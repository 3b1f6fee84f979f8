import type {
  AppInfo,
  CreateResult,
  EventPayload,
  PortalApi,
  RepoInfo,
} from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { MovePostResult } from '../../../shared/metadata/contract'
import type { PostSummary } from '../../../shared/post'
import { sortPosts } from '../posts/post-filter'
import { DocSession, type DiskChange, type DocStatus } from '../save/doc-session'

/** What the workspace needs from the editor: buffers per post. */
export interface EditorPort {
  load(path: string, text: string, readOnly: boolean): void
  show(path: string | null): void
  text(path: string): string
  replace(path: string, text: string, mode: 'reload' | 'theirs'): void
  /** Drops one post's buffer (it moved). */
  forget(path: string): void
  forgetAll(): void
}

/** Everything the UI renders from; a new object whenever something visible changed. */
export interface WorkspaceView {
  ready: boolean
  appInfo: AppInfo | null
  repo: RepoInfo | null
  posts: PostSummary[]
  currentPath: string | null
  /** The open post's status, or null when none is open. */
  current: DocStatus | null
  /** The last error worth a banner (opening a repository or a post). */
  notice: LocalizedText | null
  /** Whether opening a post is in progress. */
  opening: boolean
  /**
   * Grows with every change of main's post catalog (a save, a create or move, a file changed on
   * disk): views derived from other posts (feed cards, suggestions) read again when it moves.
   */
  postsVersion: number
}

const LAST_POST_KEY = 'portal-writer.last-post'

function lastPostKey(root: string): string {
  return `${LAST_POST_KEY}:${root}`
}

const NO_POST = msg('記事が開かれていません。', 'No post is open.')
const SAVE_FIRST = msg(
  '記事を保存できていないため、移動しませんでした。保存の問題を解決してから、もう一度やり直してください。',
  'The post is not saved, so it was not moved. Resolve the save problem, then try again.',
)

function unexpected(e: unknown): LocalizedText {
  return msg(
    `予期しないエラーが起きました: ${String(e)}`,
    `Something unexpected happened: ${String(e)}`,
  )
}

/**
 * The app's controller outside React: the open repository, its posts, and one {@link DocSession}
 * per open post. Components read {@link WorkspaceView} through `useSyncExternalStore`; nothing
 * here changes on a plain keystroke, so typing never re-renders React.
 */
export class Workspace {
  private view: WorkspaceView = {
    ready: false,
    appInfo: null,
    repo: null,
    posts: [],
    currentPath: null,
    current: null,
    notice: null,
    opening: false,
    postsVersion: 0,
  }
  private readonly listeners = new Set<() => void>()
  private readonly sessions = new Map<string, DocSession>()
  private choosing = false
  private openSeq = 0
  private readonly unsubscribe: Array<() => void> = []

  constructor(
    private readonly api: PortalApi,
    private readonly editor: EditorPort,
  ) {}

  /** Subscribes to view changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current view (stable between changes). */
  readonly getSnapshot = (): WorkspaceView => this.view

  /** Loads app facts, the current repository and its posts, and reopens the last post. */
  async start(): Promise<void> {
    this.unsubscribe.push(
      this.api.on('post:changed-on-disk', (e) => this.diskChanged(e.path, e)),
      this.api.on('posts:list-changed', () => void this.refreshPosts()),
      this.api.on('posts:changed', (change) => this.catalogChanged(change)),
    )
    try {
      const [appInfo, repo] = await Promise.all([this.api.app.info(), this.api.repo.current()])
      this.set({ appInfo, repo })
      if (repo) await this.enterRepo(repo)
    } catch (e) {
      this.set({ notice: unexpected(e) })
    }
    this.set({ ready: true })
  }

  /** Stops listening to main. */
  dispose(): void {
    for (const off of this.unsubscribe.splice(0)) off()
    for (const s of this.sessions.values()) s.dispose()
  }

  /** Asks the writer for a repository folder and opens it. */
  async chooseRepo(): Promise<void> {
    if (this.choosing) return
    this.choosing = true
    try {
      await this.flushAll()
      const r = await this.api.repo.choose()
      switch (r.kind) {
        case 'cancelled':
          return
        case 'error':
          this.set({ notice: r.message })
          return
        case 'ok':
          await this.enterRepo(r.repo)
          return
      }
    } catch (e) {
      this.set({ notice: unexpected(e) })
    } finally {
      this.choosing = false
    }
  }

  /** Opens a post (its buffer is kept if it was open before, with its undo history). */
  async openPost(path: string): Promise<void> {
    if (path === this.view.currentPath && this.sessions.has(path)) return
    const previous = this.view.currentPath
    if (previous) void this.sessions.get(previous)?.save()
    const seq = ++this.openSeq
    if (!this.sessions.has(path)) {
      this.set({ opening: true })
      let r: Awaited<ReturnType<PortalApi['posts']['read']>>
      try {
        r = await this.api.posts.read({ path })
      } catch (e) {
        r = { kind: 'error', message: unexpected(e) }
      }
      if (seq !== this.openSeq) return
      if (r.kind === 'error') {
        this.set({ notice: r.message, opening: false })
        return
      }
      const doc = r.doc
      this.editor.load(path, doc.text, doc.readOnly !== null)
      const session = new DocSession(
        doc,
        {
          text: () => this.editor.text(path),
          replace: (t, mode) => this.editor.replace(path, t, mode),
        },
        (req) => this.api.posts.save(req),
        () => this.sessionChanged(path),
      )
      this.sessions.set(path, session)
    }
    this.editor.show(path)
    this.set({
      currentPath: path,
      current: this.sessions.get(path)!.status,
      opening: false,
      notice: null,
    })
    const root = this.view.repo?.root
    if (root) {
      try {
        localStorage.setItem(lastPostKey(root), path)
      } catch {
        // Not remembering the last post is harmless.
      }
    }
    void this.api.posts.watch({ path }).catch(() => undefined)
  }

  /** The writer edited a post (called by the editor host). */
  noteEdit(path: string): void {
    this.sessions.get(path)?.noteEdit()
  }

  /** Saves the open post now (Mod-s). */
  async saveCurrent(): Promise<void> {
    const path = this.view.currentPath
    if (path) await this.sessions.get(path)?.save({ explicit: true })
  }

  /** Saves every dirty post (window blur, before unload, switching repositories). */
  async flushAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.save()))
  }

  /** The writer's choice about the open post's conflict. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const path = this.view.currentPath
    if (path) await this.sessions.get(path)?.resolve(choice)
  }

  /** Opens or closes the conflict dialog without choosing. */
  setConflictOpen(open: boolean): void {
    const path = this.view.currentPath
    if (path) this.sessions.get(path)?.setConflictOpen(open)
  }

  /** The open post's buffer text (for the compare view). */
  currentText(): string {
    const path = this.view.currentPath
    return path ? this.editor.text(path) : ''
  }

  /** Creates a post and opens it. Field errors come back for the dialog to show. */
  async createPost(request: {
    title: string
    slug: string
    date?: string
    authors?: string[]
    tags?: string[]
    categories?: string[]
  }): Promise<CreateResult> {
    let r: CreateResult
    try {
      r = await this.api.posts.create(request)
    } catch (e) {
      return { kind: 'error', message: unexpected(e) }
    }
    if (r.kind === 'created') {
      await this.refreshPosts()
      await this.openPost(r.post.path)
    }
    return r
  }

  /**
   * Renames the open post's slug and/or moves it to another date: saves first, checks that the
   * file on disk is the buffer, moves the file and its asset folder, then reopens it at its new path.
   */
  async movePost(request: { slug?: string; date?: string }): Promise<MovePostResult> {
    const path = this.view.currentPath
    const session = path ? this.sessions.get(path) : undefined
    if (!path || !session) return { kind: 'error', message: NO_POST }
    try {
      await session.save({ explicit: true })
      const status = session.status
      if (status.dirty || status.conflict || status.error || status.missing)
        return { kind: 'conflict', message: SAVE_FIRST }
      // The hash of what is on disk now, and proof that it is the buffer as saved.
      const disk = await this.api.posts.read({ path })
      if (disk.kind === 'error') return disk
      if (disk.doc.text !== this.editor.text(path)) return { kind: 'conflict', message: SAVE_FIRST }
      const r = await this.api.metadata.movePost({ path, ...request, expectedHash: disk.doc.hash })
      if (r.kind === 'moved') {
        session.dispose()
        this.sessions.delete(path)
        this.editor.forget(path)
        this.set({ currentPath: null, current: null })
        await this.refreshPosts()
        await this.openPost(r.path)
      }
      return r
    } catch (e) {
      return { kind: 'error', message: unexpected(e) }
    }
  }

  /** Re-reads the post list. */
  async refreshPosts(): Promise<void> {
    try {
      const posts = await this.api.posts.list()
      this.set({ posts: sortPosts(posts) })
    } catch (e) {
      this.set({ notice: unexpected(e) })
    }
  }

  /** Hides the notice banner. */
  dismissNotice(): void {
    this.set({ notice: null })
  }

  private async enterRepo(repo: RepoInfo): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.settle()))
    for (const s of this.sessions.values()) s.dispose()
    this.sessions.clear()
    this.editor.forgetAll()
    this.set({ repo, posts: [], currentPath: null, current: null, notice: null })
    await this.refreshPosts()
    let last: string | null = null
    try {
      last = localStorage.getItem(lastPostKey(repo.root))
    } catch {
      last = null
    }
    const target = this.view.posts.find((p) => p.path === last) ?? this.view.posts[0]
    if (target) await this.openPost(target.path)
  }

  /** Applies main's catalog change to the list: changed rows replaced, new ones added, gone ones removed. */
  private catalogChanged(change: EventPayload<'posts:changed'>): void {
    if (change.root !== this.view.repo?.root) return
    const replaced = new Map(change.upserted.map((p) => [p.path, p]))
    const removed = new Set(change.removed)
    const kept = this.view.posts.filter((p) => !removed.has(p.path) && !replaced.has(p.path))
    this.set({
      posts: sortPosts([...kept, ...replaced.values()]),
      postsVersion: this.view.postsVersion + 1,
    })
  }

  private diskChanged(path: string, change: DiskChange): void {
    this.sessions.get(path)?.diskChanged(change)
  }

  private sessionChanged(path: string): void {
    if (path === this.view.currentPath) this.set({ current: this.sessions.get(path)!.status })
  }

  private set(patch: Partial<WorkspaceView>): void {
    this.view = { ...this.view, ...patch }
    for (const l of this.listeners) l()
  }
}
