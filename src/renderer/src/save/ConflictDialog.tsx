import { useId, useState } from 'react'
import { Dialog } from '../dialogs/Dialog'
import { useI18n } from '../i18n/locale'
import type { Conflict } from '../shell/workspace-view'
import { CompareTable } from '../dialogs/CompareTable'

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  name: string
  conflict: Conflict
  /** The editor's text now (read when comparing). */
  mineText(): string
  /** Versions this post's "keep mine" replaced earlier (the conflict history). */
  backups?: ReadonlyArray<{ file: string; savedAt: string }>
  onChoose(choice: 'mine' | 'theirs'): void
  onLater(): void
}

/**
 * The choice when the post changed on disk under unsaved edits (D2): keep mine, take theirs, or
 * compare the two side by side first. Escape postpones; nothing is overwritten until a choice.
 */
export function ConflictDialog({
  name,
  conflict,
  mineText,
  backups = [],
  onChoose,
  onLater,
}: ConflictDialogProps) {
  const { t } = useI18n()
  const id = useId()
  const [comparing, setComparing] = useState(false)
  const [mine, setMine] = useState<string | null>(null)

  return (
    <Dialog
      open
      onClose={onLater}
      labelledBy={`${id}-title`}
      describedBy={`${id}-body`}
      className={comparing ? 'dialog-wide' : 'dialog-narrow'}
    >
      <h2 id={`${id}-title`} className="dialog-title">
        {t('conflict.title')}
      </h2>
      <p id={`${id}-body`} className="dialog-body">
        {t(conflict.origin === 'disk' ? 'conflict.bodyDisk' : 'conflict.bodySave', { name })}
      </p>
      <ul className="dialog-choices">
        <li>
          <strong>{t('conflict.keepMine')}</strong>
          {t('conflict.keepMineHint')}
        </li>
        <li>
          <strong>{t('conflict.takeTheirs')}</strong>
          {t('conflict.takeTheirsHint')}
        </li>
      </ul>
      {backups.length > 0 && (
        <div className="dialog-body conflict-history">
          <p>{t('conflict.backups')}</p>
          <ul>
            {backups.map((b) => (
              <li key={b.file}>
                <time dateTime={b.savedAt}>{new Date(b.savedAt).toLocaleString()}</time>{' '}
                <code>{b.file}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {comparing && mine !== null && (
        <CompareTable
          left={mine}
          right={conflict.diskText ?? ''}
          leftLabel={t('conflict.mine')}
          rightLabel={t('conflict.theirs')}
          label={t('conflict.compare')}
        />
      )}
      <div className="dialog-actions dialog-actions-spread">
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (!comparing) setMine(mineText())
            setComparing(!comparing)
          }}
          aria-expanded={comparing}
        >
          {comparing ? t('conflict.hideCompare') : t('conflict.compare')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onLater}>
          {t('conflict.later')}
        </button>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="btn"
          onClick={() => onChoose('theirs')}
          title={t('conflict.takeTheirsHint')}
          disabled={conflict.diskText === null}
        >
          {t('conflict.takeTheirs')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          data-autofocus
          onClick={() => onChoose('mine')}
          title={t('conflict.keepMineHint')}
        >
          {t('conflict.keepMine')}
        </button>
      </div>
    </Dialog>
  )
}
