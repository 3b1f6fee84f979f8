import { describe, expect, it } from 'vitest'
import { documentTitleOf } from '../../../../src/renderer/src/app/use-document-title'
import type { DocStatus, WorkspaceView } from '../../../../src/renderer/src/shell/workspace-view'

const PATH = 'source/blog/2026-12-07-rails.html.md'
const status: DocStatus = {
  path: PATH,
  dirty: false,
  saving: false,
  error: null,
  missing: false,
  readOnly: null,
  conflict: null,
  conflictOpen: false,
  assetDir: null,
}
const view = (current: Partial<DocStatus> | null, title?: string): WorkspaceView => ({
  ready: true,
  appInfo: null,
  repo: null,
  posts: title ? [{ path: PATH, title } as WorkspaceView['posts'][number]] : [],
  currentPath: current ? PATH : null,
  current: current ? { ...status, ...current } : null,
  notice: null,
  opening: false,
  recovered: [],
  postsVersion: 1,
})

describe('the window title', () => {
  it('names the open post, marks edits not saved yet, and says when they cannot be saved', () => {
    expect(documentTitleOf(view(null), '未保存')).toBe('Portal Writer')
    expect(documentTitleOf(view({}, 'Rails 8'), '未保存')).toBe('Rails 8 — Portal Writer')
    expect(documentTitleOf(view({ dirty: true }, 'Rails 8'), '未保存')).toBe(
      '● Rails 8 — Portal Writer',
    )
    expect(
      documentTitleOf(view({ dirty: true, error: { ja: '失敗', en: 'failed' } }, 'Rails 8'), '未保存'),
    ).toBe('● Rails 8 (未保存) — Portal Writer')
    // A post without a title yet: its file name.
    expect(documentTitleOf(view({}), '未保存')).toBe('2026-12-07-rails.html.md — Portal Writer')
  })
})
