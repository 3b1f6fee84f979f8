import type { PortalApi } from '../../../shared/ipc/contract'
import type { PostDocument } from '../../../shared/post'
import { DocSession } from '../save/doc-session'
import { EditJournal } from '../save/edit-journal'

/** What the workspace needs from the editor: buffers per post. */
export interface EditorPort {
  load(path: string, text: string, readOnly: boolean): void
  show(path: string | null): void
  text(path: string): string
  replace(path: string, text: string, mode: 'reload' | 'theirs'): void
  /** Gives a post's buffer, undo history included, to its new path. */
  rename(from: string, to: string): void
  /** Drops one post's buffer (its file is gone). */
  forget(path: string): void
  forgetAll(): void
}

/**
 * The open posts: one {@link DocSession} (saving) and one {@link EditJournal} (crash recovery)
 * per post, on the editor's buffer of that post.
 */
export class PostSessions {
  private readonly sessions = new Map<string, DocSession>()
  private readonly journals = new Map<string, EditJournal>()

  constructor(
    private readonly api: Pick<PortalApi, 'posts' | 'recovery'>,
    private readonly editor: EditorPort,
    /** Called when a session's status changed. */
    private readonly changed: (path: string) => void,
  ) {}

  /** The session of `path`, if it is open. */
  get(path: string): DocSession | undefined {
    return this.sessions.get(path)
  }

  /** The journal of `path`, if it is open. */
  journal(path: string): EditJournal | undefined {
    return this.journals.get(path)
  }

  /** Whether `path` is open. */
  has(path: string): boolean {
    return this.sessions.has(path)
  }

  /** Every open session with its path. */
  entries(): Array<[string, DocSession]> {
    return [...this.sessions]
  }

  /** Opens a session (and its journal) on a buffer holding `text`. */
  add(path: string, doc: PostDocument, text: string, stored = false): DocSession {
    this.editor.load(path, text, doc.readOnly !== null)
    return this.attach(path, doc, stored)
  }

  /**
   * The post's file moved to `doc.path` (same bytes): the buffer follows with its undo history,
   * and a new session and journal take it over there. Whatever was typed while the file moved
   * differs from `doc.text` and is saved at the new path like any edit.
   */
  move(from: string, doc: PostDocument): DocSession {
    this.sessions.get(from)?.dispose()
    this.journals.get(from)?.clean()
    this.sessions.delete(from)
    this.journals.delete(from)
    this.editor.rename(from, doc.path)
    const session = this.attach(doc.path, doc, false)
    if (this.editor.text(doc.path) !== doc.text) {
      session.noteEdit()
      this.journals.get(doc.path)?.noteEdit()
    }
    return session
  }

  private attach(path: string, doc: PostDocument, stored: boolean): DocSession {
    const session = new DocSession(
      doc,
      {
        text: () => this.editor.text(path),
        replace: (t, mode) => this.editor.replace(path, t, mode),
      },
      (req) => this.api.posts.save(req),
      () => this.changed(path),
    )
    this.sessions.set(path, session)
    const journal = new EditJournal(
      path,
      { text: () => this.editor.text(path), baseHash: () => session.basedOn },
      this.api.recovery,
      { stored },
    )
    this.journals.set(path, journal)
    return session
  }

  /** Closes one post (it moved or its file is gone): its session, journal and buffer. */
  drop(path: string): void {
    this.sessions.get(path)?.dispose()
    this.sessions.delete(path)
    this.journals.delete(path)
    this.editor.forget(path)
  }

  /** Journals what waits in every post now. */
  flushJournals(): void {
    for (const j of this.journals.values()) j.flush()
  }

  /** Waits for every save in flight. */
  async settle(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.settle()))
  }

  /** Closes every post and forgets every buffer (another repository). */
  clear(): void {
    this.dispose()
    this.sessions.clear()
    this.journals.clear()
    this.editor.forgetAll()
  }

  /** Stops every session's and journal's timers. */
  dispose(): void {
    for (const s of this.sessions.values()) s.dispose()
    for (const j of this.journals.values()) j.dispose()
  }
}
