import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerServices } from './types'

function placeOf(
  services: Pick<HandlerServices, 'repo'>,
): { root: string; postPath: string } | null {
  const repo = services.repo.current()
  return repo ? { root: repo.root, postPath: repo.profile.postPath } : null
}

/** The posts' channels: list, read, save, create, move, watch, cards, suggestions and asset files. Saves, creates and moves reach the catalog before their reply. */
export function createPostsHandlers(
  services: Pick<
    HandlerServices,
    | 'repo'
    | 'posts'
    | 'catalog'
    | 'watcher'
    | 'cards'
    | 'suggestions'
    | 'postFiles'
    | 'postsChanged'
  >,
): Pick<
  HandlerTable,
  | 'posts:list'
  | 'posts:read'
  | 'posts:save'
  | 'posts:create'
  | 'posts:watch'
  | 'posts:cards'
  | 'metadata:suggestions'
  | 'posts:assets'
  | 'posts:move'
> {
  return {
    'posts:list': () => services.posts.list(),
    'posts:read': ({ path }) => services.posts.read(path),
    'posts:save': async (request) => {
      const result = await services.posts.save(request)
      // The saved text reaches the catalog at once (no rescan), and its change event reaches the
      // renderer before this reply does: list, search and header show it in the same frame.
      const at = placeOf(services)
      if (result.kind === 'saved' && at) services.catalog.noteText(at, request.path, request.text)
      return result
    },
    'posts:create': async (request) => {
      const result = await services.posts.create(request)
      const at = placeOf(services)
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
      const at = placeOf(services)
      if (result.kind === 'moved' && at) {
        services.catalog.forget(at, result.previousPath)
        await services.catalog.noteFile(at, result.path)
        services.postsChanged?.()
        await services.watcher.watchPost(result.path)
      }
      return result
    },
  }
}
