import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands'
import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { bracketMatching, indentOnInput } from '@codemirror/language'
import { languages } from '@codemirror/language-data'
import {
  highlightSelectionMatches,
  openSearchPanel,
  search,
  searchKeymap,
} from '@codemirror/search'
import { Annotation, EditorState, Prec, type Extension } from '@codemirror/state'
import {
  drawSelection,
  dropCursor,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
  type Command,
} from '@codemirror/view'
import { frontMatter } from './front-matter'
import { imageDrop } from './image-drop'
import { editorTheme } from './theme'

/** Marks a transaction that loads text from disk: not the writer's edit, so not "unsaved". */
export const externalLoad = Annotation.define<'reload' | 'theirs'>()

/** Opens the search panel with the cursor in the replace field (Mod-h, Mod-Alt-f). */
export const openReplacePanel: Command = (view) => {
  openSearchPanel(view)
  const field = view.dom.querySelector<HTMLInputElement>('.cm-search input[name=replace]')
  field?.focus()
  field?.select()
  return true
}

/** Markdown with fenced-code languages, and YAML front matter highlighted as YAML. */
export function postLanguage(): Extension {
  return markdown({
    base: markdownLanguage,
    codeLanguages: languages,
    addKeymap: true,
    extensions: [frontMatter],
  })
}

/** Options of {@link editorExtensions}. */
export interface EditorExtensionOptions {
  /**
   * Called after every update that changed the text (`external` when it came from disk), with how
   * many characters it removed and inserted.
   */
  onDocChanged(external: boolean, changedChars: number): void
  /** More extensions every post shares (e.g. the front-matter lint, given by the app). */
  extra?: Extension
}

/**
 * Everything every post's editor state shares: language, history, search/replace, wrapping, keys
 * and theme. Per-post bits (read-only, phrases) are added by the host in compartments.
 */
export function editorExtensions(options: EditorExtensionOptions): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    bracketMatching(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({
      spellcheck: 'false',
      autocorrect: 'off',
      autocapitalize: 'off',
      // axe (scrollable-region-focusable) does not count contenteditable as focusable; it is.
      tabindex: '0',
    }),
    postLanguage(),
    imageDrop(),
    options.extra ?? [],
    Prec.high(
      keymap.of([
        { key: 'Mod-h', run: openReplacePanel, preventDefault: true },
        { key: 'Mod-Alt-f', run: openReplacePanel, preventDefault: true },
      ]),
    ),
    keymap.of([...searchKeymap, ...historyKeymap, ...defaultKeymap, indentWithTab]),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return
      let changed = 0
      update.changes.iterChangedRanges((fromA, toA, fromB, toB) => {
        changed += toA - fromA + (toB - fromB)
      })
      options.onDocChanged(
        update.transactions.some((tr) => tr.annotation(externalLoad) !== undefined),
        changed,
      )
    }),
    editorTheme(),
  ]
}
