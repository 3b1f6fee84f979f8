import { createContext, useContext } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { LivePostModel } from './live-post'
import type { PostAssets } from './post-assets'
import type { WorkspacePort } from './workspace-view'

/**
 * What any feature may reach without importing another feature or `app/`: the bridge to main, the
 * workspace's view and actions, the live post and the open post's asset files. A feature's own
 * controller (editor, preview, proofread, metadata link) comes from `App` as a prop instead.
 */
export interface ShellPorts {
  portal: PortalApi
  workspace: WorkspacePort
  /** The open post after the last keystroke (see live-post.ts). */
  livePost: LivePostModel
  /** The open post's asset files (the form's checks and the eyecatch studio share them). */
  assets: PostAssets
}

/** React access to the shell ports (provided once, in main.tsx). */
export const ShellContext = createContext<ShellPorts | null>(null)

/** The shell ports (inside the provider). */
export function useShell(): ShellPorts {
  const ports = useContext(ShellContext)
  if (!ports) throw new Error('useShell outside ShellContext')
  return ports
}
