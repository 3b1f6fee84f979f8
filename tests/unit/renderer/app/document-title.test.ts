import { describe, expect, it } from 'vitest'
import { documentTitleOf } from '../../../../src/renderer/src/app/use-document-title'
import type { DocStatus, WorkspaceView } from '../../../../src/renderer/src/shell/workspace-view'
import { docStatus, workspaceView } from '../../../helpers/workspace-view'

const PATH = 'source/blog/2026-12-07-rails.html.md'
const view = (current: Partial<DocStatus> | null, title?: string): WorkspaceView =>
  workspaceView(current ? docStatus(PATH, current) : null, {
    posts: title ? [{ path: PATH, title } as WorkspaceView['posts'][number]] : [],
  })

describe('the window title', () => {
  it('names the open post, marks edits not saved yet, and says when they cannot be saved', () => {
    expect(documentTitleOf(view(null), '未保存')).toBe('Portal Writer')
    expect(documentTitleOf(view({}, 'Rails 8'), '未保存')).toBe('Rails 8 — Portal Writer')
    expect(documentTitleOf(view({ dirty: true }, 'Rails 8'), '未保存')).toBe(
      '● Rails 8 — Portal Writer',
    )
    expect(
      documentTitleOf(
        view({ dirty: true, error: { ja: '失敗', en: 'failed' } }, 'Rails 8'),
        '未保存',
      ),
    ).toBe('● Rails 8 (未保存) — Portal Writer')
    // A post without a title yet: its file name.
    expect(documentTitleOf(view({}), '未保存')).toBe('2026-12-07-rails.html.md — Portal Writer')
  })
})
