import { ChangeSet, type Extension } from '@codemirror/state'
import { EditorView, hoverTooltip, ViewPlugin, type ViewUpdate } from '@codemirror/view'
import type { PortalApi } from '../../../shared/ipc/contract'
import type { Locale, LocalizedText } from '../../../shared/localized'
import type { ProofFinding, ProofreadRequest, ProofreadResult } from '../../../shared/ipc/proofread'
import { findingsDisplay, findingsField, mapFinding, setFindings } from './findings-field'
import { prText } from './strings'

/**
 * Proofreading in the editor: asks main to lint the shown post when typing pauses (changed
 * paragraphs after a short pause, the document-wide rules after a longer one), shows the findings
 * (underline, gutter, hover card with quick fix and 「このルールを無効にする」) and publishes them to
 * the findings panel. The lint itself runs in main's worker thread, never on this thread.
 */

/** What the controller needs from `window.portal.proofread` (typed by the IPC contract). */
export type ProofreadApi = Pick<PortalApi['proofread'], 'lint' | 'setRuleDisabled'>

/** What the findings panel shows. */
export interface ProofreadSnapshot {
  path: string | null
  findings: ProofFinding[]
  /** A lint is running or scheduled. */
  checking: boolean
  complete: boolean
  documentChecked: boolean
  notices: LocalizedText[]
  /** The configuration file used (null: built-in) and the rules turned off. */
  source: { file: string | null; disabled: string[] } | null
  error: LocalizedText | null
}

/** Options of {@link ProofreadController}. */
export interface ProofreadOptions {
  /** The post the editor shows. */
  currentPath(): string | null
  /** Pause before the changed paragraphs are linted (ms; default 120). */
  paragraphDelayMs?: number
  /** Pause before the document-wide rules run (ms; default 1000). */
  documentDelayMs?: number
}

/**
 * The text lint reads.
 * HOOK(issue 14): read the versioned live-post value here once it exists, instead of the editor's
 * document, so preview, card, form and lint all see the same version.
 */
export function readPostText(view: EditorView): string {
  return view.state.doc.toString()
}

const EMPTY: ProofreadSnapshot = {
  path: null,
  findings: [],
  checking: false,
  complete: true,
  documentChecked: false,
  notices: [],
  source: null,
  error: null,
}

/** Proofreading of the shown post (see the module comment). */
export class ProofreadController {
  private snapshot: ProofreadSnapshot = EMPTY
  private readonly listeners = new Set<() => void>()
  private view: EditorView | null = null
  private plugin: LintRunner | null = null
  private locale: Locale = 'ja'

  constructor(
    readonly api: ProofreadApi,
    readonly options: ProofreadOptions,
  ) {}

  /** Subscribes to snapshot changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** What the panel shows now. */
  readonly getSnapshot = (): ProofreadSnapshot => this.snapshot

