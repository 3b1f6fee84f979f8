import type { AppInfo, HandlerTable, RepoInfo } from '../shared/ipc/contract'
import { msg } from '../shared/localized'
import { isExternalUrlAllowed } from './electron/security'
import type { PostsService } from './services/posts'
import type { OpenRepoResult, RepoService } from './services/repo'
import type { PostWatcher } from './services/watcher'
import type { PublishService } from './services/publish'
import type { ImageService } from './services/images/image-service'
import type { CardsService } from './services/cards'
import type { BookmarksService } from './services/bookmarks'
import type { PostFilesService } from './services/post-move'
import type { SuggestionIndex } from './services/suggestions'
import type { RecoveryJournal } from './services/recovery'
import type { PostCatalog } from './services/post-catalog'
import { createEyecatchHandlers } from './services/images/handlers'
import type { LocalizedText } from '../shared/localized'
import type { ProofreadService } from './services/proofread/service'

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

function schemeOf(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url.trim())
  return m ? `${m[1]!.toLowerCase()}:` : url.slice(0, 40)
}

/** The journal's channels: always about the repository open now (main decides, not the page). */
function createRecoveryHandlers(
  services: Pick<HandlerServices, 'repo' | 'recovery'>,
): Pick<HandlerTable, 'recovery:write' | 'recovery:remove' | 'recovery:list'> {
  const root = () => services.repo.current()?.root ?? null
  return {
    // Best effort: a failed journal write must never disturb typing; the next one retries.
    'recovery:write': async ({ path, text, baseHash }) => {
      const r = root()
      if (r) await services.recovery.write(r, path, text, baseHash)
      return null
    },
    'recovery:remove': async ({ path }) => {
      const r = root()
      if (r) await services.recovery.remove(r, path)
      return null
    },
    'recovery:list': async () => {
      const r = root()
      return r ? services.recovery.list(r) : []
    },
  }
}

/**
 * The handler table for every channel of the contract. Electron registers it with ipcMain and the
 * e2e harness binds it to the page, both through `dispatch` (sender check and schemas).
 */
export function createHandlers(services: HandlerServices, deps: HandlerDeps): HandlerTable {
  const place = () => {
    const repo = services.repo.current()
    return repo ? { root: repo.root, postPath: repo.profile.postPath } : null
  }
  return {
    // A copy, so getters (the harness's assetBase) are read at call time.
    'app:info': async () => ({ ...deps.appInfo }),
    'app:notice': async () => services.startupNotice,
    'repo:current': async (): Promise<RepoInfo | null> => {
      const current = services.repo.current()
      if (current) return current
      const opened = await services.openSample()
      return opened?.kind === 'ok' ? opened.repo : null
    },
    'repo:open': async ({ path }) => {
      const opened = await services.repo.open(path)
      if (opened.kind === 'ok') void services.proofread.warm()
      return opened
    },
    'repo:choose': async () => {
      const path = await deps.chooseFolder()
      return path === null ? { kind: 'cancelled' } : services.repo.open(path)
    },
    'posts:list': () => services.posts.list(),
    'posts:read': ({ path }) => services.posts.read(path),
    'posts:save': async (request) => {
      const result = await services.posts.save(request)
      // The saved text reaches the catalog at once (no rescan), and its change event reaches the
      // renderer before this reply does: list, search and header show it in the same frame.
      const at = place()
      if (result.kind === 'saved' && at) services.catalog.noteText(at, request.path, request.text)
      return result
    },
    'posts:create': async (request) => {
      const result = await services.posts.create(request)
      const at = place()
      if (result.kind === 'created' && at) await services.catalog.noteFile(at, result.post.path)
      return result
    },
    'posts:watch': async ({ path }) => {
      await services.watcher.watchPost(path)
      return null
    },
    'posts:cards': () => services.cards.list(),
    'metadata:suggestions': (request) => services.suggestions.suggestions(request.excludePath),
    'posts:assets': ({ path }) => services.postFiles.assets(path),
    'posts:move': async (request) => {
      const result = await services.postFiles.move(request)
      const at = place()
      if (result.kind === 'moved' && at) {
        services.catalog.forget(at, result.previousPath)
        await services.catalog.noteFile(at, result.path)
        services.postsChanged?.()
        await services.watcher.watchPost(result.path)
      }
      return result
    },
    'bookmarks:counts': ({ urls }) => services.bookmarks.counts(urls),
    'bookmarks:setEnabled': ({ enabled }) => services.bookmarks.setEnabled(enabled),
    'shell:openExternal': async ({ url }) => {
      if (!isExternalUrlAllowed(url)) {
        const scheme = schemeOf(url)
        return {
          kind: 'refused',
          message: msg(
            `「${scheme}」のリンクは安全のため開きません。ブラウザで開けるのは http・https・mailto のリンクだけです。`,
            `"${scheme}" links are not opened, for safety. Only http, https and mailto links open in the browser.`,
          ),
        }
      }
      try {
        await deps.openExternal(url)
        return { kind: 'opened' }
      } catch (error) {
        return {
          kind: 'refused',
          message: msg(
            `リンクをブラウザで開けませんでした（${String(error)}）。`,
            `The link could not be opened in the browser (${String(error)}).`,
          ),
        }
      }
    },
    'publish:status': ({ path }) => services.publish.status(path),
    'publish:states': ({ paths }) => services.publish.states(paths),
    'publish:run': (request) => services.publish.publish(request),
    'publish:update': (request) => services.publish.update(request),
    'publish:setToken': ({ host, token }) => services.publish.setToken(host, token),
    'publish:forgetToken': ({ host }) => services.publish.forgetToken(host),
    'publish:setIdentity': (identity) => services.publish.setIdentity(identity),
    'proofread:lint': (request) => services.proofread.lint(request),
    'proofread:setRuleDisabled': ({ ruleId, disabled }) =>
      services.proofread.setRuleDisabled(ruleId, disabled),
    'publish:compare': ({ path }) => services.publish.compare(path),
    'publish:folder': () => services.publish.folder(),
    'publish:returnToBase': () => services.publish.returnToBase(),
    ...createEyecatchHandlers(services.images),
    ...createRecoveryHandlers(services),
  }
}
