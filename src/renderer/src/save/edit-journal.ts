/**
 * The renderer's half of crash recovery (RELIABILITY.md D6): journals one open post's unsaved
 * buffer to main within a second of typing, and forgets it once the buffer matches the disk again.
 *
 * A keystroke only notes the time (no timer is reset, no text is read): the buffer is read and sent
 * from a timer task after typing pauses ({@link JOURNAL_QUIET_MS}) or at the latest
 * {@link JOURNAL_MAX_WAIT_MS} after the first edit not yet journaled, never on the keystroke's frame.
 * It runs whatever the save state is: during a pending conflict, a failing disk or a missing file.
 */

import type { RequestOf } from '../../../shared/ipc/contract'

/** Quiet time after the last keystroke before the buffer is journaled (ms). */
export const JOURNAL_QUIET_MS = 300
/** The longest an edit waits to be journaled while typing goes on (ms); under a second. */
export const JOURNAL_MAX_WAIT_MS = 900

/** Where entries go (`window.portal.recovery`). */
export interface JournalBackend {
  write(request: RequestOf<'recovery:write'>): Promise<unknown>
  remove(request: RequestOf<'recovery:remove'>): Promise<unknown>
}

/** What the journal reads when it writes: the buffer, and the disk hash it was based on. */
export interface JournalSource {
  text(): string
  baseHash(): string | null
}

/** Timer functions (tests pass fake ones). */
export interface JournalClock {
  now(): number
  setTimeout(fn: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
  /** Runs `fn` when the page is idle (after the frame's input and rendering), soon anyway. */
  whenIdle(fn: () => void): void
}

const realClock: JournalClock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  whenIdle: (fn) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 200 })
    else fn()
  },
}

/** The name of the User Timing measure of each journal write (the benchmark reads it). */
export const JOURNAL_MEASURE = 'pw:journal-write'

/** Journals one post's unsaved buffer. */
export class EditJournal {
  private firstPending = -1
  private lastEdit = 0
  private timer: unknown = null
  /** Whether main may hold an entry for this post. */
  private stored: boolean
  private readonly clock: JournalClock

  constructor(
    private readonly path: string,
    private readonly source: JournalSource,
    private readonly backend: JournalBackend,
    options: { stored?: boolean; clock?: JournalClock } = {},
  ) {
    this.stored = options.stored ?? false
    this.clock = options.clock ?? realClock
  }

  /** The writer edited the buffer. Cheap: records the time and starts a timer if none runs. */
  noteEdit(): void {
    const now = this.clock.now()
    this.lastEdit = now
    if (this.firstPending < 0) this.firstPending = now
    if (this.timer === null) this.timer = this.clock.setTimeout(this.tick, JOURNAL_QUIET_MS)
  }

  /** The buffer matches the disk again (saved, reloaded, discarded): forget the entry. */
  clean(): void {
    this.cancel()
    this.firstPending = -1
    if (!this.stored) return
    this.stored = false
    void this.backend.remove({ path: this.path }).catch(() => undefined)
  }

  /** Journals now if an edit waits (before a page unload, say). */
  flush(): void {
    if (this.firstPending < 0) return
    this.cancel()
    this.firstPending = -1
    const started = this.clock.now()
    this.stored = true
    // A failed write is retried by the next edit; it must never disturb typing.
    void this.backend
      .write({ path: this.path, text: this.source.text(), baseHash: this.source.baseHash() })
      .catch(() => undefined)
    try {
      performance.measure(JOURNAL_MEASURE, { start: started, end: this.clock.now() })
    } catch {
      // User Timing is diagnostics only.
    }
  }

  /** Stops the timer (the post was closed); the entry stays for the next start. */
  dispose(): void {
    this.cancel()
  }

  private readonly tick = (): void => {
    this.timer = null
    if (this.firstPending < 0) return
    const now = this.clock.now()
    const wait = Math.min(
      this.lastEdit + JOURNAL_QUIET_MS - now,
      this.firstPending + JOURNAL_MAX_WAIT_MS - now,
    )
    if (wait > 0) {
      this.timer = this.clock.setTimeout(this.tick, wait)
      return
    }
    // Not on a keystroke's frame: after the browser has handled input and painted.
    this.clock.whenIdle(() => this.flush())
  }

  private cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer)
    this.timer = null
  }
}
