import { describe, expect, it } from 'vitest'
import { steadyView, type WorkspaceView } from '../../../../src/renderer/src/shell/workspace-view'
import { docStatus, workspaceView } from '../../../helpers/workspace-view'

const status = docStatus('source/blog/2026-12-07-a.html.md')
const view = workspaceView(status)

describe('steadyView: the view most of the window renders from', () => {
  it('stays the same object while only the open post’s save progress changes', () => {
    const typed = { ...view, current: { ...status, dirty: true } }
    const saving = { ...typed, current: { ...typed.current, saving: true } }
    const saved = { ...saving, current: { ...saving.current, dirty: false, saving: false } }
    let steady = steadyView(null, view)
    for (const next of [typed, saving, saved]) {
      const again = steadyView(steady, next)
      expect(again).toBe(view)
      steady = again
    }
  })

  it('is the new view when anything else changes, in the post’s status or around it', () => {
    const changes: WorkspaceView[] = [
      { ...view, current: { ...status, dirty: true, error: { ja: '失敗', en: 'failed' } } },
      { ...view, current: { ...status, missing: true } },
      { ...view, current: { ...status, conflictOpen: true } },
      { ...view, current: null },
      { ...view, postsVersion: 2 },
      { ...view, posts: [] },
      { ...view, currentPath: null },
      { ...view, opening: true },
    ]
    for (const next of changes) expect(steadyView(view, next)).toBe(next)
  })
})
