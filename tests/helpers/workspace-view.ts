import type { DocStatus, WorkspaceView } from '../../src/renderer/src/shell/workspace-view'

/** An open post's status: saved, nothing wrong, with `patch` on top. */
export function docStatus(path: string, patch: Partial<DocStatus> = {}): DocStatus {
  return {
    path,
    dirty: false,
    saving: false,
    error: null,
    missing: false,
    readOnly: null,
    conflict: null,
    conflictOpen: false,
    assetDir: null,
    ...patch,
  }
}

/** A ready workspace view with `current` open (or none), with `patch` on top. */
export function workspaceView(
  current: DocStatus | null,
  patch: Partial<WorkspaceView> = {},
): WorkspaceView {
  return {
    ready: true,
    appInfo: null,
    repo: null,
    posts: [],
    currentPath: current?.path ?? null,
    current,
    notice: null,
    opening: false,
    recovered: [],
    postsVersion: 1,
    ...patch,
  }
}
