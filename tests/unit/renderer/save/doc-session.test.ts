import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  AUTOSAVE_DELAY_MS,
  DocSession,
  saveStateOf,
  type SaveRequest,
} from '../../../../src/renderer/src/save/doc-session'
import type { SaveResult } from '../../../../src/shared/ipc/contract'
import type { PostDocument } from '../../../../src/shared/post'

/** An in-memory disk with one file, answering like posts:save does. */
function makeDisk(initial: string | null) {
  const hashOf = (t: string) => `h:${t}`
  const disk = {
    text: initial,
    requests: [] as SaveRequest[],
    hashOf,
    gate: null as Promise<void> | null,
    async save(req: SaveRequest): Promise<SaveResult> {
      disk.requests.push(req)
      if (disk.gate) await disk.gate
      const current = disk.text === null ? null : hashOf(disk.text)
      if (!req.force && req.expectedHash !== null && current !== req.expectedHash) {
        return { kind: 'conflict', diskText: disk.text, diskHash: current }
      }
      disk.text = req.text
      return { kind: 'saved', hash: hashOf(req.text) }
    },
  }
  return disk
}

function makeSession(text = 'hello', readOnly = false) {
  const disk = makeDisk(text)
  let buffer = text
  const replaced: Array<[string, string]> = []
  const doc: PostDocument = {
    path: 'source/blog/2025-01-01-a.html.md',
    text,
    hash: disk.hashOf(text),
    eol: 'lf',
    bom: false,
    readOnly: readOnly ? { ja: '読み取り専用', en: 'Read-only' } : null,
    assetDir: 'source/blog/2025-01-01-a',
  }
  let changes = 0
  const session = new DocSession(
    doc,
    {
      text: () => buffer,
      replace: (t, mode) => {
        buffer = t
        replaced.push([t, mode])
      },
    },
    (r) => disk.save(r),
    () => changes++,
  )
  const type = (t: string) => {
    buffer = t
    session.noteEdit()
  }
  return { session, disk, type, replaced, buffer: () => buffer, changes: () => changes }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('DocSession autosave', () => {
  it('saves once, 800 ms after typing pauses, with the hash it loaded', async () => {
    const { session, disk, type } = makeSession('hello')
    type('hello w')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS / 2)
    type('hello wo')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 10)
    expect(disk.requests).toHaveLength(0)
    expect(saveStateOf(session.status)).toBe('unsaved')
    await vi.advanceTimersByTimeAsync(20)
    expect(disk.requests).toEqual([
      { path: session.status.path, text: 'hello wo', expectedHash: 'h:hello' },
    ])
    expect(disk.text).toBe('hello wo')
    expect(saveStateOf(session.status)).toBe('saved')
  })

  it('does not emit a change on every keystroke', () => {
    const { type, changes } = makeSession()
    type('a')
    type('ab')
    type('abc')
    expect(changes()).toBe(1)
  })

  it('serialises writes: typing during a save is saved next, against the new hash', async () => {
    const { session, disk, type } = makeSession('v0')
    let open!: () => void
    disk.gate = new Promise((r) => (open = r))
    type('v1')
    const first = session.save()
    type('v2')
    const second = session.save()
    disk.gate = null
    open()
    await first
    await second
    expect(disk.requests.map((r) => [r.text, r.expectedHash])).toEqual([
      ['v1', 'h:v0'],
      ['v2', 'h:v1'],
    ])
    expect(disk.text).toBe('v2')
    expect(session.status.dirty).toBe(false)
  })

  it('never saves a read-only post', async () => {
    const { session, disk, type } = makeSession('x', true)
    type('xy')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2)
    await session.save({ explicit: true })
    expect(disk.requests).toHaveLength(0)
    expect(saveStateOf(session.status)).toBe('readonly')
  })

  it('keeps the buffer and shows the message when the save fails', async () => {
    const { session, type, buffer } = makeSession('x')
    const failing = new DocSession(
      { path: 'p', text: 'x', hash: 'h:x', eol: 'lf', bom: false, readOnly: null, assetDir: null },
      { text: () => 'mine', replace: () => {} },
      async () => ({ kind: 'error', message: { ja: 'ディスクがいっぱいです', en: 'Disk full' } }),
      () => {},
    )
    failing.noteEdit()
    await failing.save()
    expect(failing.status.error?.en).toBe('Disk full')
    expect(failing.status.dirty).toBe(true)
    expect(saveStateOf(failing.status)).toBe('error')
    type('x2')
    await session.save()
    expect(buffer()).toBe('x2')
  })
})

