import type { Locale, LocalizedText } from '../../../shared/localized'
import type { PublishProgress, PublishStatus } from '../../../shared/publish'
import { publishStateText } from '../i18n/publish-states'
import { changeStrings, formatBytes, phaseStrings, publishText } from './strings'

/** The post's state badge with what it means, its review place and the remote. */
export function PublishFacts({
  status,
  locale,
  draft = false,
}: {
  status: PublishStatus
  locale: Locale
  /** The post says `published: false` (its state is then worded for a draft). */
  draft?: boolean
}) {
  const t = (key: Parameters<typeof publishText>[1], vars?: Record<string, string | number>) =>
    publishText(locale, key, vars)
  const state = publishStateText(status.state, draft)
  return (
    <dl className="pwp-facts">
      <dt>{t('state')}</dt>
      <dd>
        <span className={`pwp-badge pwp-badge--${status.state}`} data-state={status.state}>
          {state.label[locale]}
        </span>
        <span className="pwp-muted"> {state.hint[locale]}</span>
      </dd>
      <dt>{t('branch')}</dt>
      <dd>
        <code className="pwp-branch" title={t('branchHint')}>
          {status.branch}
        </code>
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
  )
}

/** The files a send includes, each compared with what reviewers have. */
export function PublishFiles({ status, locale }: { status: PublishStatus; locale: Locale }) {
  return (
    <div className="pwp-files">
      <h3 className="pwp-subtitle">{publishText(locale, 'files')}</h3>
      {status.files.length === 0 ? (
        <p className="pwp-muted">{publishText(locale, 'noFiles')}</p>
      ) : (
        <ul>
          {status.files.map((f) => (
            <li key={f.path} data-change={f.change}>
              <span className={`pwp-change pwp-change--${f.change}`}>
                {changeStrings[f.change][locale]}
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
  )
}

/** The progress bar of a send, fed by git's own progress while pushing. */
export function PublishProgressBar({
  progress,
  locale,
}: {
  progress: PublishProgress
  locale: Locale
}) {
  const phase = phaseStrings[progress.phase][locale]
  return (
    <div className="pwp-progress">
      <div
        className="pwp-bar"
        role="progressbar"
        aria-label={publishText(locale, 'progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress.percent}
        aria-valuetext={`${phase} ${progress.percent}%`}
      >
        <div className="pwp-bar__fill" style={{ width: `${progress.percent}%` }} />
      </div>
      <span className="pwp-muted">
        {phase} {progress.percent}%
      </span>
    </div>
  )
}

/** A boxed message: success, info, warning or error (errors and warnings are announced). */
export function PublishBox({
  tone,
  children,
  code,
}: {
  tone: 'success' | 'info' | 'warning' | 'error'
  children: React.ReactNode
  code?: string
}) {
  return (
    <div
      className={`pwp-box pwp-box--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-code={code}
    >
      {children}
    </div>
  )
}

/** Localized list of messages as paragraphs. */
export function Lines({ items, locale }: { items: readonly LocalizedText[]; locale: Locale }) {
  return (
    <>
      {items.map((w, i) => (
        <p key={i} className="pwp-warning-line">
          {w[locale]}
        </p>
      ))}
    </>
  )
}
