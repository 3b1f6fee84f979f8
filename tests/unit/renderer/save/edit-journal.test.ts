import { describe, expect, it } from 'vitest'
import {
  EditJournal,
  JOURNAL_MAX_WAIT_MS,
  JOURNAL_QUIET_MS,
  type JournalClock,
} from '../../../../src/renderer/src/save/edit-journal'

/** A clock whose timers run only when the test advances time. */
function fakeClock() {
  let now = 0
  let next = 1
  const timers = new Map<number, { at: number; fn: () => void }>()
  const clock: JournalClock = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = next++
      timers.set(id, { at: now + ms, fn })
      return id
    },
    clearTimeout: (id) => timers.delete(id as number),
    whenIdle: (fn) => fn(),
  }
  const advance = (ms: number) => {
    const end = now + ms
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0]
      if (!due) break
      timers.delete(due[0])
      now = due[1].at
      due[1].fn()
    }
    now = end
  }
  return { clock, advance, pending: () => timers.size }
}

function setup(options: { stored?: boolean } = {}) {
  const { clock, advance, pending } = fakeClock()
  const calls: Array<{ op: 'write' | 'remove'; text?: string; baseHash?: string | null }> = []
  let text = 'v0'
  let base: string | null = 'h0'
  let reads = 0
  const journal = new EditJournal(
    'source/blog/a.html.md',
    {
      text: () => {
        reads++
        return text
      },
      baseHash: () => base,
    },
    {
      write: async (r) => void calls.push({ op: 'write', text: r.text, baseHash: r.baseHash }),
      remove: async () => void calls.push({ op: 'remove' }),
    },
    { clock, ...options },
  )
  return {
    journal,
    calls,
    advance,
    pending,
    reads: () => reads,
    type: (t: string) => {
      text = t
      journal.noteEdit()
    },
    setBase: (h: string | null) => (base = h),
  }
}

describe('EditJournal', () => {
  it('journals the buffer once typing pauses, and never reads it on a keystroke', () => {
    const j = setup()
    j.type('v1')
    j.type('v2')
    expect(j.reads()).toBe(0)
    expect(j.calls).toEqual([])
    j.advance(JOURNAL_QUIET_MS)
    expect(j.calls).toEqual([{ op: 'write', text: 'v2', baseHash: 'h0' }])
    expect(j.reads()).toBe(1)
  })

  it('journals within a second even while typing never pauses', () => {
    const j = setup()
    for (let t = 0; t < 3000; t += 50) {
      j.type(`at ${t}`)
      j.advance(50)
    }
    const writes = j.calls.filter((c) => c.op === 'write')
    // One write at most every JOURNAL_MAX_WAIT_MS, so 3 s of typing gives 3 or 4.
    expect(writes.length).toBeGreaterThanOrEqual(3)
    expect(writes.length).toBeLessThanOrEqual(4)
    expect(JOURNAL_MAX_WAIT_MS).toBeLessThan(1000)
  })

  it('keeps one timer however fast the keys come', () => {
    const j = setup()
    for (let i = 0; i < 100; i++) j.type(`k${i}`)
    expect(j.pending()).toBe(1)
  })

  it('sends the disk hash the buffer is based on at the time of writing', () => {
    const j = setup()
    j.type('v1')
    j.setBase(null)
    j.advance(JOURNAL_QUIET_MS)
    expect(j.calls).toEqual([{ op: 'write', text: 'v1', baseHash: null }])
  })

  it('clean() cancels a pending write and removes the entry only if one was written', () => {
    const j = setup()
    j.type('v1')
    j.journal.clean()
    j.advance(2000)
    expect(j.calls).toEqual([])
    j.type('v2')
    j.advance(JOURNAL_QUIET_MS)
    j.journal.clean()
    j.journal.clean()
    expect(j.calls.map((c) => c.op)).toEqual(['write', 'remove'])
  })

  it('a restored entry is removed on clean without a write first', () => {
    const j = setup({ stored: true })
    j.journal.clean()
    expect(j.calls).toEqual([{ op: 'remove' }])
  })

  it('flush() writes what waits at once (page hide); dispose() stops the timer and keeps the entry', () => {
    const j = setup()
    j.type('v1')
    j.journal.flush()
    expect(j.calls).toEqual([{ op: 'write', text: 'v1', baseHash: 'h0' }])
    j.journal.flush()
    expect(j.calls).toHaveLength(1)
    j.type('v2')
    j.journal.dispose()
    j.advance(2000)
    expect(j.calls).toHaveLength(1)
  })

  it('a failing backend never throws into typing', async () => {
    const { clock, advance } = fakeClock()
    const journal = new EditJournal(
      'a.md',
      { text: () => 'x', baseHash: () => null },
      {
        write: () => Promise.reject(new Error('ENOSPC')),
        remove: () => Promise.reject(new Error('x')),
      },
      { clock },
    )
    journal.noteEdit()
    expect(() => advance(JOURNAL_QUIET_MS)).not.toThrow()
    expect(() => journal.clean()).not.toThrow()
    await new Promise((r) => setTimeout(r, 0))
  })
})
