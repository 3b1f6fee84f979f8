import type { PortalApi } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { PublishError } from '../../../shared/publish'
import type { PublishActions } from './publish-port'
import type { WorkspacePort } from '../shell/workspace-view'

/** How many times a send re-saves when the writer keeps typing while the save is on its way. */
const SAVE_ATTEMPTS = 3

function unexpected(error: unknown): LocalizedText {
  return msg(
    `予期しないエラーが起きました（${String(error)}）。記事はそのまま残っています。もう一度試してください。`,
    `Something unexpected happened (${String(error)}). Your post is kept as it is. Please try again.`,
  )
}

function thrownAsResult(error: unknown): PublishError {
  return {
    kind: 'error',
    code: 'unknown',
    message: unexpected(error),
    phase: 'check',
    commitKept: false,
    files: [],
    tokenHost: null,
    details: null,
  }
}

/**
 * The panel's actions bound to `window.portal`. A call that throws (the bridge refused it, main
 * crashed) becomes an error value, so the panel always ends in a state the writer can read.
 */
export function publishActionsFor(
  portal: Pick<PortalApi, 'publish' | 'shell' | 'on'>,
): PublishActions {
  const failed = (e: unknown) => ({ kind: 'error' as const, message: unexpected(e) })
  return {
    status: (path) => portal.publish.status({ path }).catch(failed),
    publish: (request) => portal.publish.run(request).catch(thrownAsResult),
    update: (request) => portal.publish.update(request).catch(thrownAsResult),
    compare: (path) => portal.publish.compare({ path }).catch(failed),
    forgetToken: (host) =>
      portal.publish.forgetToken({ host }).catch(() => ({ kind: 'ok' as const })),
    setToken: (host, token) => portal.publish.setToken({ host, token }).catch(failed),
    setIdentity: (identity) => portal.publish.setIdentity(identity).catch(failed),
    openExternal: (url) => portal.shell.openExternal({ url }).catch(() => undefined),
    onProgress: (listener) => portal.on('publish:progress', listener),
  }
}

/**
 * Saves the open post through its own save session (so the session learns the new file hash and
 * a later autosave is no false conflict). True when the disk now holds exactly the buffer.
 */
export async function flushForPublish(
  workspace: Pick<WorkspacePort, 'saveCurrent' | 'getSnapshot'>,
): Promise<boolean> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    await workspace.saveCurrent()
    const s = workspace.getSnapshot().current
    if (!s || s.conflict || s.error) return false
    // A read-only post cannot be saved, but what is on disk is what the writer sees: send that.
    if (s.readOnly || (!s.dirty && !s.saving)) return true
  }
  return false
}
