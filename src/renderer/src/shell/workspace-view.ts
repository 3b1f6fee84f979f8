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

/** What features may ask of the workspace (implemented by `app/workspace.ts`). */
export interface WorkspacePort {
  /** Subscribes to view changes (for `useSyncExternalStore`). */
  subscribe(listener: () => void): () => void
  /** The current view (stable between changes). */
  getSnapshot(): WorkspaceView
  /** Saves the open post now. */
  saveCurrent(): Promise<void>
  /** Opens or closes the conflict dialog without choosing. */
  setConflictOpen(open: boolean): void
  /** Renames or re-dates the open post (saved first). */
  movePost(request: { slug?: string; date?: string }): Promise<MovePostResult>
  /** Re-reads the post list. */
  refreshPosts(): Promise<void>
}
