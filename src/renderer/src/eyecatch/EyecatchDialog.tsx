import type { WorkspaceView } from '../app/workspace'

/** The eyecatch studio as a dialog (being built): see issue 5. */
export function EyecatchDialog({ view, onClose }: { view: WorkspaceView; onClose: () => void }) {
  return view.currentPath ? (
    <div role="dialog" aria-modal="true">
      <button type="button" onClick={onClose}>
        ×
      </button>
    </div>
  ) : null
}
