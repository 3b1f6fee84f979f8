import { describe, expect, it, vi } from 'vitest'
import {
  flushForPublish,
  publishActionsFor,
} from '../../../../src/renderer/src/publish/publish-actions'
import type { DocStatus, WorkspaceView } from '../../../../src/renderer/src/shell/workspace-view'
import { docStatus } from '../../../helpers/workspace-view'

const status = (patch: Partial<DocStatus> = {}): DocStatus =>
  docStatus('source/blog/2026-11-13-rails-upgrade.html.md', {
    assetDir: 'source/blog/2026-11-13-rails-upgrade',
    ...patch,
  })

/** A workspace whose saves leave the statuses given, one per save. */
function workspaceSaving(...after: Array<DocStatus | null>) {
  let current: DocStatus | null = status({ dirty: true })
  const saveCurrent = vi.fn(async () => {
    current = after.length > 0 ? after.shift()! : current
  })
  return {
    saveCurrent,
    getSnapshot: () => ({ current }) as WorkspaceView,
  }
}

describe('flushForPublish', () => {
  it('sends once the save leaves the buffer equal to the disk', async () => {
    const ws = workspaceSaving(status())
    expect(await flushForPublish(ws)).toBe(true)
    expect(ws.saveCurrent).toHaveBeenCalledTimes(1)
  })

  it('saves again when the writer typed during the save', async () => {
    const ws = workspaceSaving(status({ dirty: true }), status())
    expect(await flushForPublish(ws)).toBe(true)
    expect(ws.saveCurrent).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['a conflict', status({ conflict: { diskText: 'x', diskHash: 'h', origin: 'save' } })],
    ['a save error', status({ dirty: true, error: { ja: 'ディスクがいっぱい', en: 'Disk full' } })],
    ['no open post', null],
  ])('stops on %s', async (_, after) => {
    expect(await flushForPublish(workspaceSaving(after))).toBe(false)
  })

  it('gives up when the buffer never settles', async () => {
    const dirty = status({ dirty: true })
    const ws = workspaceSaving(dirty, dirty, dirty, dirty)
    expect(await flushForPublish(ws)).toBe(false)
    expect(ws.saveCurrent).toHaveBeenCalledTimes(3)
  })

  it('sends a read-only post as it is on disk', async () => {
    const ro = status({ readOnly: { ja: '読み取り専用', en: 'Read-only' } })
    expect(await flushForPublish(workspaceSaving(ro))).toBe(true)
  })
})

describe('publishActionsFor', () => {
  const broken = () => Promise.reject(new Error('bridge refused'))
  const portal = {
    publish: {
      status: broken,
      states: broken,
      run: broken,
      update: broken,
      setToken: broken,
      forgetToken: broken,
      setIdentity: broken,
      compare: broken,
      folder: broken,
      returnToBase: broken,
    },
    shell: { openExternal: broken },
    on: () => () => undefined,
  }

  it('turns a call that throws into an error the panel shows', async () => {
    const actions = publishActionsFor(portal)
    const sent = await actions.publish({ path: 'p.md' })
    expect(sent).toMatchObject({ kind: 'error', code: 'unknown', commitKept: false })
    if (sent.kind === 'error') expect(sent.message.ja).toContain('bridge refused')
    expect(await actions.status('p.md')).toMatchObject({ kind: 'error' })
    expect(await actions.update({ path: 'p.md' })).toMatchObject({ kind: 'error' })
    expect(await actions.setToken('github.com', 't')).toMatchObject({ kind: 'error' })
    expect(await actions.compare('p.md')).toMatchObject({ kind: 'error' })
    expect(await actions.setIdentity({ name: 'a', email: 'a@b.c' })).toMatchObject({
      kind: 'error',
    })
    await expect(actions.openExternal('https://example.com/')).resolves.toBeUndefined()
  })

  it('passes the token and host to main as given', async () => {
    const setToken = vi.fn(async () => ({ kind: 'ok' as const, protection: 'weak' as const }))
    const actions = publishActionsFor({ ...portal, publish: { ...portal.publish, setToken } })
    expect(await actions.setToken('127.0.0.1:8080', 'secret')).toEqual({
      kind: 'ok',
      protection: 'weak',
    })
    expect(setToken).toHaveBeenCalledWith({ host: '127.0.0.1:8080', token: 'secret' })
  })
})
