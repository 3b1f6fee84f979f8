import type { EditorState, TransactionSpec } from '@codemirror/state'
import { msg, type LocalizedText } from '../../../shared/localized'
import { applyFieldEdit, metadataSchemaFor, readFields } from '../../../shared/metadata'
import type { Profile } from '../../../shared/profile'

/** What the studio starts from: the post's title, first author and current eyecatch. */
export interface EyecatchDefaults {
  title: string
  author: string
  /** The front matter's `eyecatch`, or null. */
  eyecatch: string | null
}

function asText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : ''
}

/** Reads the studio's starting values from a post's text (empty values when it has none). */
export function eyecatchDefaults(text: string): EyecatchDefaults {
  const { data } = readFields(text)
  const authors = data.authors
  const author = Array.isArray(authors) ? asText(authors[0]) : asText(authors)
  const eyecatch = asText(data.eyecatch).trim()
  return { title: asText(data.title), author, eyecatch: eyecatch === '' ? null : eyecatch }
}

/** The editor as this module needs it (an `EditorHost`: the post shown, and its view). */
export interface EditorAccess {
  readonly currentPath: string | null
  readonly view: { readonly state: EditorState; dispatch(spec: TransactionSpec): void }
}

/** Result of {@link setEyecatchInEditor}. */
export type SetEyecatchResult =
  { kind: 'ok'; changed: boolean } | { kind: 'error'; message: LocalizedText }

/**
 * Sets the front matter's `eyecatch` to `fileName` as one undoable edit in the editor, through the
 * same round-trip edit the metadata form uses (only that line changes; comments, order and other
 * keys stay byte for byte). The save session then writes it like the writer's own typing, so it is
 * serialised with autosaves (D8). Refused with the reason when the post is read-only, is not the
 * one shown, or its front matter cannot be edited safely (invalid YAML, `---js`).
 */
export function setEyecatchInEditor(
  editor: EditorAccess,
  path: string,
  fileName: string,
  options: { readOnly: LocalizedText | null; profile: Pick<Profile, 'timezone' | 'fields'> | null },
): SetEyecatchResult {
  const manual = (why: LocalizedText): SetEyecatchResult => ({
    kind: 'error',
    message: msg(
      `画像は保存しましたが、前付け（フロントマター）は変えられませんでした: ${why.ja} 手で eyecatch: ${fileName} と書いてください。`,
      `The image was saved, but the front matter could not be changed: ${why.en} Write eyecatch: ${fileName} by hand.`,
    ),
  })
  if (options.readOnly) return manual(options.readOnly)
  if (editor.currentPath !== path)
    return manual(msg('別の記事が開かれています。', 'Another post is open.'))
  const view = editor.view
  const order = metadataSchemaFor(options.profile).fields.map((f) => f.key)
  const edit = applyFieldEdit(view.state.doc.toString(), 'eyecatch', fileName, { order })
  if (edit.kind === 'error') return manual(edit.message)
  if (edit.changes.length === 0) return { kind: 'ok', changed: false }
  view.dispatch({ changes: edit.changes, userEvent: 'input.eyecatch', scrollIntoView: false })
  return { kind: 'ok', changed: true }
}
