import { Annotation, Transaction } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import {
  applyFieldEdit,
  type FieldEditOptions,
  type FieldEditResult,
  type FieldValue,
  type TextChange,
} from '../../../shared/metadata/round-trip'

/** Marks a transaction made by the metadata form; its value is the field's key. */
export const metadataEdit = Annotation.define<string>()

/** Options of {@link formEditTransaction}. */
export interface FormEditOptions {
  /** The field the edit came from (readable through {@link metadataEdit}). */
  field?: string
  /**
   * Typing in a text field: successive keystrokes join one undo step, as typing in the editor
   * does (`input.type.*` is what CodeMirror's history joins). Other edits (a chip, the draft
   * toggle) are one undo step each.
   */
  typing?: boolean
}

/**
 * Dispatches a form edit's changes to the editor as one ordinary transaction, so it lands in the
 * editor's history (Mod-z undoes it) and every listener (preview, card, save) sees it. The
 * selection is mapped through the change, not moved, and the view does not scroll.
 */
export function formEditTransaction(
  view: EditorView,
  changes: readonly TextChange[],
  options: FormEditOptions = {},
): void {
  if (changes.length === 0) return
  view.dispatch({
    changes: changes.map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
    annotations: [
      Transaction.userEvent.of(options.typing ? 'input.type.metadata' : 'input.metadata'),
      Transaction.addToHistory.of(true),
      ...(options.field ? [metadataEdit.of(options.field)] : []),
    ],
  })
}

/**
 * Applies one form edit to the editor's current text: `applyFieldEdit` on the document as it is
 * now (never a stale copy), then {@link formEditTransaction}. Returns the edit's result so the
 * caller can show a refusal (invalid YAML, `---js`…).
 */
export function applyFormEdit(
  view: EditorView,
  field: string,
  value: FieldValue,
  options: FieldEditOptions & { typing?: boolean } = {},
): FieldEditResult {
  const result = applyFieldEdit(view.state.doc.toString(), field, value, options)
  if (result.kind === 'ok')
    formEditTransaction(view, result.changes, { field, typing: options.typing })
  return result
}
