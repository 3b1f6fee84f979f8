import { useEffect, useId, useState } from 'react'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type { CompareVersions } from '../../../shared/publish'
import { CompareTable } from '../dialogs/CompareTable'
import { Dialog } from '../dialogs/Dialog'
import type { PublishActions } from './publish-port'
import { publishText } from './strings'

/** The writer's post file beside the published one (and the sent one), before choosing. */
export function CompareDialog({
  path,
  locale,
  actions,
  onClose,
}: {
  path: string
  locale: Locale
  actions: PublishActions
  onClose(): void
}) {
  const id = useId()
  const t = (key: Parameters<typeof publishText>[1]) => publishText(locale, key)
  const [versions, setVersions] = useState<CompareVersions | null>(null)
  const [error, setError] = useState<LocalizedText | null>(null)
  const [right, setRight] = useState<'base' | 'sent'>('base')
  useEffect(() => {
    void actions.compare(path).then((r) => {
      if (r.kind === 'ok') setVersions(r.versions)
      else setError(r.message)
    })
  }, [actions, path])
  const other = versions?.[right] ?? null
  return (
    <Dialog open onClose={onClose} labelledBy={`${id}-title`} className="dialog-wide">
      <h2 id={`${id}-title`} className="dialog-title">
        {t('compareTitle')}
      </h2>
      {error && (
        <p className="dialog-body" role="alert">
          {error[locale]}
        </p>
      )}
      {versions && (
        <>
          <div className="pwp-compare-choice" role="radiogroup" aria-label={t('compareTitle')}>
            {(['base', 'sent'] as const).map((k) => (
              <label key={k}>
                <input
                  type="radio"
                  name={`${id}-right`}
                  checked={right === k}
                  onChange={() => setRight(k)}
                />{' '}
                {t(k === 'base' ? 'compareBase' : 'compareSent')}
              </label>
            ))}
          </div>
          <CompareTable
            left={versions.mine ?? t('compareNone')}
            right={other ?? t('compareNone')}
            leftLabel={t('compareMine')}
            rightLabel={t(right === 'base' ? 'compareBase' : 'compareSent')}
            label={t('compareTitle')}
          />
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" data-autofocus onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  )
}
