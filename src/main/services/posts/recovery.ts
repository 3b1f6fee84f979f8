/**
 * The crash-recovery journal (RELIABILITY.md D6): the renderer sends each open post's unsaved
 * buffer here within a second of typing; it lives in the app's data folder until the post is saved
 * (or the writer discards it), so a renderer crash, an app crash or a kill loses nothing.
 *
 * Layout: `<dataDir>/recovery/<hash of repo root>/<hash of post path>.json`, each holding the
 * repository root, the post path, the text, the hash of the disk bytes the buffer was based on and
 * the time it was written. Names are hashes, so no path typed by anyone becomes a file name here.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { RecoveredEdit } from '../../../shared/ipc/recovery'
import { AtomicWriter, writeFileAtomic } from '../fs/atomic-file'
import { checkRelativePath } from '../fs/paths'
import { codeOf } from '../fs/file-facts'

/** What the journal keeps for one post. */
export interface JournalEntry {
  version: 1
  repoRoot: string
  /** Repository-relative post path with `/`. */
  path: string
  text: string
  /** sha-256 of the disk bytes the buffer was based on; null when the file did not exist. */
  baseHash: string | null
  /** When it was written (ms since the epoch). */
  savedAt: number
}

/** Expected failures of the journal, as values. */
export type JournalResult = { kind: 'ok' } | { kind: 'error'; code: string }

/** Dependencies of {@link RecoveryJournal}. */
export interface RecoveryJournalDeps {
  /** The app's data folder; the journal lives in its `recovery/` folder. */
  dataDir: string
  /** Serializes writes per file (shared with the rest of main, or a fresh one). */
  writer?: AtomicWriter
  /** The clock (tests pass a fixed one). */
  now?: () => number
}

function digest(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 24)
}

function isEntry(value: unknown): value is JournalEntry {
  const v = value as Partial<JournalEntry> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    v.version === 1 &&
    typeof v.repoRoot === 'string' &&
    typeof v.path === 'string' &&
    typeof v.text === 'string' &&
    (typeof v.baseHash === 'string' || v.baseHash === null) &&
    typeof v.savedAt === 'number'
  )
}

/** Journals unsaved buffers per repository and post, in the app's data folder. */
export class RecoveryJournal {
  private readonly writer: AtomicWriter
  private readonly now: () => number

  constructor(private readonly deps: RecoveryJournalDeps) {
    this.writer = deps.writer ?? new AtomicWriter()
    this.now = deps.now ?? Date.now
  }

  /** The folder of one repository's entries. */
  folderOf(repoRoot: string): string {
    return join(this.deps.dataDir, 'recovery', digest(repoRoot))
  }

  /** The file of one post's entry. */
  fileOf(repoRoot: string, path: string): string {
    return join(this.folderOf(repoRoot), `${digest(path)}.json`)
  }

  /**
   * Writes (replaces) a post's entry atomically. Writes and removals of one post run in call
   * order, so a removal after a save always wins over the write before it.
   */
  async write(
    repoRoot: string,
    path: string,
    text: string,
    baseHash: string | null,
  ): Promise<JournalResult> {
    const checked = checkRelativePath(path)
    if (checked.kind === 'refused') return { kind: 'error', code: 'EINVAL' }
    const entry: JournalEntry = {
      version: 1,
      repoRoot,
      path: checked.relPath,
      text,
      baseHash,
      savedAt: this.now(),
    }
    const file = this.fileOf(repoRoot, checked.relPath)
    return this.writer.exclusive(file, async () => {
      try {
        await mkdir(this.folderOf(repoRoot), { recursive: true, mode: 0o700 })
      } catch (error) {
        return { kind: 'error', code: codeOf(error) }
      }
      // Already inside this file's turn: write directly (the writer's `write` would queue behind it).
      const written = await writeFileAtomic(file, JSON.stringify(entry), { mode: 0o600 })
      return written.kind === 'ok' ? written : { kind: 'error', code: written.code }
    })
  }

  /** Removes a post's entry (saved, or discarded by the writer). Absent is fine. */
  remove(repoRoot: string, path: string): Promise<JournalResult> {
    const checked = checkRelativePath(path)
    if (checked.kind === 'refused') return Promise.resolve({ kind: 'error', code: 'EINVAL' })
    const file = this.fileOf(repoRoot, checked.relPath)
    return this.writer.exclusive(file, async () => {
      try {
        await rm(file, { force: true })
        return { kind: 'ok' }
      } catch (error) {
        return { kind: 'error', code: codeOf(error) }
      }
    })
  }

  /**
   * Every entry of a repository, oldest first. Unreadable or foreign files are skipped (a torn
   * file cannot exist: writes are atomic); the app's own temp files are ignored.
   */
  async list(repoRoot: string): Promise<RecoveredEdit[]> {
    const folder = this.folderOf(repoRoot)
    const names = await readdir(folder).catch(() => [] as string[])
    const entries: RecoveredEdit[] = []
    for (const name of names) {
      if (!/^[0-9a-f]{24}\.json$/.test(name)) continue
      const file = join(folder, name)
      const parsed: unknown = await this.writer
        .exclusive(file, () => readFile(file, 'utf8'))
        .then((t) => JSON.parse(t) as unknown)
        .catch(() => null)
      if (!isEntry(parsed) || parsed.repoRoot !== repoRoot) continue
      entries.push({
        path: parsed.path,
        text: parsed.text,
        baseHash: parsed.baseHash,
        savedAt: parsed.savedAt,
      })
    }
    return entries.sort((a, b) => a.savedAt - b.savedAt || a.path.localeCompare(b.path))
  }

  /** Resolves when every queued write and removal has finished. */
  idle(): Promise<void> {
    return this.writer.idle()
  }
}
