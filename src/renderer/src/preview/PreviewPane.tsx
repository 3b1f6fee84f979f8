import { useEffect, useMemo, useRef } from 'react'
import { useControllers } from '../app/controllers'
import { useI18n } from '../i18n/locale'
import { buildPreviewShell } from './preview-shell'
import { CardStrip } from '../card/tabs/CardStrip'
import type { MarkdownSettingsInForce } from '../../../shared/markdown'
import { MarkdownSettingsNote } from './MarkdownSettingsNote'

/**
 * The live preview: a sandboxed frame (no scripts, popups or top navigation) whose fixed shell the
 * preview controller patches on every change.
 */
export function PreviewPane({
  assetBase,
  hasPost,
  markdown = null,
}: {
  assetBase: string | null
  hasPost: boolean
  /** The repository's kramdown options and their sources (shown above the article). */
  markdown?: MarkdownSettingsInForce | null
}) {
  const { preview } = useControllers()
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
      {hasPost && <CardStrip />}
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
