import { memo, useDeferredValue, useSyncExternalStore } from 'react'
import type { ProofFinding } from '../../../shared/ipc/proofread'
import type { Locale } from '../../../shared/localized'
import { useI18n } from '../i18n/locale'
import type { ProofreadController } from './proofread-controller'
import { prText } from './strings'
import './proofread.css'

/** Findings listed at once (the editor underlines all of them); keeps the panel cheap to render. */
const MAX_LISTED = 200

/**
 * The 「校正」 side-panel tab: every textlint finding of the shown post (click to jump), quick fixes,
 * 「このルールを無効にする」, the rules turned off for this repository, and notes about the blog's
 * configuration (rules the app does not ship, a broken file).
 */
export function ProofreadPanel({
  hasPost,
  proofread,
}: {
  hasPost: boolean
  /** The findings of the shown post (the app's one controller). */
  proofread: ProofreadController
}) {
  const { locale, text } = useI18n()
  // The list follows in a background render that yields to typing: a full lint's findings
  // arriving for a whole post must not make a keystroke's frame late.
  const snap = useDeferredValue(useSyncExternalStore(proofread.subscribe, proofread.getSnapshot))
  if (!hasPost) return <p className="pane-empty">{prText(locale, 'noPost')}</p>

  const status = snap.checking || !snap.complete ? prText(locale, 'checking') : null
  return (
    <section className="proofread-panel" aria-label={prText(locale, 'panelLabel')}>
      <header className="proofread-header">
        <strong className="proofread-count" data-testid="proofread-count">
          {prText(locale, 'count', { n: snap.findings.length })}
        </strong>
        <span className="proofread-status" role="status" aria-live="polite">
          {status ?? ''}
        </span>
      </header>
      <p className="proofread-source">
        {snap.source?.file
          ? prText(locale, 'sourceFile', { file: snap.source.file })
          : prText(locale, 'sourceDefault')}
        {!snap.documentChecked && snap.complete ? ` ${prText(locale, 'documentPending')}` : ''}
      </p>
      {snap.error && (
        <p className="banner banner-danger" role="alert">
          {text(snap.error)}
        </p>
      )}
      {snap.notices.length > 0 && (
        <ul className="proofread-notices">
          {snap.notices.map((n, i) => (
            <li key={i}>{text(n)}</li>
          ))}
        </ul>
      )}
      {snap.findings.length === 0 && snap.complete && !snap.checking ? (
        <p className="proofread-none">{prText(locale, 'none')}</p>
      ) : (
        <ol className="proofread-list">
          {snap.findings.slice(0, MAX_LISTED).map((f, i) => (
            // By position: rows stay in place while findings move, and an unchanged row is skipped.
            <FindingRow key={i} finding={f} locale={locale} proofread={proofread} />
          ))}
        </ol>
      )}
      {snap.findings.length > MAX_LISTED && (
        <p className="proofread-more">
          {prText(locale, 'more', { n: snap.findings.length - MAX_LISTED })}
        </p>
      )}
      {snap.source && snap.source.disabled.length > 0 && (
        <div className="proofread-disabled">
          <h3>{prText(locale, 'disabledRules')}</h3>
          <ul>
            {snap.source.disabled.map((id) => (
              <li key={id}>
                <code>{id}</code>{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={() => void proofread.setRuleDisabled(id, false)}
                >
                  {prText(locale, 'enableRule')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}

/** What a row shows or acts on: a row is rendered again only when one of these changes. */
function sameRow(a: ProofFinding, b: ProofFinding): boolean {
  return (
    a === b ||
    (a.ruleId === b.ruleId &&
      a.message === b.message &&
      a.from === b.from &&
      a.to === b.to &&
      a.line === b.line &&
      a.severity === b.severity &&
      a.fix?.text === b.fix?.text &&
      a.fix?.from === b.fix?.from &&
      a.fix?.to === b.fix?.to)
  )
}

/** One finding in the panel: jump to it, apply its fix, or turn its rule off. */
const FindingRow = memo(
  function FindingRow({
    finding: f,
    locale,
    proofread,
  }: {
    finding: ProofFinding
    locale: Locale
    proofread: ProofreadController
  }) {
    return (
      <li className="proofread-item">
        <button
          type="button"
          className="proofread-jump"
          onClick={() => proofread.jumpTo(f)}
          title={prText(locale, 'jump', { line: f.line })}
        >
          <span className="proofread-line">{prText(locale, 'line', { line: f.line })}</span>
          <span className="proofread-message">{f.message.split('\n')[0]}</span>
          <span className="proofread-rule">{f.ruleId}</span>
        </button>
        <span className="proofread-actions">
          {f.fix && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => proofread.applyFix(f)}
              title={prText(locale, 'fixTo', { text: f.fix.text })}
            >
              {prText(locale, 'fix')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void proofread.setRuleDisabled(f.ruleId, true)}
          >
            {prText(locale, 'disableRule')}
          </button>
        </span>
      </li>
    )
  },
  (a, b) => a.locale === b.locale && a.proofread === b.proofread && sameRow(a.finding, b.finding),
)
