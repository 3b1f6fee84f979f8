import type { HandlerTable } from '../../../shared/ipc/contract'
import { createAppHandlers } from './app'
import { createEyecatchHandlers } from './eyecatch'
import { createBookmarksHandlers } from './feed'
import { createPostsHandlers } from './posts'
import { createProofreadHandlers } from './proofread'
import { createPublishHandlers } from './publish'
import { createRecoveryHandlers } from './recovery'
import { createShellHandlers } from './shell'
import type { HandlerDeps, HandlerServices } from './types'

export type { HandlerDeps, HandlerServices } from './types'

/**
 * The handler table for every channel of the contract. Electron registers it with ipcMain and the
 * e2e harness binds it to the page, both through `dispatch` (sender check and schemas).
 */
export function createHandlers(services: HandlerServices, deps: HandlerDeps): HandlerTable {
  return {
    ...createAppHandlers(services, deps),
    ...createPostsHandlers(services),
    ...createBookmarksHandlers(services),
    ...createShellHandlers(deps),
    ...createPublishHandlers(services),
    ...createProofreadHandlers(services),
    ...createEyecatchHandlers(services.images),
    ...createRecoveryHandlers(services),
  }
}
