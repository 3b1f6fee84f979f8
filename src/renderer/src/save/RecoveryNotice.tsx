import './recovery.css'
import { useId } from 'react'
import { Dialog } from '../dialogs/Dialog'
import { useI18n } from '../i18n/locale'
import { CompareTable } from '../dialogs/CompareTable'
import type { RecoveredPost } from '../shell/workspace-view'
import { recoveryText } from './recovery-strings'

/** Props of {@link RecoveryNotice}. */
export interface RecoveryNoticeProps {
  recovered: readonly RecoveredPost[]
  /** A post's title for the list (its file name when unknown). */
  titleOf(path: string): string
  onCompare(path: string): void
  onDiscard(path: string): void
  onKeep(): void
}

/**
 * The calm notice after a crash (D6): which posts got their unsaved edits back, with a way to
 * compare each with the file on disk or discard it. Nothing is saved until the writer carries on.
 */
export function RecoveryNotice({
  recovered,
  titleOf,
  onCompare,
  onDiscard,
  onKeep,
}: RecoveryNoticeProps) {
  const { locale } = useI18n()
  const id = useId()
  const when = (ms: number) =>
    new Date(ms).toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-US', {
      dateStyle: 'short',
      timeStyle: 'short',
    })
  // A named region, not a live one: the window's announcer says the restoration once (a status
  // region inserted with its text is read by some screen readers and not others).
  return (
    <section className="banner banner-info recovery-notice" role="region" aria-labelledby={id}>
      <div className="recovery-notice-body">
        <p id={id}>{recoveryText('notice', locale, { n: recovered.length })}</p>
        <ul className="recovery-list">
          {recovered.map((r) => (
            <li key={r.path}>
              <span className="recovery-title">{titleOf(r.path)}</span>
              <span className="recovery-meta">
                {recoveryText('savedAt', locale, { time: when(r.savedAt) })}
                {r.diskText === null && ` · ${recoveryText('missing', locale)}`}
              </span>
              <button type="button" className="btn btn-small" onClick={() => onCompare(r.path)}>
                {recoveryText('compare', locale)}
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => onDiscard(r.path)}
              >
                {recoveryText('discard', locale)}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn-small" onClick={onKeep}>
        {recoveryText('keep', locale)}
      </button>
    </section>
  )
}

/** Props of {@link RecoveryCompareDialog}. */
export interface RecoveryCompareDialogProps {
  name: string
  /** The restored buffer now. */
  restored: string
  /** The file on disk when the edits were restored (null: gone). */
  disk: string | null
  onDiscard(): void
  onClose(): void
}

/** The restored edits beside the file on disk, with the choice to discard them. */
export function RecoveryCompareDialog({
  name,
  restored,
  disk,
  onDiscard,
  onClose,
}: RecoveryCompareDialogProps) {
  const { locale } = useI18n()
  const id = useId()
  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-title`} className="dialog-wide">
      <h2 id={`${id}-title`} className="dialog-title">
        {recoveryText('dialogTitle', locale)}
      </h2>
      <p className="dialog-body">{recoveryText('dialogBody', locale, { name })}</p>
      {disk === null && <p className="dialog-body">{recoveryText('noDisk', locale)}</p>}
      <CompareTable
        label={recoveryText('dialogTitle', locale)}
        left={restored}
        right={disk ?? ''}
        leftLabel={recoveryText('restored', locale)}
        rightLabel={recoveryText('disk', locale)}
      />
      <div className="dialog-actions dialog-actions-spread">
        <button type="button" className="btn" onClick={onDiscard}>
          {recoveryText('discard', locale)}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          {recoveryText('close', locale)}
        </button>
      </div>
    </Dialog>
  )
}
