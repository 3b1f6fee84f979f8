import type { Extension } from '@codemirror/state'
import { ViewPlugin, type EditorView } from '@codemirror/view'
import type { Locale } from '../../../shared/localized'
import { locateFrontMatter } from '../../../shared/metadata/region'
import { readFields } from '../../../shared/metadata/round-trip'
import {
  validateFrontMatter,
  type MetadataProblem,
  type ValidationContext,
} from '../../../shared/metadata/validate'
import { metadataLint, refreshMetadataLint } from './lint'

/** How much of a post is looked at for its front matter (far more than any usual one). */
const HEAD_CHARS = 64 * 1024

/**
 * The part of the shown post the form reads: the text up to the end of its front matter ('' when
 * it has none). Cheap: never builds the whole document's string.
 */
export function frontMatterTextOf(view: EditorView): string {
  const doc = view.state.doc
  const head = doc.sliceString(0, Math.min(doc.length, HEAD_CHARS))
  const region = locateFrontMatter(head)
  if (!region) return ''
  return region.closed ? head.slice(0, region.end) : head
}

/**
 * Links the editor to the metadata form: publishes the shown post's front-matter text (changing
 * only when that text changes, so typing in the body never re-renders the form) and lints the
 * front matter with what the form knows (asset files, known authors and tags).
 */
export class MetadataEditorLink {
  private text = ''
  private view: EditorView | null = null
  private readonly listeners = new Set<() => void>()
  private context: ValidationContext = {}
  private locale: Locale = 'ja'

  /** Subscribes to front-matter changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The shown post's front-matter text now. */
  readonly getSnapshot = (): string => this.text

  /** The editor view (null before the editor exists). */
  get editorView(): EditorView | null {
    return this.view
  }

  /** Problems of a front-matter text with what the form knows now. */
  problems(text: string): MetadataProblem[] {
    return validateFrontMatter(readFields(text), this.context)
  }

  /** What validation knows beyond the text; the gutter refreshes. */
  setContext(context: ValidationContext): void {
    this.context = context
    if (this.view) refreshMetadataLint(this.view)
  }

  /** The UI language of the gutter's messages. */
  setLocale(locale: Locale): void {
    this.locale = locale
    if (this.view) refreshMetadataLint(this.view)
  }

  /** The editor extension: follows the shown document and lints its front matter. */
  extension(): Extension {
    const note = (view: EditorView) => {
      this.view = view
      const text = frontMatterTextOf(view)
      if (text === this.text) return
      this.text = text
      for (const l of this.listeners) l()
    }
    return [
      // A plugin instance is made for every state the view shows, so switching posts is seen too.
      ViewPlugin.define((view) => {
        note(view)
        return {
          update: (update) => {
            if (update.docChanged) note(update.view)
          },
        }
      }),
      metadataLint((view) => this.problems(frontMatterTextOf(view)), {
        locale: () => this.locale,
      }),
    ]
  }
}

/** The app's one link (the editor host builds one view). */
export const metadataEditorLink = new MetadataEditorLink()
