import { StateEffect, StateField, type ChangeDesc, type Extension } from '@codemirror/state'
import { Decoration, EditorView, gutter, GutterMarker, type DecorationSet } from '@codemirror/view'
import type { ProofFinding } from '../../../shared/ipc/proofread'

/**
 * The proofreading findings of the shown post, kept in its editor state: underlined in the text,
 * marked in their own gutter, and moved along with every edit until the next lint replaces them.
 */

/** Replaces the findings (offsets into the current document). */
export const setFindings = StateEffect.define<ProofFinding[]>()

class FindingMarker extends GutterMarker {
  override eq(other: GutterMarker): boolean {
    return other instanceof FindingMarker
  }
  override toDOM(): Node {
    const el = document.createElement('span')
    el.className = 'cm-proofread-marker'
    el.textContent = '●'
    el.setAttribute('aria-hidden', 'true')
    return el
  }
}

interface FindingsValue {
  findings: ProofFinding[]
  underlines: DecorationSet
  /** Where findings start, sorted (the gutter marks their lines). */
  starts: number[]
}

/** A finding moved through document changes (null when its text was deleted). */
export function mapFinding(f: ProofFinding, changes: ChangeDesc): ProofFinding | null {
  const from = changes.mapPos(f.from, 1)
  const to = Math.max(from, changes.mapPos(f.to, -1))
  if (f.to > f.from && to === from) return null
  let fix = f.fix
  if (fix) {
    const fixFrom = changes.mapPos(fix.from, 1)
    const fixTo = changes.mapPos(fix.to, -1)
    fix = fixTo < fixFrom ? null : { ...fix, from: fixFrom, to: fixTo }
  }
  return { ...f, from, to, fix }
}

function startsOf(findings: readonly ProofFinding[]): number[] {
  return findings.map((f) => f.from).sort((a, b) => a - b)
}

function build(findings: ProofFinding[], docLength: number): FindingsValue {
  const inDoc = findings.filter((f) => f.from <= docLength)
  const underlines = inDoc
    .filter((f) => Math.min(f.to, docLength) > f.from)
    .map((f) =>
      Decoration.mark({
        class: `cm-proofread cm-proofread-${f.severity}`,
        attributes: { 'data-rule': f.ruleId },
      }).range(f.from, Math.min(f.to, docLength)),
    )
  return { findings: inDoc, underlines: Decoration.set(underlines, true), starts: startsOf(inDoc) }
}

/** The findings and their underlines. */
export const findingsField = StateField.define<FindingsValue>({
  create: () => ({ findings: [], underlines: Decoration.none, starts: [] }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setFindings)) return build(e.value, tr.state.doc.length)
    if (!tr.docChanged) return value
    const findings = value.findings
      .map((f) => mapFinding(f, tr.changes))
      .filter((f): f is ProofFinding => f !== null)
    return { findings, underlines: value.underlines.map(tr.changes), starts: startsOf(findings) }
  },
  provide: (field) => EditorView.decorations.from(field, (v) => v.underlines),
})

const marker = new FindingMarker()

/** Underlines, the gutter column and their look. */
export function findingsDisplay(): Extension {
  return [
    findingsField,
    gutter({
      class: 'cm-proofread-gutter',
      lineMarker(view, line) {
        const { starts } = view.state.field(findingsField)
        // Binary search: is there a finding starting on this line?
        let lo = 0
        let hi = starts.length
        while (lo < hi) {
          const mid = (lo + hi) >> 1
          if (starts[mid]! < line.from) lo = mid + 1
          else hi = mid
        }
        return lo < starts.length && starts[lo]! <= line.to ? marker : null
      },
      lineMarkerChange: (update) =>
        update.docChanged ||
        update.transactions.some((tr) => tr.effects.some((e) => e.is(setFindings))),
    }),
    EditorView.baseTheme({
      '.cm-proofread': {
        textDecoration: 'underline wavy',
        textDecorationThickness: '1px',
        textUnderlineOffset: '3px',
      },
      '.cm-proofread-error, .cm-proofread-warning': { textDecorationColor: '#d97706' },
      '.cm-proofread-info': { textDecorationColor: '#2563eb' },
      '.cm-proofread-gutter .cm-gutterElement': { padding: '0 2px', minWidth: '10px' },
      '.cm-proofread-marker': { color: '#d97706', fontSize: '0.5625rem', lineHeight: 'inherit' },
      '.cm-proofread-tooltip': { padding: '6px 8px', maxWidth: '420px', fontSize: '0.8125rem' },
      '.cm-proofread-tooltip .cm-proofread-rule': { opacity: '0.7', fontSize: '0.6875rem' },
      '.cm-proofread-tooltip p': { margin: '0 0 6px', whiteSpace: 'pre-wrap' },
      '.cm-proofread-tooltip button': { marginRight: '6px' },
    }),
  ]
}
