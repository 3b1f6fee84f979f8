import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { useShell } from '../shell/shell-context'
import type { SteadyView } from '../shell/workspace-view'
import { WarningIcon } from '../shell/icons'
import { useI18n } from '../i18n/locale'
import type { EditorHost } from './editor-host'

/**
 * The editor pane: status banners above the CodeMirror view. The view itself is created outside
 * React and only moved into place here, so re-renders never touch it.
 */
export function EditorPane({
  view,
  editor,
  metadata,
}: {
  view: SteadyView
  /** The CodeMirror host (the app's one editor). */
  editor: EditorHost
  /** Shown between the banners and the editor (the app passes the metadata form). */
  metadata?: ReactNode
}) {
  const { workspace } = useShell()
  const { t, text } = useI18n()
  const mount = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const el = mount.current
    if (!el) return
    el.append(editor.view.dom)
    editor.view.requestMeasure()
    return () => editor.view.dom.remove()
  }, [editor])

  const current = view.current
  const title = view.posts.find((p) => p.path === view.currentPath)?.title
  return (
    <div className="editor-pane">
      <div className="pane-header">
        <h2 className="pane-title">{t('editor.label')}</h2>
        <span className="pane-meta path" title={view.currentPath ?? undefined}>
          {title ?? ''}
        </span>
      </div>
      {current?.readOnly && (
        <div className="banner banner-info" role="status">
          <WarningIcon />
          <span>{t('editor.readOnly', { reason: text(current.readOnly) })}</span>
        </div>
      )}
      {current?.notice && !current.readOnly && (
        <div className="banner banner-info" role="status">
          <WarningIcon />
          <span>{text(current.notice)}</span>
        </div>
      )}
      {current?.missing && (
        <div className="banner banner-warning" role="alert">
          <WarningIcon />
          <span>{t('editor.missing')}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void workspace.saveCurrent()}
          >
            {t('editor.saveNow')}
          </button>
        </div>
      )}
      {current?.conflict && !current.conflictOpen && (
        <div className="banner banner-warning" role="alert">
          <WarningIcon />
          <span>{t('editor.conflictPending')}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => workspace.setConflictOpen(true)}
          >
            {t('editor.choose')}
          </button>
        </div>
      )}
      {current?.error && !current.conflict && (
        <div className="banner banner-danger" role="alert">
          <WarningIcon />
          <span>{t('editor.saveError', { message: text(current.error) })}</span>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void workspace.saveCurrent()}
          >
            {t('editor.retry')}
          </button>
        </div>
      )}
      {metadata}
      <div className="editor-mount" ref={mount} hidden={!current} />
      {!current && (
        <p className="pane-empty">{view.opening ? t('app.loading') : t('editor.empty')}</p>
      )}
    </div>
  )
}
