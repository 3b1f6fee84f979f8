import type { HandlerTable, RepoInfo } from '../../../shared/ipc/contract'
import type { HandlerDeps, HandlerServices } from './types'

/** The app's and the repository's channels: facts about the app, the start-up notice, opening a repository. */
export function createAppHandlers(
  services: Pick<HandlerServices, 'repo' | 'startupNotice' | 'openSample'>,
  deps: HandlerDeps,
): Pick<HandlerTable, 'app:info' | 'app:notice' | 'repo:current' | 'repo:open' | 'repo:choose'> {
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
    'repo:open': ({ path }) => services.repo.open(path),
    'repo:choose': async () => {
      const path = await deps.chooseFolder()
      return path === null ? { kind: 'cancelled' } : services.repo.open(path)
    },
  }
}