  /** @internal Updates the snapshot. */
  publish(patch: Partial<ProofreadSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch }
    for (const l of this.listeners) l()
  }

  /** @internal The runner of the view shown now. */
  attach(view: EditorView, plugin: LintRunner | null): void {
    this.view = view
    this.plugin = plugin
  }

  /** The UI language of the hover card. */
  setLocale(locale: Locale): void {
    this.locale = locale
  }

  /** The editor extension: display, hover card and the lint runner. */
  extension(): Extension {
    return [
      findingsDisplay(),
      ViewPlugin.define((view) => new LintRunner(view, this)),
      hoverTooltip((view, pos) => {
        const hits = view.state
          .field(findingsField)
          .findings.filter((f) => f.from <= pos && pos <= Math.max(f.to, f.from + 1))
        if (hits.length === 0) return null
        return {
          pos: Math.min(...hits.map((f) => f.from)),
          end: Math.max(...hits.map((f) => f.to)),
          above: true,
          create: () => ({ dom: this.tooltipDom(hits) }),
        }
      }),
    ]
  }

  /** The current (moved) version of a finding the panel shows, or null when it is gone. */
  private current(f: ProofFinding): ProofFinding | null {
    if (!this.view) return null
    const all = this.view.state.field(findingsField).findings
    let best: ProofFinding | null = null
    for (const g of all) {
      if (g.ruleId !== f.ruleId || g.message !== f.message) continue
      if (!best || Math.abs(g.from - f.from) < Math.abs(best.from - f.from)) best = g
    }
    return best
  }

  /** Selects a finding's text and scrolls it into view. */
  jumpTo(finding: ProofFinding): void {
    const view = this.view
    const f = this.current(finding) ?? finding
    if (!view) return
    const from = Math.min(f.from, view.state.doc.length)
    view.dispatch({
      selection: { anchor: from, head: Math.min(f.to, view.state.doc.length) },
      effects: EditorView.scrollIntoView(from, { y: 'center' }),
    })
    view.focus()
  }

  /** Applies a finding's quick fix as the writer's own edit (so it is saved like typing). */
  applyFix(finding: ProofFinding): void {
    const view = this.view
    const f = this.current(finding)
    if (!view || !f?.fix) return
    const remaining = view.state.field(findingsField).findings.filter((g) => g !== f)
    view.dispatch({
      changes: { from: f.fix.from, to: f.fix.to, insert: f.fix.text },
      effects: setFindings.of(remaining.map((g) => g)),
      userEvent: 'input.proofread',
    })
    this.publish({ findings: view.state.field(findingsField).findings })
  }

  /** Turns a rule off (or back on) for this repository, then lints again. */
  async setRuleDisabled(ruleId: string, disabled: boolean): Promise<void> {
    const list = await this.api.setRuleDisabled({ ruleId, disabled })
    const source = this.snapshot.source ?? { file: null, disabled: [] }
    if (disabled && this.view) {
      const remaining = this.view.state
        .field(findingsField)
        .findings.filter((f) => f.ruleId !== ruleId)
      this.view.dispatch({ effects: setFindings.of(remaining) })
      this.publish({ findings: remaining })
    }
    this.publish({ source: { ...source, disabled: list } })
    this.plugin?.schedule('paragraphs', 0)
  }

  private tooltipDom(findings: readonly ProofFinding[]): HTMLElement {
    const dom = document.createElement('div')
    dom.className = 'cm-proofread-tooltip'
    for (const f of findings) {
      const item = document.createElement('div')
      const message = document.createElement('p')
      message.textContent = f.message
      const rule = document.createElement('div')
      rule.className = 'cm-proofread-rule'
      rule.textContent = f.ruleId
      item.append(message, rule)
      const buttons = document.createElement('div')
      if (f.fix) {
        buttons.append(
          button(prText(this.locale, 'fixTo', { text: f.fix.text }), () => this.applyFix(f)),
        )
      }
      buttons.append(
        button(prText(this.locale, 'disableRule'), () => void this.setRuleDisabled(f.ruleId, true)),
      )
      item.append(buttons)
      dom.append(item)
    }
    return dom
  }
}

/** Whether two finding lists say the same (positions, rules, messages). */
function sameFindings(a: readonly ProofFinding[], b: readonly ProofFinding[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    const y = b[i]!
    if (x.from !== y.from || x.to !== y.to || x.ruleId !== y.ruleId || x.message !== y.message) {
      return false
    }
  }
  return true
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'btn btn-small'
  b.textContent = label
  b.addEventListener('mousedown', (e) => e.preventDefault())
  b.addEventListener('click', onClick)
  return b
}

type Scope = ProofreadRequest['scope']

/** Runs lints for one editor state (recreated when the editor shows another post). */
class LintRunner {
  private timer: ReturnType<typeof setTimeout> | null = null
  private documentTimer: ReturnType<typeof setTimeout> | null = null
  /** Changes made since the running request's text was read; null when none runs. */
  private inflight: ChangeSet | null = null
  private again: Scope | null = null
  private destroyed = false