describe('DocSession conflicts (D2)', () => {
  it('turns a changed file into a choice and overwrites nothing until the writer chooses', async () => {
    const { session, disk, type } = makeSession('base')
    disk.text = 'theirs'
    type('mine')
    await session.save()
    expect(disk.text).toBe('theirs')
    expect(session.status.conflict).toEqual({
      diskText: 'theirs',
      diskHash: 'h:theirs',
      origin: 'save',
    })
    expect(session.status.conflictOpen).toBe(true)
    // Autosave is paused while the choice is pending.
    type('mine!')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3)
    expect(disk.text).toBe('theirs')
  })

  it('"keep mine" saves the buffer over the version the dialog showed, and only that one', async () => {
    const { session, disk, type } = makeSession('base')
    disk.text = 'theirs'
    type('mine')
    await session.save()
    await session.resolve('mine')
    expect(disk.text).toBe('mine')
    expect(disk.requests.at(-1)).toMatchObject({ expectedHash: 'h:theirs', replace: true })
    expect(disk.requests.at(-1)?.force).toBeUndefined()
    expect(session.status.conflict).toBeNull()
    expect(saveStateOf(session.status)).toBe('saved')
  })

  it('"take theirs" loads the disk text as an undoable change and is clean', async () => {
    const { session, disk, type, replaced, buffer } = makeSession('base')
    disk.text = 'theirs'
    type('mine')
    await session.save()
    await session.resolve('theirs')
    expect(buffer()).toBe('theirs')
    expect(replaced).toEqual([['theirs', 'theirs']])
    expect(session.status.dirty).toBe(false)
    // The next edit saves against their hash without a conflict.
    type('theirs + more')
    await session.save()
    expect(disk.text).toBe('theirs + more')
  })

  it('reloads silently when the buffer is clean', () => {
    const { session, replaced } = makeSession('a')
    session.diskChanged({ kind: 'modified', text: 'b', hash: 'h:b' })
    expect(replaced).toEqual([['b', 'reload']])
    expect(session.status.conflict).toBeNull()
    expect(session.status.dirty).toBe(false)
  })

  it('asks when the buffer is dirty', () => {
    const { session, type, replaced } = makeSession('a')
    type('a mine')
    session.diskChanged({ kind: 'modified', text: 'b', hash: 'h:b' })
    expect(replaced).toEqual([])
    expect(session.status.conflict?.origin).toBe('disk')
  })

  it('ignores the watcher echo of its own save, even a late one', async () => {
    const { session, type, replaced } = makeSession('a')
    type('a1')
    await session.save()
    type('a2')
    await session.save()
    session.diskChanged({ kind: 'modified', text: 'a1', hash: 'h:a1' })
    session.diskChanged({ kind: 'modified', text: 'a2', hash: 'h:a2' })
    expect(replaced).toEqual([])
    expect(session.status.conflict).toBeNull()
  })

  it('marks a deleted file missing, keeps the buffer, and saving recreates it (D3)', async () => {
    const { session, disk, type, buffer } = makeSession('a')
    disk.text = null
    session.diskChanged({ kind: 'deleted', text: null, hash: null })
    expect(session.status.missing).toBe(true)
    expect(buffer()).toBe('a')
    // A clean buffer is not written back by autosave or blur…
    await session.save()
    expect(disk.text).toBeNull()
    // …but an explicit save or an edit recreates it.
    type('a + edit')
    await session.save()
    expect(disk.text).toBe('a + edit')
    expect(session.status.missing).toBe(false)
  })
})

describe('DocSession while its file moves (hold)', () => {
  it('writes nothing while held, however long the typing and however explicit the save', async () => {
    const { session, disk, type } = makeSession('hello')
    session.hold()
    type('hello, typed during the move')
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3)
    await session.save({ explicit: true })
    expect(disk.requests).toHaveLength(0)
    expect(session.status.dirty).toBe(true)
  })

  it('a move that did not happen: the edits are autosaved where they were, and the disk news is replayed', async () => {
    const { session, disk, type } = makeSession('hello')
    session.hold()
    type('hello again')
    // The watcher reports the old name gone while the move runs; it only counts if the move failed.
    session.diskChanged({ kind: 'deleted', text: null, hash: null })
    expect(session.status.missing).toBe(false)
    session.release()
    expect(session.status.missing).toBe(true)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 10)
    // Missing: the save recreates the file with the edits (D3), as it would have without a move.
    expect(disk.text).toBe('hello again')
    expect(session.status.dirty).toBe(false)
  })
})
