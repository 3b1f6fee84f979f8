import type { PortalApi } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { PublishError, PublishProgress } from '../../../shared/publish'
import type { Workspace } from '../app/workspace'

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
export function publishActionsFor(portal: Pick<PortalApi, 'publish' | 'shell' | 'on'>) {
  // Typed here rather than with the panel's `PublishActions`, so this module stays free of JSX;
  // `PublishTab` hands the result to the panel, which checks that it fits.
  return {
    status: (path: string) =>
      portal.publish
        .status({ path })
        .catch((e: unknown) => ({ kind: 'error' as const, message: unexpected(e) })),
    publish: (request: { path: string; message?: string }) =>
      portal.publish.run(request).catch(thrownAsResult),
    update: (request: { path: string }) => portal.publish.update(request).catch(thrownAsResult),
    setToken: (host: string, token: string) =>
      portal.publish
        .setToken({ host, token })
        .catch((e: unknown) => ({ kind: 'error' as const, message: unexpected(e) })),
    setIdentity: (identity: { name: string; email: string }) =>
      portal.publish
        .setIdentity(identity)
        .catch((e: unknown) => ({ kind: 'error' as const, message: unexpected(e) })),
    openExternal: (url: string) => portal.shell.openExternal({ url }).catch(() => undefined),
    onProgress: (listener: (progress: PublishProgress) => void) =>
      portal.on('publish:progress', listener),
  }
}

/**
 * Saves the open post through its own save session (so the session learns the new file hash and
 * a later autosave is no false conflict). True when the disk now holds exactly the buffer.
 */
export async function flushForPublish(
  workspace: Pick<Workspace, 'saveCurrent' | 'getSnapshot'>,
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