  constructor(
    private readonly view: EditorView,
    private readonly controller: ProofreadController,
  ) {
    controller.attach(view, this)
    const path = controller.options.currentPath()
    const findings = view.state.field(findingsField).findings
    controller.publish({ path, findings, error: null })
    this.schedule('paragraphs', 0)
  }

  update(update: ViewUpdate): void {
    if (!update.docChanged) return
    if (this.inflight) this.inflight = this.inflight.compose(update.changes)
    this.schedule('paragraphs', this.controller.options.paragraphDelayMs ?? 120)
  }

  schedule(scope: Scope, delay: number): void {
    if (this.timer) clearTimeout(this.timer)
    if (this.documentTimer) clearTimeout(this.documentTimer)
    this.documentTimer = null
    this.timer = setTimeout(() => {
      this.timer = null
      void this.run(scope)
    }, delay)
    if (!this.controller.getSnapshot().checking) this.controller.publish({ checking: true })
  }

  private async run(scope: Scope): Promise<void> {
    const path = this.controller.options.currentPath()
    if (this.destroyed || path === null) return
    if (this.inflight) {
      this.again = scope === 'document' || this.again === 'document' ? 'document' : 'paragraphs'
      return
    }
    const state = this.view.state
    this.inflight = ChangeSet.empty(state.doc.length)
    let result: ProofreadResult
    try {
      result = await this.controller.api.lint({
        path,
        text: readPostText(this.view),
        cursor: state.selection.main.head,
        scope,
      })
    } catch (error) {
      result = { kind: 'error', message: { ja: String(error), en: String(error) } }
    }
    const changes = this.inflight
    this.inflight = null
    if (this.destroyed) return
    if (result.kind === 'ok') {
      const findings = changes.empty
        ? result.findings
        : result.findings
            .map((f) => mapFinding(f, changes))
            .filter((f): f is ProofFinding => f !== null)
      // Repeated answers during a first lint often add nothing: leave the editor and panel alone.
      const shown = this.view.state.field(findingsField).findings
      if (!sameFindings(shown, findings)) this.view.dispatch({ effects: setFindings.of(findings) })
      const snap = this.controller.getSnapshot()
      if (
        snap.path !== path ||
        !sameFindings(snap.findings, findings) ||
        snap.complete !== result.complete ||
        snap.documentChecked !== result.documentChecked ||
        snap.error !== null ||
        JSON.stringify([snap.notices, snap.source]) !==
          JSON.stringify([result.notices, result.source])
      ) {
        this.controller.publish({
          path,
          findings: this.view.state.field(findingsField).findings,
          complete: result.complete,
          documentChecked: result.documentChecked,
          notices: result.notices,
          source: result.source,
          error: null,
        })
      }
    } else if (result.kind === 'error') {
      this.controller.publish({ error: result.message })
    }
    const again = this.again
    this.again = null
    if (again) return this.schedule(again, 0)
    if (result.kind === 'ok' && !result.complete) {
      // The rest of a long lint gives way to typing: while the writer types (the pause timer is
      // set), it goes on only when they pause, so main's lint never competes with a burst's frames.
      if (this.timer) return
      return this.schedule(scope, 0)
    }
    if (!changes.empty || this.timer) return
    if (result.kind === 'ok' && !result.documentChecked && scope === 'paragraphs') {
      this.documentTimer = setTimeout(
        () => void this.run('document'),
        this.controller.options.documentDelayMs ?? 1000,
      )
      this.controller.publish({ checking: false })
      return
    }
    this.controller.publish({ checking: false })
  }

  destroy(): void {
    this.destroyed = true
    if (this.timer) clearTimeout(this.timer)
    if (this.documentTimer) clearTimeout(this.documentTimer)
  }
}
