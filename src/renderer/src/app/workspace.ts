import type { CreateResult, EventPayload, PortalApi, RepoInfo } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { MovePostResult } from '../../../shared/ipc/metadata'
import { sortPosts } from '../posts/post-filter'
import type { DiskChange } from '../save/doc-session'
import {
  steadyView,
  type SteadyView,
  type WorkspacePort,
  type WorkspaceView,
} from '../shell/workspace-view'
import { PostSessions, type EditorPort } from './post-sessions'
import { restoreEdits } from './restore-edits'

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
export class Workspace implements WorkspacePort {
  private view: WorkspaceView = {
    ready: false,
    appInfo: null,
    repo: null,
    posts: [],
    currentPath: null,
    current: null,
    notice: null,
    opening: false,
    recovered: [],
    postsVersion: 0,
  }
  private readonly listeners = new Set<() => void>()
  private readonly posts: PostSessions
  private choosing = false
  private openSeq = 0
  private readonly unsubscribe: Array<() => void> = []

  constructor(
    private readonly api: PortalApi,
    private readonly editor: EditorPort,
  ) {
    this.posts = new PostSessions(api, editor, (path) => this.sessionChanged(path))
  }

  /** Subscribes to view changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current view (stable between changes). */
  readonly getSnapshot = (): WorkspaceView => this.view

  private steady: SteadyView | null = null
  /** The current view without save progress: the same object while only that changes. */
  readonly getSteadySnapshot = (): SteadyView => (this.steady = steadyView(this.steady, this.view))

