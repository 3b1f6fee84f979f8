import { history, undo } from '@codemirror/commands'
import { EditorState, type TransactionSpec } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import {
  eyecatchDefaults,
  setEyecatchInEditor,
  type EditorAccess,
} from '../../../../src/renderer/src/eyecatch/set-eyecatch'

const PATH = 'source/blog/2026-11-13-rails-upgrade.html.md'

const POST = [
  '---',
  'title: はこにわを Rails 8.1 に上げる # 仮題',
  'date: 2026-11-13T17:00:00+09:00',
  'tags:',
  '  - Rails',
  'authors:',
  '  - kojiro',
  '  - hanako',
  "eyecatch: 'old.png'",
  'x-custom: keep me',
  '---',
  '',
  '本文です。',
  '',
].join('\n')

function editorWith(text: string, shown = PATH) {
  let state = EditorState.create({ doc: text, extensions: [history()] })
  const editor: EditorAccess = {
    currentPath: shown,
    view: {
      get state() {
        return state
      },
      dispatch(spec: TransactionSpec) {
        state = state.update(spec).state
      },
    },
  }
  return {
    editor,
    text: () => state.doc.toString(),
    undo: () => undo({ state, dispatch: (tr) => (state = tr.state) }),
  }
}

const options = { readOnly: null, profile: null }

describe('eyecatchDefaults', () => {
  it('reads the title, the first author and the eyecatch', () => {
    expect(eyecatchDefaults(POST)).toEqual({
      title: 'はこにわを Rails 8.1 に上げる',
      author: 'kojiro',
      eyecatch: 'old.png',
    })
  })

  it('gives empty values for a post without front matter', () => {
    expect(eyecatchDefaults('本文だけ\n')).toEqual({ title: '', author: '', eyecatch: null })
  })
})

describe('setEyecatchInEditor', () => {
  it('changes only the eyecatch line, as one undoable edit', () => {
    const e = editorWith(POST)
    expect(setEyecatchInEditor(e.editor, PATH, 'eyecatch.webp', options)).toEqual({
      kind: 'ok',
      changed: true,
    })
    const lines = e.text().split('\n')
    const before = POST.split('\n')
    expect(lines.filter((l, i) => l !== before[i])).toEqual([
      expect.stringMatching(/^eyecatch: '?eyecatch\.webp'?$/),
    ])
    e.undo()
    expect(e.text()).toBe(POST)
  })

  it('adds the key after the authors when the post has none', () => {
    const without = POST.replace("eyecatch: 'old.png'\n", '')
    const e = editorWith(without)
    setEyecatchInEditor(e.editor, PATH, 'eyecatch.webp', options)
    expect(e.text()).toContain('  - hanako\neyecatch: eyecatch.webp\nx-custom: keep me\n')
  })

  it('does nothing when the value is already set', () => {
    const e = editorWith(POST)
    expect(setEyecatchInEditor(e.editor, PATH, 'old.png', options)).toEqual({
      kind: 'ok',
      changed: false,
    })
    expect(e.text()).toBe(POST)
  })

  it.each([
    ['a read-only post', POST, PATH, { ja: '読み取り専用です。', en: 'It is read-only.' }],
    ['another post shown', POST, 'source/blog/other.html.md', null],
    ['`---js` front matter (S11)', POST.replace('---\n', '---js\n'), PATH, null],
    ['invalid YAML (D1)', POST.replace('x-custom: keep me', 'x-custom: "unclosed'), PATH, null],
  ])(
    'refuses %s, names the file to write by hand, and leaves the text alone',
    (_, text, shown, readOnly) => {
      const e = editorWith(text, shown)
      const r = setEyecatchInEditor(e.editor, PATH, 'eyecatch.webp', { readOnly, profile: null })
      expect(r.kind).toBe('error')
      if (r.kind === 'error') {
        expect(r.message.ja).toContain('eyecatch: eyecatch.webp')
        expect(r.message.en).toContain('eyecatch: eyecatch.webp')
      }
      expect(e.text()).toBe(text)
    },
  )
})
