import type { PortalApi } from '../../../shared/ipc/contract'
import type { PublishProgress } from '../../../shared/publish'

type Api = PortalApi['publish']
type Result<K extends keyof Api> = Awaited<ReturnType<Api[K]>>

/**
 * What the publish panel asks of the app: `window.portal.publish` reshaped a little, its types
 * derived from the IPC contract (bound by publish-actions.ts, faked in tests).
 */
export interface PublishActions {
  status(path: string): Promise<Result<'status'>>
  publish(request: { path: string; message?: string }): Promise<Result<'run'>>
  update(request: { path: string; resolution?: 'mine' | 'theirs' }): Promise<Result<'update'>>
  compare(path: string): Promise<Result<'compare'>>
  setToken(host: string, token: string): Promise<Result<'setToken'>>
  forgetToken(host: string): Promise<Result<'forgetToken'>>
  setIdentity(identity: { name: string; email: string }): Promise<Result<'setIdentity'>>
  /** Opens a link in the system browser. */
  openExternal(url: string): Promise<unknown>
  /** Subscribes to `publish:progress`; returns the unsubscribe function. */
  onProgress(listener: (progress: PublishProgress) => void): () => void
}
