import { createContext, useContext } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { Locale } from '../../../shared/localized'
import { EditorHost } from '../editor/editor-host'
import { connectBodyImages, portalBodyImageHost } from '../editor/image-drop'
import { MetadataEditorLink } from '../metadata/editor-link'
import { PreviewController } from '../preview/preview-controller'
import { articleRenderer } from '../preview/render-article'
import { resolveImageSrc } from '../shell/resolve-image'
import { ScrollSyncController } from '../sync/scroll-sync-controller'
import { Announcer } from './announcer'
import { LivePostModel } from '../shell/live-post'
import { PostAssets } from '../shell/post-assets'
import type { ShellPorts } from '../shell/shell-context'
import { Workspace } from './workspace'
import { ProofreadController } from '../proofread/proofread-controller'

/**
 * The long-lived, non-React parts of the app. Features see the {@link ShellPorts} part through
 * `useShell()`; `App` hands each feature its own controller as a prop.
 */
export interface Controllers extends ShellPorts {
  workspace: Workspace
  editor: EditorHost
  preview: PreviewController
  sync: ScrollSyncController
  /** The metadata form's link to the editor (its front matter comes from the live post). */
  metadata: MetadataEditorLink
  /** textlint findings of the shown post (underlines, gutter, panel). */
  proofread: ProofreadController
  /** The window's live region: status changes said once (see announcer.ts). */
  announcer: Announcer
}

/**
 * A change at least this big (characters removed and inserted) renders the preview after the
 * frame that shows it in the editor: a 10k paste into a 200k post rendered in its own frame took
 * that frame past 100 ms.
 */
const BIG_CHANGE_CHARS = 2000

/**
 * Builds the editor, preview, scroll sync and workspace and wires them together. The editor is
 * created on a detached element; the editor pane moves its DOM into place.
 */
export function createControllers(portal: PortalApi, locale: Locale): Controllers {
  let workspace: Workspace | null = null
  let sync: ScrollSyncController | null = null
  let preview: PreviewController | null = null
  let livePost: LivePostModel | null = null
  let editorRef: EditorHost | null = null
  const proofread = new ProofreadController(portal.proofread, {
    currentPath: () => editorRef?.currentPath ?? null,
  })
  const metadata = new MetadataEditorLink({
    subscribe: (listener) => livePost?.subscribe(listener) ?? (() => undefined),
    frontMatterText: () => livePost?.frontMatterText() ?? '',
  })
  const editor = new EditorHost(
    document.createElement('div'),
    {
      onEdit: (path) => workspace?.noteEdit(path),
      onDocChanged: (changedChars) => {
        // The preview's render is queued first: it makes the live post, then the card re-renders
        // from the same value (its notification is queued second). A big change (a paste, its
        // undo, another post) renders after the frame that shows it in the editor.
        preview?.schedule(changedChars >= BIG_CHANGE_CHARS)
        livePost?.invalidate()
      },
      onScroll: () => sync?.editorScrolled(),
    },
    locale,
    [metadata.extension(), proofread.extension()],
  )
  editorRef = editor
  workspace = new Workspace(portal, editor)
  const ws = workspace
  connectBodyImages(portalBodyImageHost(portal, () => ws.getSnapshot().current?.assetDir ?? null))
  const model = new LivePostModel({
    path: () => editor.currentPath,
    text: (path) => editor.text(path),
    textStart: (path, chars) => editor.textStart(path, chars),
    textIdentity: (path) => editor.textIdentity(path),
    markdown: () => ws.getSnapshot().repo?.markdown?.settings,
    images: (path) => {
      const view = ws.getSnapshot()
      const assetBase = view.appInfo?.assetBase
      if (assetBase === undefined) return null
      const assetDir = view.current?.path === path ? view.current.assetDir : null
      const sourceDir = view.repo?.profile.sourceDir ?? null
      const ctx = { postPath: path, assetDir, assetBase, sourceDir }
      return {
        assetDir,
        key: `${assetDir ?? ''}\u0000${assetBase}\u0000${sourceDir ?? ''}`,
        resolve: (src: string) => resolveImageSrc(src, ctx),
      }
    },
  })
  livePost = model
  // A new post or app facts (asset folder, image base) change the live post too.
  ws.subscribe(() => model.invalidate())
  const articleOf = articleRenderer()
  preview = new PreviewController(
    {
      render: (doc) => {
        const post = model.read()
        return post ? articleOf(post, doc) : null
      },
      // The article now shows the value the render just read (the model's current one).
      shown: () => model.present(model.peek()),
      bound: (bound) => model.setPresenting(bound),
    },
    {
      openExternal: (url) => void portal.shell.openExternal({ url }).catch(() => undefined),
      onPatched: () => sync?.realign(),
      onScroll: (byWriter) => sync?.previewScrolled(byWriter),
    },
  )
  // More of a big post rendered (or another post shown): the preview follows.
  const shown = preview
  model.subscribe(() => shown.schedule())
  sync = new ScrollSyncController(editor.view, preview)
  return {
    portal,
    workspace,
    editor,
    preview,
    sync,
    livePost: model,
    metadata,
    proofread,
    announcer: new Announcer(),
    assets: new PostAssets(portal),
  }
}

/** React access to the controllers. */
export const ControllersContext = createContext<Controllers | null>(null)

/** The app's controllers (inside the provider). */
export function useControllers(): Controllers {
  const c = useContext(ControllersContext)
  if (!c) throw new Error('useControllers outside ControllersContext')
  return c
}
