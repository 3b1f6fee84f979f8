import type { WorkspaceView } from '../app/workspace'

/** Side-panel tab (being built): see issue 6. */
export function PublishTab({ view }: { view: WorkspaceView }) {
  return <div className="side-placeholder">{view.currentPath ?? ''}</div>
}
