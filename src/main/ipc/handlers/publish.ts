import type { HandlerTable } from '../../../shared/ipc/contract'
import type { HandlerServices } from './types'

/** Publishing: states, send, update from the base, tokens, identity, compare, the working folder. */
export function createPublishHandlers(
  services: Pick<HandlerServices, 'publish'>,
): Pick<
  HandlerTable,
  | 'publish:status'
  | 'publish:states'
  | 'publish:run'
  | 'publish:update'
  | 'publish:setToken'
  | 'publish:forgetToken'
  | 'publish:setIdentity'
  | 'publish:compare'
  | 'publish:folder'
  | 'publish:returnToBase'
> {
  return {
    'publish:status': ({ path }) => services.publish.status(path),
    'publish:states': ({ paths }) => services.publish.states(paths),
    'publish:run': (request) => services.publish.publish(request),
    'publish:update': (request) => services.publish.update(request),
    'publish:setToken': ({ host, token }) => services.publish.setToken(host, token),
    'publish:forgetToken': ({ host }) => services.publish.forgetToken(host),
    'publish:setIdentity': (identity) => services.publish.setIdentity(identity),
    'publish:compare': ({ path }) => services.publish.compare(path),
    'publish:folder': () => services.publish.folder(),
    'publish:returnToBase': () => services.publish.returnToBase(),
  }
}
