import type { Extension } from '@codemirror/state'
import { ViewPlugin, type EditorView } from '@codemirror/view'
import type { Locale } from '../../../shared/localized'
import { readFields } from '../../../shared/metadata/round-trip'
import {
  validateFrontMatter,
  type MetadataProblem,
  type ValidationContext,
} from '../../../shared/metadata/validate'
import { metadataLint, refreshMetadataLint } from './lint'

/** Where the form's front-matter text comes from: the live post (one value per keystroke). */
export interface FrontMatterSource {
  /** Subscribes to new values; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
  /** The shown post's front-matter text now. */
  frontMatterText(): string
}

/**
 * Links the editor to the metadata form: the form and the front-matter lint both read the live
 * post's front-matter text (so they judge the same version the preview and card show), with what
 * the form knows (asset files, known authors and tags).
 */
export class MetadataEditorLink {
  private view: EditorView | null = null
  private context: ValidationContext = {}
  private locale: Locale = 'ja'

  constructor(private readonly source: FrontMatterSource) {}

  /** Subscribes to front-matter changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => this.source.subscribe(listener)

  /** The shown post's front-matter text now (a string: unchanged text re-renders nothing). */
  readonly getSnapshot = (): string => this.source.frontMatterText()

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

  /** The editor extension: knows the view and lints the live post's front matter. */
  extension(): Extension {
    return [
      ViewPlugin.define((view) => {
        this.view = view
        return {}
      }),
      metadataLint(() => this.problems(this.source.frontMatterText()), {
        locale: () => this.locale,
      }),
    ]
  }
}
