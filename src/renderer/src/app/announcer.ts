/**
 * One live region for the whole window: status changes a sighted writer notices at a glance
 * (saved after a failure or on request, save errors, publishing phases, restored drafts) are said
 * once by a screen reader, never on every keystroke. The window's announcer is one of the
 * controllers: a feature reports its news with `useControllers().announcer.say(text)`.
 */
import type { PublishPhase } from '../../../shared/publish'
import type { SaveState } from '../save/doc-session'
import type { MessageKey } from '../i18n/dictionary'

/** What the live region says now; `id` changes with every announcement, even a repeated one. */
export interface Announcement {
  id: number
  text: string
}

/** The announcer: a tiny store read by the live region with `useSyncExternalStore`. */
export class Announcer {
  private current: Announcement = { id: 0, text: '' }
  private lastAt = -Infinity
  private readonly listeners = new Set<() => void>()

  /** Says `text` once. The same text again within `repeatMs` is dropped (one event, one message). */
  say(text: string, now = Date.now(), repeatMs = 1500): void {
    if (text === '') return
    if (text === this.current.text && now - this.lastAt < repeatMs) return
    this.lastAt = now
    this.current = { id: this.current.id + 1, text }
    for (const l of this.listeners) l()
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** For `useSyncExternalStore`. */
  getSnapshot = (): Announcement => this.current
}

/**
 * What a change of the save state is worth saying, if anything. Unsaved → saving → saved while
 * typing is silent (the toolbar shows it); a failure, a conflict, a read-only file, and the first
 * successful save after one of those, are said.
 */
export function saveNews(prev: SaveState | null, next: SaveState | null): MessageKey | null {
  if (next === null || prev === next) return null
  switch (next) {
    case 'error':
    case 'conflict':
    case 'readonly':
      return `save.${next}`
    case 'saved':
      return prev === 'error' || prev === 'conflict' ? 'save.saved' : null
    case 'unsaved':
    case 'saving':
      return null
  }
}

/** The publishing phase worth saying: only a new phase, not every percent of the same one. */
export function publishNews(prev: PublishPhase | null, next: PublishPhase): PublishPhase | null {
  return prev === next ? null : next
}
