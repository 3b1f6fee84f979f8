import { useEffect, useState } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { PublishState } from '../../../shared/publish'
import type { WorkspaceView } from '../shell/workspace-view'

/** Quiet time before re-reading the states (saves and list refreshes come in bursts). */
const STATES_DELAY_MS = 400

/**
 * Every post's lifecycle state for the post list, re-read when the list changes (a publish or an
 * update refreshes it) and after each save of the open post. Off the typing path entirely.
 */
export function usePublishStates(
  portal: Pick<PortalApi, 'publish'>,
  view: Pick<WorkspaceView, 'posts' | 'repo' | 'current'>,
): Record<string, PublishState> {
  const [states, setStates] = useState<Record<string, PublishState>>({})
  const saving = view.current?.saving ?? false
  const dirty = view.current?.dirty ?? false
  useEffect(() => {
    if (!view.repo || saving) return
    let live = true
    const timer = setTimeout(() => {
      void portal.publish
        .states({ paths: view.posts.map((p) => p.path) })
        .then((r) => {
          if (live && r.kind === 'ok') setStates(r.states)
        })
        .catch(() => undefined)
    }, STATES_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [portal, view.repo, view.posts, saving, dirty])
  return states
}
