import { useCallback, useId, useState } from 'react'
import type { Locale } from '../../../shared/localized'
import type { PublishError } from '../../../shared/publish'
import { CompareDialog } from './CompareDialog'
import { IdentityForm, StoredToken, TokenForm } from './PublishForms'
import { Lines, PublishBox, PublishFacts, PublishFiles, PublishProgressBar } from './PublishParts'
import type { PublishActions } from './publish-port'
import { publishText, type PublishStringKey } from './strings'
import { usePublishRun, usePublishStatus } from './use-publish-run'
import './PublishPanel.css'

export type { PublishActions } from './publish-port'

/** Props of {@link PublishPanel}. */
export interface PublishPanelProps {
  /** The open post, repository-relative; null when none is open. */
  path: string | null
  locale: Locale
  actions: PublishActions
  /**
   * Runs before sending or bringing changes in: flush the editor's save so git sees what the
   * writer sees. Returning false stops the action (the editor shows why).
   */
  beforePublish?: () => Promise<boolean>
  /** Told after each finished send or update, e.g. to refresh the post list. */
  onChanged?: () => void
  /** Change it to make the panel re-read the status (after a save, for example). */
  refreshKey?: number
  /** The post says `published: false`: its state is worded for a draft (never 「公開中」). */
  draft?: boolean
}

/** Error codes after which bringing changes in is the next step. */
const UPDATE_NEXT = new Set([
  'push-rejected',
  'review-branch-changed',
  'merge-conflict',
  'review-conflict',
])

/**
 * The publish tab: the post's state, review place and files, the 「レビューを依頼」 button with a
 * progress bar, the pull-request link, 「公開中の記事との差分を取り込む」 with keep-mine /
 * take-theirs / compare on a conflict, and every failure in plain words with the next step.
 */
export function PublishPanel(props: PublishPanelProps) {
  // One inner panel per post: switching posts starts from a clean state.
  return <PostPublishPanel key={props.path ?? ''} {...props} />
}

function PostPublishPanel({
  path,
  locale,
  actions,
  beforePublish,
  onChanged,
  refreshKey = 0,
  draft = false,
}: PublishPanelProps) {
  const id = useId()
  const t = (key: PublishStringKey, vars?: Record<string, string | number>) =>
    publishText(locale, key, vars)
  const { status, error: statusError, refresh } = usePublishStatus(actions, path, refreshKey)
  const run = usePublishRun({ actions, path, beforeRun: beforePublish, onChanged, refresh })
  const { busy, progress, outcome, setOutcome } = run
  /** The writer's own commit message; null while they have not edited the suggestion. */
  const [messageDraft, setMessageDraft] = useState<string | null>(null)
  const [comparing, setComparing] = useState(false)
  const message = messageDraft ?? status?.suggestedMessage ?? ''

  const send = useCallback(async () => {
    const edited =
      status?.firstCommit && messageDraft !== null && messageDraft.trim() !== ''
        ? messageDraft.trim()
        : undefined
    await run.send(edited)
    setMessageDraft(null)
  }, [messageDraft, run, status])

  const saveToken = async (host: string, token: string) => {
    const r = await actions.setToken(host, token)
    if (r.kind === 'error') return setOutcome({ kind: 'notice', message: r.message, tone: 'error' })
    const note: PublishStringKey | null =
      r.protection === 'weak' ? 'tokenWeak' : r.protection === 'memory' ? 'tokenMemory' : null
    await send()
    if (note)
      setOutcome((o) =>
        o?.kind === 'published'
          ? {
              ...o,
              warnings: [
                ...o.warnings,
                { ja: publishText('ja', note), en: publishText('en', note) },
              ],
            }
          : o,
      )
  }

  const forgetToken = async (host: string) => {
    await actions.forgetToken(host)
    setOutcome({
      kind: 'notice',
      tone: 'success',
      message: {
        ja: publishText('ja', 'tokenForgotten', { host }),
        en: publishText('en', 'tokenForgotten', { host }),
      },
    })
    refresh()
  }

  const saveIdentity = async (identity: { name: string; email: string }) => {
    const r = await actions.setIdentity(identity)
    if (r.kind === 'error') return setOutcome({ kind: 'notice', message: r.message, tone: 'error' })
    await send()
  }

  if (!path) {
    return (
      <section className="pwp-panel" aria-label={t('panelLabel')}>
        <p className="pwp-muted">{t('noPost')}</p>
      </section>
    )
  }

  const blocked = (status?.blockers.length ?? 0) > 0
  const error = outcome?.kind === 'error' ? outcome.error : null
  const updateNext = error !== null && UPDATE_NEXT.has(error.code)
  const canUpdate = status !== null && status.branchExists

  return (
    <section className="pwp-panel" aria-label={t('panelLabel')} aria-busy={busy !== null}>
      <header className="pwp-head">
        <h2 className="pwp-title">{t('panelLabel')}</h2>
        <button
          type="button"
          className="pwp-link-button"
          onClick={refresh}
          disabled={busy !== null}
        >
          {t('refresh')}
        </button>
      </header>

      {statusError && <PublishBox tone="error">{statusError[locale]}</PublishBox>}
      {!status && !statusError && <p className="pwp-muted">{t('loading')}</p>}

      {status && (
        <>
          <PublishFacts status={status} locale={locale} draft={draft} />
          <PublishFiles status={status} locale={locale} />
          {status.firstCommit && (
            <div className="pwp-message">
              <label htmlFor={`${id}-message`}>{t('message')}</label>
              <input
                id={`${id}-message`}
                type="text"
                value={message}
                onChange={(e) => setMessageDraft(e.target.value)}
                disabled={busy !== null}
              />
              <p className="pwp-muted">{t('messageHint')}</p>
            </div>
          )}
          {blocked && (
            <PublishBox tone="warning">
              <strong>{t('blockedTitle')}</strong>
              {status.blockers.map((b) => (
                <p key={b.kind}>{b.message[locale]}</p>
              ))}
            </PublishBox>
          )}
          {status.behindBase && !error && <PublishBox tone="info">{t('behind')}</PublishBox>}
          {status.warnings.map((w, i) => (
            <PublishBox key={i} tone="info">
              <strong>{t('warningTitle')}</strong> {w[locale]}
            </PublishBox>
          ))}
          {status.tokenStored && status.remote?.tokenHost && (
            <StoredToken
              host={status.remote.tokenHost}
              locale={locale}
              onForget={() => void forgetToken(status.remote!.tokenHost!)}
            />
          )}
        </>
      )}

      <div className="pwp-actions">
        <button
          type="button"
          className="pwp-primary"
          onClick={() => void send()}
          disabled={busy !== null || !status || blocked}
        >
          {busy === 'publish'
            ? t('publishing')
            : status?.branchExists
              ? t('publishAgain')
              : t('publish')}
        </button>
        {canUpdate && (
          <button
            type="button"
            className={updateNext || status.behindBase ? 'pwp-primary' : 'pwp-secondary'}
            onClick={() => void run.update()}
            disabled={busy !== null || blocked}
          >
            {busy === 'update'
              ? t('updating')
              : error?.code === 'review-branch-changed' || error?.code === 'review-conflict'
                ? t('updateReview')
                : t('update')}
          </button>
        )}
      </div>

      {progress && (busy === 'publish' || progress.phase === 'done') && (
        <PublishProgressBar progress={progress} locale={locale} />
      )}

      {outcome?.kind === 'published' && (
        <PublishBox tone="success">
          <p>{outcome.message[locale]}</p>
          {outcome.link && (
            <p className="pwp-result-link">
              <a
                href={outcome.link}
                onClick={(e) => {
                  e.preventDefault()
                  void actions.openExternal(outcome.link!)
                }}
              >
                {t('resultLink')}
              </a>{' '}
              <button
                type="button"
                className="pwp-secondary"
                onClick={() => void actions.openExternal(outcome.link!)}
              >
                {t('open')}
              </button>
            </p>
          )}
          <Lines items={outcome.warnings} locale={locale} />
        </PublishBox>
      )}
      {outcome?.kind === 'updated' && (
        <PublishBox tone="success">
          <p>{outcome.message[locale]}</p>
          <Lines items={outcome.warnings} locale={locale} />
        </PublishBox>
      )}
      {outcome?.kind === 'notice' && (
        <PublishBox tone={outcome.tone}>{outcome.message[locale]}</PublishBox>
      )}

      {error && (
        <ErrorBox
          error={error}
          locale={locale}
          busy={busy !== null}
          onToken={(host, token) => void saveToken(host, token)}
          onIdentity={(identity) => void saveIdentity(identity)}
          onResolve={(resolution) => void run.update(resolution)}
          onCompare={() => setComparing(true)}
        />
      )}
      {comparing && (
        <CompareDialog
          path={path}
          locale={locale}
          actions={actions}
          onClose={() => setComparing(false)}
        />
      )}
    </section>
  )
}

