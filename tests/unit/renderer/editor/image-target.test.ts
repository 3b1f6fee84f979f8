// @vitest-environment jsdom
import { EditorState, Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import {
  imageDrop,
  insertImageLink,
  pendingImageField,
  type BodyImageHost,
} from '../../../../src/renderer/src/editor/image-drop'
import { imageTarget } from '../../../../src/renderer/src/editor/image-target'

const POST = '---\ntitle: 初稿\ntags:\n  - Go\n---\n\n本文です。\n'
const BODY = POST.indexOf('本文')

const host: BodyImageHost = {
  assetDir: () => 'source/blog/x',
  importBody: async () => ({ kind: 'saved', fileName: 'a.png', path: 'a.png' }) as never,
}

const views: EditorView[] = []
afterEach(() => {
  for (const v of views.splice(0)) v.destroy()
})

/** Pastes one image file into a view whose cursor is at `at`. */
function pasteAt(doc: string, at: number): EditorView {
  const view = new EditorView({
    state: EditorState.create({
      doc,
      selection: { anchor: at },
      extensions: [imageDrop({ host })],
    }),
    parent: document.body,
  })
  views.push(view)
  const file = new File([new Uint8Array([1, 2, 3])], 'shot.png', { type: 'image/png' })
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => '', files: [file] } })
  view.contentDOM.dispatchEvent(event)
  return view
}

describe('an image dropped or pasted inside the front matter', () => {
  it('a paste on a YAML line goes to the start of the body; the YAML is untouched', () => {
    const view = pasteAt(POST, POST.indexOf('tags:') + 2)
    const pending = view.state.field(pendingImageField)!
    expect([pending.from, pending.to]).toEqual([BODY, BODY])
    view.dispatch(insertImageLink(view.state, pending, '![図](a.png)'))
    expect(view.state.doc.toString()).toBe(
      '---\ntitle: 初稿\ntags:\n  - Go\n---\n\n![図](a.png)\n\n本文です。\n',
    )
  })

  it('a paste in the body stays where it is', () => {
    const view = pasteAt(POST, POST.length)
    expect(view.state.field(pendingImageField)!.from).toBe(POST.length)
  })

  it.each([
    ['on the opening fence', 0],
    ['on a YAML line', POST.indexOf('  - Go')],
    ['on the closing fence', POST.indexOf('---\n\n')],
  ])('%s: the body start', (_name, at) => {
    expect(imageTarget(Text.of(POST.split('\n')), at, at)).toEqual({ from: BODY, to: BODY })
  })

  it('a selection reaching into the front matter is not replaced', () => {
    expect(imageTarget(Text.of(POST.split('\n')), 5, BODY + 2)).toEqual({ from: BODY, to: BODY })
  })

  it('a post that is only front matter gets the image after it', () => {
    const only = '---\ntitle: x\n---\n'
    expect(imageTarget(Text.of(only.split('\n')), 6, 6)).toEqual({
      from: only.length,
      to: only.length,
    })
  })

  it('an unclosed front matter refuses (null): there is no body to put it in', () => {
    expect(imageTarget(Text.of(['---', 'title: x']), 6, 6)).toBeNull()
  })

  it('no front matter: unchanged', () => {
    expect(imageTarget(Text.of(['本文']), 1, 2)).toEqual({ from: 1, to: 2 })
  })
})
