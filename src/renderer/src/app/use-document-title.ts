import { useEffect } from 'react'
import { isNotSaved } from '../save/doc-session'
import type { WorkspacePort, WorkspaceView } from '../shell/workspace-view'

/** The window's title for a view: the open post, 「●」 while edited, and why edits cannot be saved. */
export function documentTitleOf(view: WorkspaceView, notSavedLabel: string): string {
  const current = view.current
  const name =
    view.posts.find((p) => p.path === view.currentPath)?.title ?? view.currentPath?.split('/').pop()
  if (!name) return 'Portal Writer'
  // The title bar says so while edits cannot reach the disk (a conflict waits, saves fail: D2, D4).
  const state = current && isNotSaved(current) ? ` (${notSavedLabel})` : ''
  return `${current?.dirty ? '● ' : ''}${name}${state} — Portal Writer`
}

/**
 * Keeps the window's title on the workspace, from a subscription of its own rather than a render
 * (the title follows the save state, which the window does not re-render for), and after the
 * change's task: setting it costs 1-3 ms, never the keystroke's.
 */
export function useDocumentTitle(workspace: WorkspacePort, notSavedLabel: string): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const apply = () => {
      timer = null
      const title = documentTitleOf(workspace.getSnapshot(), notSavedLabel)
      if (document.title !== title) document.title = title
    }
    apply()
    const unsubscribe = workspace.subscribe(() => {
      timer ??= setTimeout(apply, 0)
    })
    return () => {
      unsubscribe()
      if (timer !== null) clearTimeout(timer)
    }
  }, [workspace, notSavedLabel])
}
