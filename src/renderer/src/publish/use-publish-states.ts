import { useEffect, useState } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { PublishState } from '../../../shared/publish'
import type { SteadyView, WorkspacePort } from '../shell/workspace-view'

/** Quiet time before re-reading the states (saves and list refreshes come in bursts). */
const STATES_DELAY_MS = 400

/**
 * Every post's lifecycle state for the post list, re-read when the list changes (a publish or an
 * update refreshes it) and after each save of the open post. Off the typing path entirely: the save
 * is seen by a subscription of its own, not by re-rendering the window for each save state.
 */
export function usePublishStates(
  portal: Pick<PortalApi, 'publish'>,
  workspace: Pick<WorkspacePort, 'subscribe' | 'getSnapshot'>,
  view: Pick<SteadyView, 'posts' | 'repo'>,
): Record<string, PublishState> {
  const [states, setStates] = useState<Record<string, PublishState>>({})
  const [saves, setSaves] = useState(0)
  useEffect(() => {
    let wasSaving = workspace.getSnapshot().current?.saving ?? false
    return workspace.subscribe(() => {
      const saving = workspace.getSnapshot().current?.saving ?? false
      if (wasSaving && !saving) setSaves((n) => n + 1)
      wasSaving = saving
    })
  }, [workspace])
  useEffect(() => {
    if (!view.repo) return
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
  }, [portal, view.repo, view.posts, saves])
  return states
}
