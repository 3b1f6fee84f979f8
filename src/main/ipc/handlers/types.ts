import type { AppInfo } from '../../../shared/ipc/contract'
import type { PostsService } from '../../services/posts/posts'
import type { OpenRepoResult, RepoService } from '../../services/repo/repo'
import type { PostWatcher } from '../../services/posts/watcher'
import type { PublishService } from '../../services/publish/service'
import type { ImageService } from '../../services/images/image-service'
import type { CardsService } from '../../services/feed/cards'
import type { BookmarksService } from '../../services/feed/bookmarks'
import type { PostFilesService } from '../../services/posts/post-files'
import type { SuggestionIndex } from '../../services/metadata/suggestions'
import type { RecoveryJournal } from '../../services/posts/recovery'
import type { PostCatalog } from '../../services/posts/post-catalog'
import type { LocalizedText } from '../../../shared/localized'
import type { ProofreadService } from '../../services/proofread/service'

/** What the handlers need from the services (a subset of `Services`, so tests can pass their own). */
export interface HandlerServices {
  repo: Pick<RepoService, 'current' | 'open'>
  posts: Pick<PostsService, 'list' | 'read' | 'save' | 'create'>
  watcher: Pick<PostWatcher, 'watchPost'>
  publish: PublishService
  images: ImageService
  cards: Pick<CardsService, 'list'>
  bookmarks: Pick<BookmarksService, 'counts' | 'setEnabled'>
  postFiles: Pick<PostFilesService, 'move' | 'assets'>
  suggestions: Pick<SuggestionIndex, 'suggestions'>
  proofread: Pick<ProofreadService, 'lint' | 'setRuleDisabled' | 'warm'>
  /** The crash-recovery journal of unsaved edits (D6). */
  recovery: Pick<RecoveryJournal, 'write' | 'remove' | 'list'>
  /** The post catalog: saves, creates and moves update it, and it tells the renderer. */
  catalog: Pick<PostCatalog, 'noteText' | 'noteFile' | 'forget'>
  /** Tells the renderer that the set of posts changed (`posts:list-changed`). */
  postsChanged?(): void
  /** Told to the writer once at start (git missing, last repository gone). */
  startupNotice: LocalizedText | null
  /** Opens the embedded sample's copy; null when there is none. */
  openSample(): Promise<OpenRepoResult | null>
}

/** What only the shell (Electron, or the e2e harness) can do. */
export interface HandlerDeps {
  /** Shows a folder dialog; null when the writer cancels. */
  chooseFolder(): Promise<string | null>
  /** Opens a URL in the system browser. Only called with http, https and mailto URLs. */
  openExternal(url: string): Promise<void>
  appInfo: AppInfo
}
