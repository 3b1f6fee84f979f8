import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerServices } from './types'

/** The journal's channels: always about the repository open now (main decides, not the page). */
export function createRecoveryHandlers(
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
