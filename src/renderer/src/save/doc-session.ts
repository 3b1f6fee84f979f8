import type { EventPayload, RequestOf, SaveResult } from '../../../shared/ipc/contract'
import { msg } from '../../../shared/localized'
import type { PostDocument } from '../../../shared/post'
import type { DocStatus } from '../shell/workspace-view'

/** Quiet time after the last keystroke before an autosave (ms). */
export const AUTOSAVE_DELAY_MS = 800

/** How many of our own recent writes are remembered, to recognise their watcher echoes. */
const OWN_WRITES_KEPT = 8

/** The editing buffer of one post, as the session sees it. */
export interface BufferAccess {
  /** The text in the editor now. */
  text(): string
  /** Replaces the text without counting as the writer's edit. `theirs` stays undoable. */
  replace(text: string, mode: 'reload' | 'theirs'): void
}

/** The save request the session sends (the `posts:save` channel). */
export type SaveRequest = RequestOf<'posts:save'>

/** Where the session saves to. */
export type SaveBackend = (request: SaveRequest) => Promise<SaveResult>

/** A change seen on disk by main's watcher (`post:changed-on-disk`). */
export type DiskChange = Omit<EventPayload<'post:changed-on-disk'>, 'path'>

/** Summary of a {@link DocStatus} for the toolbar. */
export type SaveState = 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict' | 'readonly'

/** Whether edits exist that are not on disk and cannot get there now (a waiting conflict, failing saves). */
export function isNotSaved(s: DocStatus): boolean {
  return s.dirty && (s.conflict !== null || s.error !== null)
}

/** Collapses a status to the one state the toolbar shows. */
export function saveStateOf(s: DocStatus): SaveState {
  if (s.readOnly) return 'readonly'
  if (s.conflict) return 'conflict'
  if (s.saving) return 'saving'
  if (s.error) return 'error'
  return s.dirty ? 'unsaved' : 'saved'
}

/**
 * One open post: tracks what is on disk, autosaves after typing pauses, serialises writes, and turns
 * conflicts and external changes into a choice for the writer. Nothing is overwritten silently and
 * the buffer is never dropped.
 */
export class DocSession {
  private baseHash: string | null
  private diskText: string
  private editVersion = 0
  private savedVersion = 0
  private inFlight: Promise<void> | null = null
  private again: { force: boolean } | null = null
  /** Set while "keep mine" saves: the disk version the dialog showed, the only one it may replace. */
  private replacing: { hash: string | null } | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private readonly ownWrites: string[] = []
  /** Set while the file is being moved: nothing is written, disk changes wait (see {@link hold}). */
  private held: DiskChange[] | null = null
  private state: DocStatus

  constructor(
    doc: PostDocument,
    private readonly buffer: BufferAccess,
    private readonly backend: SaveBackend,
    private readonly onChange: () => void,
  ) {
    this.baseHash = doc.hash
    this.diskText = doc.text
    this.state = {
      path: doc.path,
      dirty: false,
      saving: false,
      error: null,
      missing: false,
      readOnly: doc.readOnly,
      notice: doc.notice ?? null,
      conflict: null,
      conflictOpen: false,
      assetDir: doc.assetDir,
    }
  }

  /** The current status (a new object whenever something changed). */
  get status(): DocStatus {
    return this.state
  }

  /** The hash of the disk bytes the buffer is based on (null: the file is gone). */
  get basedOn(): string | null {
    return this.baseHash
  }

  /**
   * The buffer holds edits restored from the crash-recovery journal (D6): dirty, but not
   * autosaved until the writer edits or saves, so they can still be compared and discarded.
   */
  markRestored(): void {
    this.editVersion++
    this.update({ dirty: true })
  }

  /** Replaces the buffer with the disk's text (the writer discarded the edits); the post is clean. */
  reload(text: string, hash: string): void {
    this.cancelAutosave()
    this.buffer.replace(text, 'theirs')
    this.adoptDisk(text, hash)
    this.update({ missing: false, error: null, conflict: null, conflictOpen: false })
  }

  /**
   * The file is about to move: until {@link release}, edits are kept in the buffer but never
   * written (a write would recreate the old name), and the watcher's news of the old name waits.
   */
  hold(): void {
    this.cancelAutosave()
    this.held ??= []
  }

  /** The move did not happen: the session goes on where it was, with what waited replayed. */
  release(): void {
    const waiting = this.held
    if (!waiting) return
    this.held = null
    for (const change of waiting) this.diskChanged(change)
    if (this.state.dirty) this.scheduleAutosave()
  }

  /** The writer changed the buffer: mark dirty and (re)start the autosave timer. */
  noteEdit(): void {
    this.editVersion++
    this.update({ dirty: true })
    this.scheduleAutosave()
  }

  /**
   * Saves now if there is something to save. `force` overwrites the disk (the writer chose "keep
   * mine"); `explicit` (Mod-s) also recreates a file that vanished even when the buffer is clean.
   */
  async save(options: { force?: boolean; explicit?: boolean } = {}): Promise<void> {
    this.cancelAutosave()
    if (this.state.readOnly || this.held) return
    if (this.state.conflict && !options.force && !this.replacing) return
    if (this.inFlight) {
      this.again = { force: (this.again?.force ?? false) || (options.force ?? false) }
      return this.inFlight
    }
    const chosen = options.force || this.replacing !== null
    if (!this.state.dirty && !chosen && !(this.state.missing && options.explicit)) return
    this.inFlight = this.write(options.force ?? false)
    try {
      await this.inFlight
    } finally {
      this.inFlight = null
    }
    const again = this.again
    this.again = null
    if (again && (this.state.dirty || again.force)) await this.save(again)
  }

