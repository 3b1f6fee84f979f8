import { useCallback, useEffect, useId, useState } from 'react'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type {
  PublishError,
  PublishProgress,
  PublishResult,
  PublishStatus,
  TokenProtection,
  UpdateResult,
} from '../../../shared/publish'
import {
  changeStrings,
  formatBytes,
  phaseStrings,
  publishText,
  stateStrings,
  type PublishStringKey,
} from './strings'
import './PublishPanel.css'

/** What the panel asks of the app (bound to `window.portal.publish` by the app, to fakes in tests). */
export interface PublishActions {
  status(
    path: string,
  ): Promise<{ kind: 'ok'; status: PublishStatus } | { kind: 'error'; message: LocalizedText }>
  publish(request: { path: string; message?: string }): Promise<PublishResult>
  update(request: { path: string }): Promise<UpdateResult>
  setToken(
    host: string,
    token: string,
  ): Promise<
    { kind: 'ok'; protection: TokenProtection } | { kind: 'error'; message: LocalizedText }
  >
  setIdentity(identity: {
    name: string
    email: string
  }): Promise<{ kind: 'ok' } | { kind: 'error'; message: LocalizedText }>
  /** Opens a link in the system browser. */
  openExternal(url: string): Promise<unknown>
  /** Subscribes to `publish:progress`; returns the unsubscribe function. */
  onProgress(listener: (progress: PublishProgress) => void): () => void
}

/** Props of {@link PublishPanel}. */
export interface PublishPanelProps {
  /** The open post, repository-relative; null when none is open. */
  path: string | null
  locale: Locale
  actions: PublishActions
  /**
   * Runs before sending: flush the editor's save so what is sent is what the writer sees.
   * Returning false stops the send (the editor shows why).
   */
  beforePublish?: () => Promise<boolean>
  /** Told after each finished send or update, e.g. to refresh the post list. */
  onChanged?: () => void
  /** Change it to make the panel re-read the status (after a save, for example). */
  refreshKey?: number
}

type Outcome =
  | { kind: 'published'; message: LocalizedText; link: string | null; warnings: LocalizedText[] }
  | { kind: 'updated'; message: LocalizedText }
  | { kind: 'error'; error: PublishError }
  | { kind: 'notice'; message: LocalizedText }

