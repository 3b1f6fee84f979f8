import { forceLinting, linter, lintGutter, type Action, type Diagnostic } from '@codemirror/lint'
import type { Extension, Text } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import type { Locale } from '../../../shared/localized'
import { listValues } from '../../../shared/metadata/facets'
import { readFields } from '../../../shared/metadata/round-trip'
import type { MetadataProblem } from '../../../shared/metadata/validate'
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
      { delay: options.delay ?? 250 },
    ),
    lintGutter(),
  ]
}

/** Re-runs the front-matter lint now (after the asset list or the suggestions changed). */
export function refreshMetadataLint(view: EditorView): void {
  forceLinting(view)
}
