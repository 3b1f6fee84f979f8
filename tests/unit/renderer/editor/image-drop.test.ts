import { history, undo } from '@codemirror/commands'
import { EditorState, type TransactionSpec } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  imageFilesOf,
  insertImageLink,
  pendingImageField,
  startImagePrompt,
} from '../../../../src/renderer/src/editor/image-drop'

/** A state from text with `|` marking the cursor (or `|…|` a selection), with the extension's field. */
function stateOf(marked: string): EditorState {
  const first = marked.indexOf('|')
  const second = marked.indexOf('|', first + 1)
  const doc = marked.replaceAll('|', '')
  const selection = second < 0 ? { anchor: first } : { anchor: first, head: second - 1 }
  return EditorState.create({ doc, selection, extensions: [pendingImageField, history()] })
}

/** The text with `|` at the cursor. */
function marked(state: EditorState): string {
  const head = state.selection.main.head
  const doc = state.doc.toString()
  return `${doc.slice(0, head)}|${doc.slice(head)}`
}

const file = (name: string) => new File([new Uint8Array([1, 2, 3])], name, { type: 'image/png' })

function apply(state: EditorState, spec: TransactionSpec): EditorState {
  return state.update(spec).state
}

/** Opens the prompt at the selection, as a paste does. */
function prompt(state: EditorState, files = [file('a.png')]): EditorState {
  const { from, to } = state.selection.main
  return apply(state, startImagePrompt(files, from, to))
}

function link(state: EditorState, markdown: string): EditorState {
  return apply(state, insertImageLink(state, state.field(pendingImageField)!, markdown))
}

describe('body image links', () => {
  it.each([
    [
      'on an empty line: the link alone',
      '# 見出し\n\n|\n\n本文',
      '# 見出し\n\n![図](a.png)|\n\n本文',
    ],
    [
      'in the middle of a paragraph: its own paragraph',
      '前の文|後の文',
      '前の文\n\n![図](a.png)|\n\n後の文',
    ],
    ['at the end of a line: a paragraph after it', '最後の文|', '最後の文\n\n![図](a.png)|'],
    ['over a selection: replaces it', '前の文|選択|後の文', '前の文\n\n![図](a.png)|\n\n後の文'],
  ])('%s', (_, before, after) => {
    const state = link(prompt(stateOf(before)), '![図](a.png)')
    expect(marked(state)).toBe(after)
    expect(state.field(pendingImageField)).toBeNull()
  })

  it('follows edits made while the prompt is open', () => {
    let state = prompt(stateOf('一行目\n|\n三行目'))
    state = apply(state, { changes: { from: 0, insert: '追加した行\n' } })
    state = apply(state, { changes: { from: state.doc.length, insert: '\n末尾' } })
    state = link(state, '![x](a.png)')
    expect(state.doc.toString()).toBe('追加した行\n一行目\n![x](a.png)\n三行目\n末尾')
  })

  it('keeps the link when the text around the insertion point is deleted', () => {
    let state = prompt(stateOf('abc|def'))
    state = apply(state, { changes: { from: 1, to: 5 } })
    state = link(state, '![x](a.png)')
    expect(state.doc.toString()).toBe('a\n\n![x](a.png)\n\nf')
  })

  it('several images: one prompt each, each link on its own paragraph, in order', () => {
    let state = prompt(stateOf('本文|'), [file('1.png'), file('2.png')])
    state = link(state, '![一](1.png)')
    const next = state.field(pendingImageField)!
    expect(next.files.map((f) => f.name)).toEqual(['2.png'])
    state = link(state, '![二](2.png)')
    expect(marked(state)).toBe('本文\n\n![一](1.png)\n\n![二](2.png)|')
    expect(state.field(pendingImageField)).toBeNull()
  })

  it('is one undo step, like typing', () => {
    let state = link(prompt(stateOf('本文|')), '![x](a.png)')
    undo({ state, dispatch: (tr) => (state = tr.state) })
    expect(state.doc.toString()).toBe('本文')
  })

  it('takes only image files from a drop or paste', () => {
    const files = [
      new File(['x'], 'notes.txt', { type: 'text/plain' }),
      file('shot.png'),
      new File(['x'], 'photo.jpg', { type: 'image/jpeg' }),
    ]
    expect(imageFilesOf(files).map((f) => f.name)).toEqual(['shot.png', 'photo.jpg'])
    expect(imageFilesOf(null)).toEqual([])
  })
})