/**
 * The publish panel: the post's state, branch and included files, the 「レビューを依頼」 button with a
 * progress bar, the pull-request link with an open button, and every failure in plain words with
 * the next step (a token form, an identity form, or "update from base").
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
}: PublishPanelProps) {
  const id = useId()
  const t = (key: PublishStringKey, vars?: Record<string, string | number>) =>
    publishText(locale, key, vars)
  const l = (text: LocalizedText) => text[locale]
  const [status, setStatus] = useState<PublishStatus | null>(null)
  const [statusError, setStatusError] = useState<LocalizedText | null>(null)
  const [tick, setTick] = useState(0)
  const [busy, setBusy] = useState<'publish' | 'update' | null>(null)
  const [progress, setProgress] = useState<PublishProgress | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  /** The writer's own commit message; null while they have not edited the suggestion. */
  const [messageDraft, setMessageDraft] = useState<string | null>(null)
  const [token, setToken] = useState('')
  const [identity, setIdentity] = useState({ name: '', email: '' })
  const message = messageDraft ?? status?.suggestedMessage ?? ''
  const refresh = useCallback(() => setTick((n) => n + 1), [])

  useEffect(() => {
    if (!path) return
    let live = true
    void actions.status(path).then((r) => {
      if (!live) return
      setStatus(r.kind === 'ok' ? r.status : null)
      setStatusError(r.kind === 'ok' ? null : r.message)
    })
    return () => {
      live = false
    }
  }, [actions, path, refreshKey, tick])

  useEffect(
    () =>
      actions.onProgress((p) => {
        if (p.path === path) setProgress(p)
      }),
    [actions, path],
  )

  const send = useCallback(async () => {
    if (!path || busy) return
    setBusy('publish')
    setOutcome(null)
    setProgress({ path, phase: 'check', percent: 0 })
    try {
      if (beforePublish && !(await beforePublish())) {
        setProgress(null)
        return
      }
      const edited =
        status?.firstCommit && messageDraft !== null && messageDraft.trim() !== ''
          ? messageDraft.trim()
          : undefined
      const r = await actions.publish({ path, message: edited })
      if (r.kind === 'published') {
        setOutcome({
          kind: 'published',
          message: r.message,
          link: r.pullRequestUrl,
          warnings: r.warnings,
        })
        setMessageDraft(null)
      } else {
        setOutcome({ kind: 'error', error: r })
        setProgress(null)
      }
      onChanged?.()
    } finally {
      setBusy(null)
      refresh()
    }
  }, [actions, beforePublish, busy, messageDraft, onChanged, path, refresh, status])

  const update = useCallback(async () => {
    if (!path || busy) return
    setBusy('update')
    setOutcome(null)
    setProgress(null)
    try {
      const r = await actions.update({ path })
      setOutcome(
        r.kind === 'updated'
          ? { kind: 'updated', message: r.message }
          : { kind: 'error', error: r },
      )
      onChanged?.()
    } finally {
      setBusy(null)
      refresh()
    }
  }, [actions, busy, onChanged, path, refresh])

  const saveToken = async (host: string) => {
    const r = await actions.setToken(host, token)
    setToken('')
    if (r.kind === 'error') {
      setOutcome({ kind: 'notice', message: r.message })
      return
    }
    const note =
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

  const saveIdentity = async () => {
    const r = await actions.setIdentity(identity)
    if (r.kind === 'error') {
      setOutcome({ kind: 'notice', message: r.message })
      return
    }
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

      {statusError && (
        <div className="pwp-box pwp-box--error" role="alert">
          {l(statusError)}
        </div>
      )}
      {!status && !statusError && <p className="pwp-muted">{t('loading')}</p>}

      {status && (
        <>
          <dl className="pwp-facts">
            <dt>{t('state')}</dt>
            <dd>
              <span className={`pwp-badge pwp-badge--${status.state}`} data-state={status.state}>
                {l(stateStrings[status.state].label)}
              </span>
              <span className="pwp-muted"> {l(stateStrings[status.state].hint)}</span>
            </dd>
            <dt>{t('branch')}</dt>
            <dd>
              <code className="pwp-branch">{status.branch}</code>
              {status.currentBranch !== status.branch && (
                <span className="pwp-muted">
                  {' '}
                  {t('currentBranch', { branch: status.currentBranch ?? t('detached') })}
                </span>
              )}
              {status.unpushedCommits > 0 && (
                <div className="pwp-muted">{t('unpushed', { n: status.unpushedCommits })}</div>
              )}
            </dd>
            <dt>{t('remote')}</dt>
            <dd>
              {status.remote ? (
                <code>{status.remote.displayUrl}</code>
              ) : (
                <span className="pwp-muted">{t('noRemote')}</span>
              )}
            </dd>
          </dl>

          <div className="pwp-files">
            <h3 className="pwp-subtitle">{t('files')}</h3>
            {status.files.length === 0 ? (
              <p className="pwp-muted">{t('noFiles')}</p>
            ) : (
              <ul>
                {status.files.map((f) => (
                  <li key={f.path} data-change={f.change}>
                    <span className={`pwp-change pwp-change--${f.change}`}>
                      {l(changeStrings[f.change])}
                    </span>
                    <code className="pwp-path" title={f.path}>
                      {f.path}
                    </code>
                    <span className="pwp-muted">{formatBytes(f.bytes)}</span>
                  </li>
                ))}
              </ul>
            )}
          </div>

          {status.firstCommit && status.state !== 'merged' && (
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
            <div className="pwp-box pwp-box--warning" role="status">
              <strong>{t('blockedTitle')}</strong>
              {status.blockers.map((b) => (
                <p key={b.kind}>{l(b.message)}</p>
              ))}
            </div>
          )}
          {status.warnings.map((w, i) => (
            <div key={i} className="pwp-box pwp-box--info">
              <strong>{t('warningTitle')}</strong> {l(w)}
            </div>
          ))}
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
            : status && status.branchExists
              ? t('publishAgain')
              : t('publish')}
        </button>
        {canUpdate && (
          <button
            type="button"
            className={error?.code === 'push-rejected' ? 'pwp-primary' : 'pwp-secondary'}
            onClick={() => void update()}
            disabled={busy !== null || blocked}
          >
            {busy === 'update' ? t('updating') : t('update')}
          </button>
        )}
      </div>

      {progress && (busy === 'publish' || progress.phase === 'done') && (
        <div className="pwp-progress">
          <div
            className="pwp-bar"
            role="progressbar"
            aria-label={t('progress')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={progress.percent}
            aria-valuetext={`${l(phaseStrings[progress.phase])} ${progress.percent}%`}
          >
            <div className="pwp-bar__fill" style={{ width: `${progress.percent}%` }} />
          </div>
          <span className="pwp-muted">
            {l(phaseStrings[progress.phase])} {progress.percent}%
          </span>
        </div>
      )}

      {outcome?.kind === 'published' && (
        <div className="pwp-box pwp-box--success" role="status">
          <p>{l(outcome.message)}</p>
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
          {outcome.warnings.map((w, i) => (
            <p key={i} className="pwp-warning-line">
              {l(w)}
            </p>
          ))}
        </div>
      )}
      {outcome?.kind === 'updated' && (
        <div className="pwp-box pwp-box--success" role="status">
          {l(outcome.message)}
        </div>
      )}
      {outcome?.kind === 'notice' && (
        <div className="pwp-box pwp-box--error" role="alert">
          {l(outcome.message)}
        </div>
      )}

      {error && (
        <div className="pwp-box pwp-box--error" role="alert" data-code={error.code}>
          <p>{l(error.message)}</p>
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
          {error.code === 'auth-failed' && error.tokenHost && (
            <form
              className="pwp-form"
              onSubmit={(e) => {
                e.preventDefault()
                if (token.trim()) void saveToken(error.tokenHost!)
              }}
            >
              <label htmlFor={`${id}-token`}>{t('tokenTitle')}</label>
              <p className="pwp-muted">{t('tokenHelp', { host: error.tokenHost })}</p>
              <input
                id={`${id}-token`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={token}
                onChange={(e) => setToken(e.target.value)}
              />
              <button
                type="submit"
                className="pwp-primary"
                disabled={!token.trim() || busy !== null}
              >
                {t('tokenSave')}
              </button>
            </form>
          )}
          {error.code === 'identity-missing' && (
            <form
              className="pwp-form"
              onSubmit={(e) => {
                e.preventDefault()
                if (identity.name.trim() && identity.email.trim()) void saveIdentity()
              }}
            >
              <strong>{t('identityTitle')}</strong>
              <label htmlFor={`${id}-name`}>{t('identityName')}</label>
              <input
                id={`${id}-name`}
                value={identity.name}
                onChange={(e) => setIdentity({ ...identity, name: e.target.value })}
              />
              <label htmlFor={`${id}-email`}>{t('identityEmail')}</label>
              <input
                id={`${id}-email`}
                type="email"
                value={identity.email}
                onChange={(e) => setIdentity({ ...identity, email: e.target.value })}
              />
              <button
                type="submit"
                className="pwp-primary"
                disabled={!identity.name.trim() || !identity.email.trim() || busy !== null}
              >
                {t('identitySave')}
              </button>
            </form>
          )}
          {error.details && (
            <details className="pwp-details">
              <summary>{t('details')}</summary>
              <pre>{error.details}</pre>
            </details>
          )}
        </div>
      )}
    </section>
  )
}
