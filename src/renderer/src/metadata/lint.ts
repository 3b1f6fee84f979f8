import { forceLinting, linter, lintGutter, type Action, type Diagnostic } from '@codemirror/lint'
import { StateEffect, type Extension, type Text } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import type { Locale } from '../../../shared/localized'
import { listValues } from '../../../shared/metadata/facets'
import { readFields } from '../../../shared/metadata/round-trip'
import type { MetadataProblem } from '../../../shared/metadata/validate'
import { quoteValueEdit } from '../../../shared/yaml-explain'
import { applyFormEdit } from './transaction'
import { mdText } from './strings'

/** Options of {@link metadataLint}. */
export interface MetadataLintOptions {
  /** The UI language now (read on every lint). Default Japanese. */
  locale?: () => Locale
  /** Milliseconds after typing stops before problems refresh (default 250). */
  delay?: number
}

/** Diagnostics for front-matter problems: each on its line (from its first non-space character). */
export function problemsToDiagnostics(
  doc: Text,
  problems: readonly MetadataProblem[],
  locale: Locale,
): Diagnostic[] {
  const out: Diagnostic[] = []
  for (const p of problems) {
    const lineNo = Math.min(Math.max(1, p.line), doc.lines)
    const line = doc.line(lineNo)
    const indent = /^\s*/.exec(line.text)?.[0].length ?? 0
    const actions: Action[] = []
    if (p.suggestion !== undefined && p.item !== undefined) {
      const { field, item, suggestion } = p
      actions.push({
        name: mdText(locale, 'fixTo', { value: suggestion }),
        apply: (view: EditorView) => {
          const items = listValues(readFields(view.state.doc.toString()).data[field])
          if (items[item] === undefined) return
          items[item] = suggestion
          applyFormEdit(view, field, [...new Set(items)])
        },
      })
    }
    if (p.fix === 'quote') {
      const fileLine = lineNo
      actions.push({
        name: mdText(locale, 'quoteFix'),
        apply: (view: EditorView) => {
          const edit = quoteValueEdit(view.state.doc.toString(), fileLine)
          if (edit) view.dispatch({ changes: edit, userEvent: 'input.quote' })
        },
      })
    }
    out.push({
      from: line.from + Math.min(indent, line.length),
      to: line.to,
      severity: p.severity === 'error' ? 'error' : 'warning',
      // The rule id, as `portal-writer check` and the profile's `check:` key name it.
      source: p.rule,
      message: p.message[locale],
      ...(actions.length ? { actions } : {}),
    })
  }
  return out
}

/**
 * Shows front-matter problems in the editor: underlines on their lines and marks in the gutter,
 * in the UI language. `getProblems` computes them for the view's current text (readFields +
 * validateFrontMatter with what the form knows: asset files, known authors…). Problems with a
 * suggestion offer a quick fix.
 */
export function metadataLint(
  getProblems: (view: EditorView) => readonly MetadataProblem[],
  options: MetadataLintOptions = {},
): Extension {
  return [
    linter(
      (view) => {
        try {
          return problemsToDiagnostics(
            view.state.doc,
            getProblems(view),
            options.locale?.() ?? 'ja',
          )
        } catch (error) {
          // A failing check must never break the editor.
          console.error('metadata lint failed', error)
          return []
        }
      },
      {
        delay: options.delay ?? 250,
        needsRefresh: (update) =>
          update.transactions.some((tr) => tr.effects.some((e) => e.is(relint))),
      },
    ),
    lintGutter(),
  ]
}

/** Asks the linter to run again although the text did not change. */
const relint = StateEffect.define<null>()

/**
 * Re-runs the front-matter lint now (after the asset list or the suggestions changed).
 * `forceLinting` alone only hurries a lint already scheduled by an edit; without an edit it did
 * nothing, and an eyecatch just exported stayed flagged as missing until the next keystroke.
 */
export function refreshMetadataLint(view: EditorView): void {
  view.dispatch({ effects: relint.of(null) })
  forceLinting(view)
}
