// @vitest-environment jsdom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'
import type * as FieldControls from '../../../../src/renderer/src/metadata/FieldControls'
import type { PortalApi } from '../../../../src/shared/ipc/contract'
import { DEFAULT_PROFILE } from '../../../../src/shared/profile'
import { LocaleProvider } from '../../../../src/renderer/src/i18n/locale'
import { MetadataEditorLink } from '../../../../src/renderer/src/metadata/editor-link'
import { MetadataSection } from '../../../../src/renderer/src/metadata/MetadataSection'
import { PostAssets } from '../../../../src/renderer/src/shell/post-assets'
import { ShellContext, type ShellPorts } from '../../../../src/renderer/src/shell/shell-context'
import type { WorkspaceView } from '../../../../src/renderer/src/shell/workspace-view'
import { docStatus, workspaceView } from '../../../helpers/workspace-view'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** Renders of the form's date field: the form's fields, counted. */
const dateRenders = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../../src/renderer/src/metadata/FieldControls', async (original) => {
  const real = await original<typeof FieldControls>()
  return {
    ...real,
    DateControl: (props: Parameters<typeof real.DateControl>[0]) => {
      dateRenders.count++
      return real.DateControl(props)
    },
  }
})

const PATH = 'source/blog/2025-01-10-hello.html.md'
const FRONT_MATTER = '---\ntitle: はじめての記事\ndate: 2025-01-10T10:00:00+09:00\n---\n'

const REPO = { root: '/blog', profile: DEFAULT_PROFILE }
const POSTS: never[] = []

/** The workspace's view as its store makes it: a new object, the unchanged parts kept. */
function viewWith(doc: { dirty: boolean; saving: boolean }): WorkspaceView {
  return workspaceView(docStatus(PATH, doc), { repo: REPO as WorkspaceView['repo'], posts: POSTS })
}

describe('MetadataSection', () => {
  it('does not render the form again when only the save state changes (typing after an autosave)', async () => {
    const portal = {
      metadata: {
        suggestions: async () => ({ tags: [], authors: [], categories: [], posts: 0 }),
        assets: async () => ({ kind: 'ok', files: [] }),
      },
    } as unknown as PortalApi
    const ports = {
      portal,
      workspace: {
        movePost: async () => ({ kind: 'ok' }),
        subscribe: () => () => undefined,
        getSnapshot: () => viewWith({ dirty: false, saving: false }),
      },
      assets: new PostAssets(portal),
      livePost: null,
    } as unknown as ShellPorts
    const link = new MetadataEditorLink({
      subscribe: () => () => undefined,
      frontMatterText: () => FRONT_MATTER,
    })
    const onOpenEyecatch = () => undefined
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    const show = (doc: { dirty: boolean; saving: boolean }) =>
      root.render(
        <LocaleProvider initial="ja">
          <ShellContext.Provider value={ports}>
            <MetadataSection view={viewWith(doc)} link={link} onOpenEyecatch={onOpenEyecatch} />
          </ShellContext.Provider>
        </LocaleProvider>,
      )
    await act(async () => show({ dirty: false, saving: false }))
    // The suggestions and the asset list arrive, and the form shows them.
    await act(async () => new Promise((r) => setTimeout(r, 10)))
    expect(host.querySelector('input')).not.toBeNull()
    const settled = dateRenders.count
    expect(settled).toBeGreaterThan(0)
    // The writer types (the post is edited again), then the autosave runs: nothing the form shows.
    await act(async () => show({ dirty: true, saving: false }))
    await act(async () => show({ dirty: true, saving: true }))
    expect(dateRenders.count).toBe(settled)
    root.unmount()
    host.remove()
  })
})
