// @vitest-environment jsdom
import { history, redo, undo } from '@codemirror/commands'
import { forEachDiagnostic, forceLinting } from '@codemirror/lint'
import { EditorSelection, EditorState, Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { metadataLint, problemsToDiagnostics } from '../../../../src/renderer/src/metadata/lint'
import {
  applyFormEdit,
  formEditTransaction,
  metadataEdit,
} from '../../../../src/renderer/src/metadata/transaction'
import { applyFieldEdit, readFields } from '../../../../src/shared/metadata/round-trip'
import { validateFrontMatter, validatePost } from '../../../../src/shared/metadata/validate'

const POST =
  '---\ntitle: 初稿\ndate: 2025-01-10T10:00:00+09:00\ntags:\n  - Go\nauthors:\n  - kromii\n---\n\n本文です。\n'
const views: EditorView[] = []
afterEach(() => {
  for (const v of views.splice(0)) v.destroy()
})

function makeView(doc: string, extensions = [history()]) {
  const view = new EditorView({
    state: EditorState.create({ doc, extensions }),
    parent: document.body,
  })
  views.push(view)
  return view
}

describe('form edits in the editor’s history', () => {
  it('a form edit is one undoable step; the cursor in the body stays on its text', () => {
    const view = makeView(POST)
    const bodyAt = POST.indexOf('本文')
    view.dispatch({ selection: EditorSelection.cursor(bodyAt) })
    const result = applyFormEdit(view, 'tags', ['Go', 'Rust'])
    expect(result.kind).toBe('ok')
    expect(view.state.doc.toString()).toBe(POST.replace('  - Go\n', '  - Go\n  - Rust\n'))
    expect(
      view.state.doc.sliceString(
        view.state.selection.main.head,
        view.state.selection.main.head + 2,
      ),
    ).toBe('本文')
    undo(view)
    expect(view.state.doc.toString()).toBe(POST)
    redo(view)
    expect(view.state.doc.toString()).toContain('  - Rust\n')
  })

  it('typing in a form text field joins one undo step; separate actions stay separate', () => {
    const view = makeView(POST)
    let text = POST
    for (const title of ['初稿 2', '初稿 2 版', '初稿 2 版です']) {
      const result = applyFieldEdit(text, 'title', title)
      if (result.kind !== 'ok') throw new Error('refused')
      formEditTransaction(view, result.changes, { field: 'title', typing: true })
      text = result.text
    }
    applyFormEdit(view, 'authors', ['kromiii'])
    expect(view.state.doc.toString()).toContain('title: 初稿 2 版です\n')
    undo(view)
    expect(view.state.doc.toString()).toBe(text)
    undo(view)
    expect(view.state.doc.toString()).toBe(POST)
  })

  it('marks the transaction with the field, so listeners can tell form edits apart', () => {
    const fields: string[] = []
    const view = makeView(POST, [
      history(),
      EditorView.updateListener.of((u) => {
        for (const tr of u.transactions) {
          const f = tr.annotation(metadataEdit)
          if (f) fields.push(f)
        }
      }),
    ])
    applyFormEdit(view, 'title', '決定稿')
    expect(fields).toEqual(['title'])
  })

  it('a refused edit (broken YAML) leaves the document alone', () => {
    const broken = '---\ntitle: "x\n---\n本文\n'
    const view = makeView(broken)
    const result = applyFormEdit(view, 'title', 'y')
    expect(result.kind).toBe('error')
    expect(view.state.doc.toString()).toBe(broken)
  })
})

describe('front-matter problems in the editor', () => {
  it('become diagnostics on their lines, in the UI language, with a quick fix', () => {
    const doc = Text.of(POST.split('\n'))
    const problems = validatePost(POST, { knownAuthors: [{ value: 'kromiii', count: 3 }] })
    const diagnostics = problemsToDiagnostics(doc, problems, 'en')
    expect(diagnostics).toHaveLength(1)
    const [d] = diagnostics
    expect(d!.severity).toBe('warning')
    expect(doc.sliceString(d!.from, d!.to)).toBe('- kromii')
    expect(d!.message).toContain('Did you mean "kromiii"?')
    expect(d!.actions?.[0]?.name).toBe('Change to “kromiii”')
  })

  it('show in the gutter through the linter, and the quick fix rewrites the YAML undoably', async () => {
    const view = makeView(POST, [
      history(),
      metadataLint(
        (v) =>
          validateFrontMatter(readFields(v.state.doc.toString()), {
            knownAuthors: [{ value: 'kromiii', count: 3 }],
          }),
        { locale: () => 'ja', delay: 0 },
      ),
    ])
    forceLinting(view)
    await new Promise((r) => setTimeout(r, 50))
    const found: Array<{ message: string; from: number }> = []
    forEachDiagnostic(view.state, (d, from) => found.push({ message: d.message, from }))
    expect(found).toHaveLength(1)
    expect(found[0]!.message).toContain('「kromiii」のことですか')
    expect(view.dom.querySelector('.cm-lint-marker-warning')).not.toBeNull()
    let action: ((v: EditorView, from: number, to: number) => void) | undefined
    forEachDiagnostic(view.state, (d) => (action = d.actions?.[0]?.apply))
    action!(view, 0, 0)
    expect(view.state.doc.toString()).toContain('  - kromiii\n')
    undo(view)
    expect(view.state.doc.toString()).toBe(POST)
  })
})
