import type { HandlerTable, RepoInfo } from '../../../shared/ipc/contract'
import type { HandlerDeps, HandlerServices } from './types'

/** The app's and the repository's channels: facts about the app, the start-up notice, opening a repository. */
export function createAppHandlers(
  services: Pick<HandlerServices, 'repo' | 'startupNotice' | 'openSample' | 'proofread'>,
  deps: HandlerDeps,
): Pick<HandlerTable, 'app:info' | 'app:notice' | 'repo:current' | 'repo:open' | 'repo:choose'> {
  /** Opens a repository; the proofreading worker warms up for it in the background. */
  const open = async (path: string) => {
    const opened = await services.repo.open(path)
    if (opened.kind === 'ok') void services.proofread.warm()
    return opened
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
    'repo:open': ({ path }) => open(path),
    'repo:choose': async () => {
      const path = await deps.chooseFolder()
      return path === null ? { kind: 'cancelled' } : open(path)
    },
  }
}
