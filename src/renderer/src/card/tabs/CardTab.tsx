import type { WorkspaceView } from '../../app/workspace'

/** Side-panel tab (being built): see issue 3. */
export function CardTab({ view }: { view: WorkspaceView }) {
  return <div className="side-placeholder">{view.currentPath ?? ''}</div>
}