  /** Loads app facts, the current repository and its posts, and reopens the last post. */
  async start(): Promise<void> {
    this.unsubscribe.push(
      this.api.on('post:changed-on-disk', (e) => this.diskChanged(e.path, e)),
      this.api.on('posts:list-changed', () => void this.refreshPosts()),
      this.api.on('posts:changed', (change) => this.catalogChanged(change)),
      // config.rb edited while the app runs: the settings shown and the preview follow.
      this.api.on('repo:markdown-changed', ({ root, markdown }) => {
        const repo = this.view.repo
        if (repo?.root === root) this.set({ repo: { ...repo, markdown } })
      }),
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
    this.posts.dispose()
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
    if (path === this.view.currentPath && this.posts.has(path)) return
    const previous = this.view.currentPath
    if (previous) void this.posts.get(previous)?.save()
    const seq = ++this.openSeq
    if (!this.posts.has(path)) {
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
      this.posts.add(path, r.doc, r.doc.text)
    }
    this.editor.show(path)
    this.set({
      currentPath: path,
      current: this.posts.get(path)!.status,
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
    this.posts.get(path)?.noteEdit()
    this.posts.journal(path)?.noteEdit()
    // Editing restored text on is keeping it: it autosaves from now on.
    if (this.view.recovered.length > 0) this.dropRecovered(path)
  }

  /** Saves the open post now (Mod-s). */
  async saveCurrent(): Promise<void> {
    const path = this.view.currentPath
    if (!path) return
    this.dropRecovered(path)
    await this.posts.get(path)?.save({ explicit: true })
  }

  /**
   * Journals what waits, then saves every dirty post (window blur, before unload, switching
   * repositories). Restored edits the writer has not looked at yet stay unsaved.
   */
  async flushAll(): Promise<void> {
    this.posts.flushJournals()
    const waiting = new Set(this.view.recovered.map((r) => r.path))
    await Promise.all(
      this.posts
        .entries()
        .filter(([p]) => !waiting.has(p))
        .map(([, s]) => s.save()),
    )
  }

  /** Keeps every restored edit: they are saved like any other edit (the notice closes). */
  keepRecovered(): void {
    const paths = this.view.recovered.map((r) => r.path)
    this.set({ recovered: [] })
    for (const p of paths) {
      const session = this.posts.get(p)
      // A file changed since the edits were journaled asks first (D2); the rest are saved.
      if (session?.status.conflict) session.setConflictOpen(true)
      else void session?.save()
    }
  }

  /** Throws a restored edit away: the buffer goes back to the file on disk (closed if it is gone). */
  async discardRecovered(path: string): Promise<void> {
    const session = this.posts.get(path)
    if (!session) return
    let r: Awaited<ReturnType<PortalApi['posts']['read']>>
    try {
      r = await this.api.posts.read({ path })
    } catch (e) {
      r = { kind: 'error', message: unexpected(e) }
    }
    this.dropRecovered(path)
    this.posts.journal(path)?.clean()
    if (r.kind === 'ok') {
      session.reload(r.doc.text, r.doc.hash)
      return
    }
    this.posts.drop(path)
    if (this.view.currentPath === path) {
      this.editor.show(null)
      this.set({ currentPath: null, current: null })
    }
  }

  /** The writer's choice about the open post's conflict. */
  async resolveConflict(choice: 'mine' | 'theirs'): Promise<void> {
    const path = this.view.currentPath
    if (path) await this.posts.get(path)?.resolve(choice)
  }

  /** Opens or closes the conflict dialog without choosing. */
  setConflictOpen(open: boolean): void {
    const path = this.view.currentPath
    if (path) this.posts.get(path)?.setConflictOpen(open)
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
   * file on disk is the buffer, moves the file and its asset folder, and the buffer (undo history
   * and anything typed meanwhile included) follows it to its new path.
   */
  async movePost(request: { slug?: string; date?: string }): Promise<MovePostResult> {
    const path = this.view.currentPath
    const session = path ? this.posts.get(path) : undefined
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
      // The writer may go on typing while the file moves: those edits stay in the buffer and are
      // saved at the new path, never at the old one (which would bring the old file back).
      session.hold()
      let r: MovePostResult | null = null
      try {
        r = await this.api.metadata.movePost({ path, ...request, expectedHash: disk.doc.hash })
      } finally {
        // Not moved (refused, failed or thrown): the session goes on at the old path.
        if (r?.kind !== 'moved') session.release()
      }
      if (r.kind !== 'moved') return r
      const moved = { ...disk.doc, path: r.path, assetDir: r.assetDir, text: r.text, hash: r.hash }
      const shown = this.view.currentPath === path
      this.posts.move(path, moved)
      if (shown) await this.openPost(r.path)
      await this.refreshPosts()
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
    await this.posts.settle()
    this.posts.clear()
    this.set({ repo, posts: [], currentPath: null, current: null, notice: null, recovered: [] })
    await this.refreshPosts()
    // From here the list is shown: a post the writer opens now wins over start-up's own choice.
    const opensBefore = this.openSeq
    const recovered = await restoreEdits(this.api, this.posts)
    if (recovered.length > 0) this.set({ recovered })
    const restored = recovered.map((r) => r.path)
    let last: string | null = null
    try {
      last = localStorage.getItem(lastPostKey(repo.root))
    } catch {
      last = null
    }
    const target =
      (last !== null && restored.includes(last) ? last : restored[0]) ??
      this.view.posts.find((p) => p.path === last)?.path ??
      this.view.posts[0]?.path
    if (target && this.openSeq === opensBefore) await this.openPost(target)
  }

  private dropRecovered(path: string): void {
    const rest = this.view.recovered.filter((r) => r.path !== path)
    if (rest.length !== this.view.recovered.length) this.set({ recovered: rest })
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
    this.posts.get(path)?.diskChanged(change)
  }

  private sessionChanged(path: string): void {
    const status = this.posts.get(path)!.status
    // Saved, reloaded or taken from disk: nothing left to recover.
    if (!status.dirty) this.posts.journal(path)?.clean()
    if (path === this.view.currentPath) this.set({ current: status })
  }

  private set(patch: Partial<WorkspaceView>): void {
    this.view = { ...this.view, ...patch }
    for (const l of this.listeners) l()
  }
}
