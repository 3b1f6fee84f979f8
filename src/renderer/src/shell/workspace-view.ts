import type { AppInfo, RepoInfo } from '../../../shared/ipc/contract'
import type { LocalizedText } from '../../../shared/localized'
import type { MovePostResult } from '../../../shared/ipc/metadata'
import type { PostSummary } from '../../../shared/post'

// The workspace as features see it: the view they render from and the few actions they call.
// The Workspace class (app/) implements it; features never import app/.

/** The disk and the buffer disagree and the writer must choose (RELIABILITY.md D2). */
export interface Conflict {
  /** The text on disk now (null when the file is gone). */
  diskText: string | null
  diskHash: string | null
  /** Found while saving, or told by the watcher. */
  origin: 'save' | 'disk'
}

/** What the UI shows about one open post. */
export interface DocStatus {
  path: string
  dirty: boolean
  saving: boolean
  error: LocalizedText | null
  /** The file vanished on disk; the buffer is kept and saving recreates it (D3). */
  missing: boolean
  readOnly: LocalizedText | null
  /** Worth knowing before editing, editing allowed (e.g. lone-CR line breaks, D9). */
  notice?: LocalizedText | null
  conflict: Conflict | null
  /** Whether the conflict dialog is open (the writer may postpone the choice). */
  conflictOpen: boolean
  assetDir: string | null
  /** Versions on disk that "keep mine" replaced, kept in the app's data folder (D2). */
  backups?: ReadonlyArray<{ file: string; savedAt: string }>
}

/** A post whose unsaved edits were restored from the crash-recovery journal (D6). */
export interface RecoveredPost {
  path: string
  /** The file on disk when the edits were restored; null when it is gone. */
  diskText: string | null
  /** When the edits were journaled (ms since the epoch). */
  savedAt: number
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
  /** Posts whose unsaved edits were restored at start and await the writer's look (D6). */
  recovered: RecoveredPost[]
  /**
   * Grows with every change of main's post catalog (a save, a create or move, a file changed on
   * disk): views derived from other posts (feed cards, suggestions) read again when it moves.
   */
  postsVersion: number
}

/** The open post's save progress: what typing after a save, and each save, change. */
export type SaveProgressKey = 'dirty' | 'saving'

/**
 * The view without the open post's save progress ({@link SaveProgressKey}): what most of the
 * window renders from. The first keystroke after each autosave marks the post edited again, and a
 * view with that change re-rendered the whole window in the keystroke's task (frames of 50-85 ms
 * at 200k); only the few parts that show the progress (the toolbar's save state, the title bar,
 * the announcements) read the full view.
 */
export interface SteadyView extends Omit<WorkspaceView, 'current'> {
  current: Omit<DocStatus, SaveProgressKey> | null
}

/**
 * The steady view for `next`: `previous` itself (its progress fields stale, and typed away) when
 * the two differ in nothing but the open post's save progress, else `next`.
 */
export function steadyView(previous: SteadyView | null, next: WorkspaceView): SteadyView {
  if (previous === null || previous === next) return next
  for (const key of Object.keys(next) as Array<keyof WorkspaceView>) {
    if (key === 'current') continue
    if (previous[key] !== next[key]) return next
  }
  if (Object.keys(previous).length !== Object.keys(next).length) return next
  const a = previous.current
  const b = next.current
  if (a === b) return previous
  if (a === null || b === null) return next
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof DocStatus>
  for (const key of keys) {
    if (key === 'dirty' || key === 'saving') continue
    if ((a as DocStatus)[key] !== b[key]) return next
  }
  return previous
}

/** What features may ask of the workspace (implemented by `app/workspace.ts`). */
export interface WorkspacePort {
  /** Subscribes to view changes (for `useSyncExternalStore`). */
  subscribe(listener: () => void): () => void
  /** The current view (stable between changes). */
  getSnapshot(): WorkspaceView
  /** The current view without save progress (stable while only that changes; see {@link SteadyView}). */
  getSteadySnapshot(): SteadyView
  /** Saves the open post now. */
  saveCurrent(): Promise<void>
  /** Opens or closes the conflict dialog without choosing. */
  setConflictOpen(open: boolean): void
  /** Renames or re-dates the open post (saved first). */
  movePost(request: { slug?: string; date?: string }): Promise<MovePostResult>
  /** Re-reads the post list. */
  refreshPosts(): Promise<void>
}