  /** Waits for any write in progress (used before switching repositories). */
  async settle(): Promise<void> {
    while (this.inFlight) await this.inFlight
  }

  /** Main's watcher saw the file change or vanish. */
  diskChanged(change: DiskChange): void {
    if (this.held) {
      this.held.push(change)
      return
    }
    if (this.inFlight) {
      // Decide after our own write finished: the change may be its echo.
      void this.inFlight.then(() => this.diskChanged(change))
      return
    }
    if (change.kind === 'deleted') {
      this.baseHash = null
      this.update({ missing: true })
      return
    }
    if (change.text === null || change.hash === null) return
    if (
      change.hash === this.baseHash ||
      this.ownWrites.includes(change.hash) ||
      change.text === this.diskText
    ) {
      if (change.text === this.diskText) this.baseHash = change.hash
      if (this.state.missing) this.update({ missing: false })
      return
    }
    if (!this.state.dirty) {
      this.buffer.replace(change.text, 'reload')
      this.adoptDisk(change.text, change.hash)
      this.update({ missing: false, error: null })
      return
    }
    this.cancelAutosave()
    this.update({
      conflict: { diskText: change.text, diskHash: change.hash, origin: 'disk' },
      conflictOpen: true,
      missing: false,
    })
  }

  /** The writer's choice in the conflict dialog. Until then both versions are kept. */
  async resolve(choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = this.state.conflict
    if (!conflict) return
    if (choice === 'theirs') {
      if (conflict.diskText === null || conflict.diskHash === null) return
      this.buffer.replace(conflict.diskText, 'theirs')
      this.adoptDisk(conflict.diskText, conflict.diskHash)
      this.update({ conflict: null, conflictOpen: false, error: null })
      return
    }
    // Saved only if the disk still has the version the dialog showed; otherwise the dialog
    // comes back with the newer one. Main keeps the replaced version as a backup.
    this.update({ conflictOpen: false })
    this.replacing = { hash: conflict.diskHash }
    try {
      await this.save()
    } finally {
      this.replacing = null
    }
  }

  /** Opens or closes the conflict dialog without choosing (the banner keeps the choice pending). */
  setConflictOpen(open: boolean): void {
    if (this.state.conflict) this.update({ conflictOpen: open })
  }

  /** Stops timers; the session is being closed. */
  dispose(): void {
    this.cancelAutosave()
  }

  private async write(force: boolean): Promise<void> {
    const text = this.buffer.text()
    const version = this.editVersion
    const replacing = this.replacing
    this.update({ saving: true })
    let result: SaveResult
    try {
      result = await this.backend({
        path: this.state.path,
        text,
        expectedHash: replacing ? replacing.hash : this.state.missing ? null : this.baseHash,
        ...(force ? { force: true } : {}),
        ...(replacing ? { replace: true } : {}),
      })
    } catch (e) {
      result = {
        kind: 'error',
        message: msg(
          `保存できませんでした（${String(e)}）。編集内容はそのまま残っています。`,
          `Could not save (${String(e)}). Your edits are kept.`,
        ),
      }
    }
    switch (result.kind) {
      case 'saved':
        this.ownWrites.push(result.hash)
        if (this.ownWrites.length > OWN_WRITES_KEPT) this.ownWrites.shift()
        this.baseHash = result.hash
        this.diskText = text
        this.savedVersion = version
        this.update({
          saving: false,
          error: null,
          missing: false,
          conflict: null,
          conflictOpen: false,
          dirty: this.editVersion !== version,
          ...(result.backup ? { backups: [...(this.state.backups ?? []), result.backup] } : {}),
        })
        return
      case 'conflict':
        if (result.diskText === null) {
          // The file is gone: the buffer is the only copy, and saving recreates it (D3).
          this.baseHash = null
          this.update({ saving: false, missing: true })
          if (!force) this.again = { force: true }
          return
        }
        // Also after "keep mine" when the disk changed again: the dialog shows the newer version.
        this.update({
          saving: false,
          conflict: { diskText: result.diskText, diskHash: result.diskHash, origin: 'save' },
          conflictOpen: true,
        })
        return
      case 'error':
        this.update({ saving: false, error: result.message })
        return
    }
  }

  private adoptDisk(text: string, hash: string): void {
    this.diskText = text
    this.baseHash = hash
    this.savedVersion = this.editVersion
    this.update({ dirty: false })
  }

  private scheduleAutosave(): void {
    this.cancelAutosave()
    if (this.state.readOnly || this.state.conflict || this.held) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.save()
    }, AUTOSAVE_DELAY_MS)
  }

  private cancelAutosave(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private update(patch: Partial<DocStatus>): void {
    const next = { ...this.state, ...patch }
    const changed = (Object.keys(patch) as Array<keyof DocStatus>).some(
      (k) => next[k] !== this.state[k],
    )
    if (!changed) return
    this.state = next
    this.onChange()
  }
}