/** A failure in plain words, with the form or the choice that is the next step. */
function ErrorBox({
  error,
  locale,
  busy,
  onToken,
  onIdentity,
  onResolve,
  onCompare,
}: {
  error: PublishError
  locale: Locale
  busy: boolean
  onToken(host: string, token: string): void
  onIdentity(identity: { name: string; email: string }): void
  onResolve(resolution: 'mine' | 'theirs'): void
  onCompare(): void
}) {
  const t = (key: PublishStringKey) => publishText(locale, key)
  return (
    <PublishBox tone="error" code={error.code}>
      <p>{error.message[locale]}</p>
      {error.findings && error.findings.length > 0 && (
        <>
          <strong>{t('checkFindings')}</strong>
          <ul className="pwp-error-findings">
            {error.findings.map((f, i) => (
              <li key={i}>{f[locale]}</li>
            ))}
          </ul>
        </>
      )}
      {error.files.length > 0 && (
        <>
          <strong>{t('filesInvolved')}</strong>
          <ul className="pwp-error-files">
            {error.files.map((f) => (
              <li key={f}>
                <code>{f}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {(error.code === 'merge-conflict' || error.code === 'review-conflict') && (
        <div className="pwp-actions">
          <button
            type="button"
            className="pwp-primary"
            disabled={busy}
            onClick={() => onResolve('mine')}
          >
            {t('keepMine')}
          </button>
          <button
            type="button"
            className="pwp-secondary"
            disabled={busy}
            onClick={() => onResolve('theirs')}
          >
            {t(error.code === 'review-conflict' ? 'takeReview' : 'takeTheirs')}
          </button>
          <button type="button" className="pwp-secondary" onClick={onCompare}>
            {t('compare')}
          </button>
        </div>
      )}
      {error.code === 'auth-failed' && error.tokenHost && (
        <TokenForm
          host={error.tokenHost}
          locale={locale}
          disabled={busy}
          onSave={(tok) => onToken(error.tokenHost!, tok)}
        />
      )}
      {error.code === 'identity-missing' && (
        <IdentityForm locale={locale} disabled={busy} onSave={onIdentity} />
      )}
      {error.details && (
        <details className="pwp-details">
          <summary>{t('details')}</summary>
          <pre>{error.details}</pre>
        </details>
      )}
    </PublishBox>
  )
}
