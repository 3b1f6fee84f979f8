import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/locale'
import { buildPreviewShell } from './preview-shell'
import type { MarkdownSettingsInForce } from '../../../shared/markdown'
import { MarkdownSettingsNote } from './MarkdownSettingsNote'
import type { PreviewController } from './preview-controller'

/**
 * The live preview: a sandboxed frame (no scripts, popups or top navigation) whose fixed shell the
 * preview controller patches on every change.
 */
export function PreviewPane({
  preview,
  assetBase,
  hasPost,
  markdown = null,
  cardStrip,
}: {
  /** Patches the frame (the app's one preview controller). */
  preview: PreviewController
  assetBase: string | null
  hasPost: boolean
  /** The repository's kramdown options and their sources (shown above the article). */
  markdown?: MarkdownSettingsInForce | null
  /** Shown above the article while a post is open (the app passes the live card strip). */
  cardStrip?: ReactNode
}) {
  const { t } = useI18n()
  const frame = useRef<HTMLIFrameElement>(null)
  const srcDoc = useMemo(
    () => (assetBase === null ? undefined : buildPreviewShell({ assetBase, lang: 'ja' })),
    [assetBase],
  )

  useEffect(() => {
    const el = frame.current
    // The shell may already have loaded before this effect ran.
    if (
      el?.contentDocument?.readyState === 'complete' &&
      el.contentDocument.getElementById('pw-article')
    )
      preview.attach(el)
    return () => preview.detach()
  }, [preview, srcDoc])

  return (
    <div className="preview-pane">
      {hasPost && cardStrip}
      {hasPost && <MarkdownSettingsNote inForce={markdown} />}
      {srcDoc !== undefined && (
        <iframe
          ref={frame}
          className="preview-frame"
          title={t('preview.frameTitle')}
          sandbox="allow-same-origin"
          referrerPolicy="no-referrer"
          srcDoc={srcDoc}
          hidden={!hasPost}
          onLoad={(e) => preview.attach(e.currentTarget)}
        />
      )}
    </div>
  )
}
