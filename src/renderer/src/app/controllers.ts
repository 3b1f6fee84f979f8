import { createContext, useContext } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { Locale } from '../../../shared/localized'
import { EditorHost } from '../editor/editor-host'
import { connectBodyImages, portalBodyImageHost } from '../editor/image-drop'
import { PreviewController } from '../preview/preview-controller'
import { renderArticle } from '../preview/render-article'
import { ScrollSyncController } from '../sync/scroll-sync-controller'
import { Workspace } from './workspace'

/** The long-lived, non-React parts of the app. */
export interface Controllers {
  portal: PortalApi
  workspace: Workspace
  editor: EditorHost
  preview: PreviewController
  sync: ScrollSyncController
}

/**
 * Builds the editor, preview, scroll sync and workspace and wires them together. The editor is
 * created on a detached element; the editor pane moves its DOM into place.
 */
export function createControllers(portal: PortalApi, locale: Locale): Controllers {
  let workspace: Workspace | null = null
  let sync: ScrollSyncController | null = null
  let preview: PreviewController | null = null
  const editor = new EditorHost(
    document.createElement('div'),
    {
      onEdit: (path) => workspace?.noteEdit(path),
      onDocChanged: () => preview?.schedule(),
      onScroll: () => sync?.editorScrolled(),
    },
    locale,
  )
  workspace = new Workspace(portal, editor)
  const ws = workspace
  connectBodyImages(portalBodyImageHost(portal, () => ws.getSnapshot().current?.assetDir ?? null))
  preview = new PreviewController(
    {
      length: () => editor.currentLength(),
      render: (doc) => {
        const view = ws.getSnapshot()
        const path = editor.currentPath
        const assetBase = view.appInfo?.assetBase
        if (path === null || assetBase === undefined) return null
        return renderArticle(
          editor.text(path),
          {
            postPath: path,
            assetDir: view.current?.path === path ? view.current.assetDir : null,
            assetBase,
            sourceDir: view.repo?.profile.sourceDir ?? null,
          },
          doc,
          view.repo?.markdown?.settings,
        )
      },
    },
    {
      openExternal: (url) => void portal.shell.openExternal({ url }).catch(() => undefined),
      onPatched: () => sync?.previewPatched(),
      onScroll: () => sync?.previewScrolled(),
    },
  )
  sync = new ScrollSyncController(editor.view, preview)
  return { portal, workspace, editor, preview, sync }
}

/** React access to the controllers. */
export const ControllersContext = createContext<Controllers | null>(null)

/** The app's controllers (inside the provider). */
export function useControllers(): Controllers {
  const c = useContext(ControllersContext)
  if (!c) throw new Error('useControllers outside ControllersContext')
  return c
}
