import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { msg, type LocalizedText } from '../../../shared/localized'
import { useShell } from '../shell/shell-context'
import type { SteadyView } from '../shell/workspace-view'
import { useI18n } from '../i18n/locale'
import { flushForPublish, publishActionsFor } from './publish-actions'
import { PublishPanel } from './PublishPanel'

const STOPPED_STYLE = { margin: '0.75em 0.75em 0', fontSize: '0.8125rem' } as const

/**
 * The 「公開」 side-panel tab: the publish panel for the open post, bound to main. Before sending it
 * flushes the editor's save; while the tab is shown it re-reads the status after each save.
 */
export function PublishTab({ view }: { view: SteadyView }) {
  const { portal, workspace } = useShell()
  const { locale, text } = useI18n()
  const actions = useMemo(() => publishActionsFor(portal), [portal])
  const root = useRef<HTMLDivElement>(null)
  const [refreshKey, setRefreshKey] = useState(0)
  const [stopped, setStopped] = useState<{ path: string; message: LocalizedText } | null>(null)
  const path = view.currentPath

  // Re-read the status when the tab comes into view, and after each save while it is in view, so
  // the file list and state follow the writer without running git behind a hidden tab.
  useEffect(() => {
    const el = root.current
    if (!el) return
    let shown = false
    let wasSaving = workspace.getSnapshot().current?.saving ?? false
    const observer = new IntersectionObserver((entries) => {
      // An inactive side-panel tab is `hidden`, so it never intersects.
      const now = entries.some((e) => e.isIntersecting)
      if (now && !shown) setRefreshKey((k) => k + 1)
      shown = now
    })
    observer.observe(el)
    const unsubscribe = workspace.subscribe(() => {
      const saving = workspace.getSnapshot().current?.saving ?? false
      if (wasSaving && !saving && shown) setRefreshKey((k) => k + 1)
      wasSaving = saving
    })
    return () => {
      observer.disconnect()
      unsubscribe()
    }
  }, [workspace])

  const beforePublish = useCallback(async () => {
    setStopped(null)
    const ok = await flushForPublish(workspace)
    const sent = workspace.getSnapshot().currentPath
    if (!ok && sent)
      setStopped({
        path: sent,
        message: msg(
          '記事を保存できなかったため、送信を止めました。エディターの上に出ている案内に沿って保存してから、もう一度押してください。',
          'The post could not be saved, so nothing was sent. Follow the note above the editor to save it, then press again.',
        ),
      })
    return ok
  }, [workspace])

  const onChanged = useCallback(() => void workspace.refreshPosts(), [workspace])

  return (
    <div ref={root} className="publish-tab" data-testid="publish-tab">
      {stopped && stopped.path === path && (
        <div className="pwp-box pwp-box--error" role="alert" style={STOPPED_STYLE}>
          {text(stopped.message)}
        </div>
      )}
      <PublishPanel
        path={path}
        locale={locale}
        actions={actions}
        beforePublish={beforePublish}
        onChanged={onChanged}
        refreshKey={refreshKey}
        draft={view.posts.find((p) => p.path === path)?.draft ?? false}
      />
    </div>
  )
}
