import { useEffect, useState } from 'react'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type { FolderState } from '../../../shared/publish'
import { publishText } from './strings'

/**
 * Shown when the blog's folder is not on the published branch (an older version of the app, or
 * the writer in a terminal, left it on a review branch): says so, and offers to go back safely.
 */
export function FolderBanner({
  portal,
  repoRoot,
  locale,
  refreshKey,
  onReturned,
}: {
  portal: Pick<PortalApi, 'publish'>
  repoRoot: string | null
  locale: Locale
  /** Change it to re-check (after a publish, for example). */
  refreshKey: unknown
  onReturned(): void
}) {
  const [folder, setFolder] = useState<FolderState | null>(null)
  const [message, setMessage] = useState<{ text: LocalizedText; ok: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    if (!repoRoot) return
    let live = true
    void portal.publish
      .folder({})
      .then((r) => live && setFolder(r.kind === 'ok' ? r.folder : null))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [portal, repoRoot, refreshKey, tick])

  if (!repoRoot || (!folder?.offBase && !message)) return null
  const goBack = async () => {
    setBusy(true)
    try {
      const r = await portal.publish.returnToBase({})
      setMessage({ text: r.message, ok: r.kind === 'ok' })
      if (r.kind === 'ok') onReturned()
    } finally {
      setBusy(false)
      setTick((n) => n + 1)
    }
  }
  const t = (key: Parameters<typeof publishText>[1], vars?: Record<string, string>) =>
    publishText(locale, key, vars)
  return (
    <div
      className={`banner ${message?.ok ? 'banner-info' : 'banner-warning'} folder-banner`}
      role="status"
      data-testid="folder-banner"
    >
      <div>
        {folder?.offBase && (
          <p>
            {t('folderOffBase', { base: folder.baseBranch })}{' '}
            <code title={t('branchHint')}>{folder.currentBranch ?? t('folderDetached')}</code>
          </p>
        )}
        {folder?.offBase && folder.returnBlocked && !message && (
          <p className="pwp-muted">{folder.returnBlocked[locale]}</p>
        )}
        {message && <p>{message.text[locale]}</p>}
      </div>
      {folder?.offBase && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onClick={() => void goBack()}
        >
          {t('folderReturn')}
        </button>
      )}
      {message && !folder?.offBase && (
        <button type="button" className="btn btn-small" onClick={() => setMessage(null)}>
          {t('close')}
        </button>
      )}
    </div>
  )
}
