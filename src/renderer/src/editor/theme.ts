import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { tags as t } from '@lezer/highlight'

/**
 * The editor's look. Colours are CSS variables (styles/app.css), so light and dark follow
 * `prefers-color-scheme` without reconfiguring the editor.
 */
const baseTheme = EditorView.theme({
  '&': {
    height: '100%',
    color: 'var(--text)',
    backgroundColor: 'var(--editor-bg)',
    fontSize: 'var(--editor-font-size)',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': {
    fontFamily: 'var(--font-editor)',
    lineHeight: '1.8',
    overscrollBehavior: 'contain',
  },
  '.cm-content': {
    padding: '20px 0 40vh',
    caretColor: 'var(--accent)',
    // Japanese wraps anywhere, but keeps kinsoku (no line starting with 。、 and friends).
    lineBreak: 'strict',
    wordBreak: 'normal',
    overflowWrap: 'anywhere',
  },
  '.cm-line': { padding: '0 28px 0 12px' },
  '.cm-gutters': {
    backgroundColor: 'var(--editor-bg)',
    color: 'var(--text-faint)',
    border: 'none',
    paddingLeft: '8px',
  },
  '.cm-lineNumbers .cm-gutterElement': { fontSize: '0.78em', paddingTop: '0.2em' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'transparent', color: 'var(--text-muted)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    {
      backgroundColor: 'var(--selection) !important',
    },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)', borderRadius: '2px' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'var(--search-match-current)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--selection-match)' },
  '.cm-panels': {
    backgroundColor: 'var(--surface-2)',
    color: 'var(--text)',
    borderColor: 'var(--border)',
  },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panel.cm-search': {
    padding: '8px 12px',
    fontFamily: 'var(--font-ui)',
    fontSize: '0.8125rem',
  },
  '.cm-panel.cm-search input, .cm-panel.cm-search button': {
    fontFamily: 'inherit',
    fontSize: '0.8125rem',
  },
  '.cm-textfield': {
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    padding: '3px 8px',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
  },
  '.cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--surface)',
    border: '1px solid var(--border-strong)',
    borderRadius: '6px',
    padding: '3px 10px',
    color: 'var(--text)',
  },
  '.cm-panel.cm-search [name=close]': {
    color: 'var(--text-muted)',
    fontSize: '1.125rem',
    right: '8px',
  },
  '.cm-placeholder': { color: 'var(--text-faint)' },
  '.cm-foldPlaceholder': {
    backgroundColor: 'var(--surface-2)',
    border: 'none',
    color: 'var(--text-muted)',
  },
})

/** Token colours for Markdown, front-matter YAML and fenced code. */
const highlight = HighlightStyle.define([
  { tag: t.heading1, color: 'var(--syn-heading)', fontWeight: '700', fontSize: '1.2em' },
  { tag: t.heading2, color: 'var(--syn-heading)', fontWeight: '700', fontSize: '1.1em' },
  {
    tag: [t.heading3, t.heading4, t.heading5, t.heading6],
    color: 'var(--syn-heading)',
    fontWeight: '700',
  },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: 'var(--syn-link)' },
  { tag: t.url, color: 'var(--syn-url)' },
  { tag: t.monospace, fontFamily: 'var(--font-mono)', color: 'var(--syn-code)' },
  { tag: t.quote, color: 'var(--text-muted)', fontStyle: 'italic' },
  { tag: [t.processingInstruction, t.contentSeparator, t.meta], color: 'var(--syn-meta)' },
  { tag: t.list, color: 'var(--syn-meta)' },
  { tag: [t.keyword, t.operatorKeyword, t.modifier], color: 'var(--syn-keyword)' },
  {
    tag: [t.propertyName, t.definition(t.propertyName), t.attributeName],
    color: 'var(--syn-property)',
  },
  { tag: [t.string, t.special(t.string), t.inserted], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--syn-number)' },
  {
    tag: [t.comment, t.lineComment, t.blockComment],
    color: 'var(--text-faint)',
    fontStyle: 'italic',
  },
  { tag: [t.typeName, t.className, t.tagName], color: 'var(--syn-type)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--syn-function)' },
  { tag: [t.variableName, t.labelName], color: 'var(--syn-variable)' },
  { tag: [t.angleBracket, t.punctuation, t.separator, t.bracket], color: 'var(--syn-punct)' },
  { tag: t.invalid, color: 'var(--danger)' },
])

/** The editor theme plus syntax colours. */
export function editorTheme(): Extension {
  return [baseTheme, syntaxHighlighting(highlight)]
}
