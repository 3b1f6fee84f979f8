import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../fs/atomic-file'
import { makeFolder } from '../fs/make-folder'

/** One version of a post that a save replaced, kept in the app's data folder (D2). */
export const backupEntrySchema = z.object({
  /** Repository-relative path of the post. */
  path: z.string(),
  /** The repository's folder, so entries of different repositories stay apart. */
  repo: z.string(),
  /** sha-256 of the replaced bytes. */
  hash: z.string(),
  /** When it was replaced (ISO 8601). */
  savedAt: z.string(),
  /** Absolute path of the kept copy. */
  file: z.string(),
})
/** One entry of the conflict history. */
export type BackupEntry = z.infer<typeof backupEntrySchema>

const historySchema = z.object({ version: z.literal(1), entries: z.array(backupEntrySchema) })

/** File name of the conflict history inside the backup folder. */
export const HISTORY_FILE = 'history.json'
/** Entries kept in the history (the oldest go first; their copies stay on disk). */
const MAX_ENTRIES = 500

/**
 * Keeps every version of a post that a save replaced without the app having written it (someone
 * else's change overwritten by "keep mine"), as a copy in the app's data folder, and lists them in
 * the conflict history (`history.json`). Never throws for an expected failure: a backup that cannot
 * be written stops the save instead (see PostsService), so nothing is lost silently.
 */
export class BackupStore {
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps `bytes` (the version about to be replaced) and lists it; null when it could not be written. */
  keep(repo: string, path: string, bytes: Uint8Array, hash: string): Promise<BackupEntry | null> {
    const run = this.queue.then(() => this.keepNow(repo, path, bytes, hash))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** The conflict history, newest first (optionally of one post). */
  async history(filter: { repo?: string; path?: string } = {}): Promise<BackupEntry[]> {
    const all = await this.read()
    return all
      .filter((e) => (filter.repo ?? e.repo) === e.repo && (filter.path ?? e.path) === e.path)
      .reverse()
  }

  private async read(): Promise<BackupEntry[]> {
    try {
      const parsed = historySchema.safeParse(
        JSON.parse(await readFile(join(this.dir, HISTORY_FILE), 'utf8')),
      )
      return parsed.success ? parsed.data.entries : []
    } catch {
      return []
    }
  }

  private async keepNow(
    repo: string,
    path: string,
    bytes: Uint8Array,
    hash: string,
  ): Promise<BackupEntry | null> {
    const savedAt = new Date(this.now()).toISOString()
    const repoKey = createHash('sha256').update(repo).digest('hex').slice(0, 12)
    const stamp = savedAt.replace(/[:.]/g, '-')
    const file = join(this.dir, repoKey, `${stamp}-${hash.slice(0, 12)}-${basename(path)}`)
    try {
      await makeFolder(join(this.dir, repoKey))
    } catch {
      return null
    }
    const written = await writeFileAtomic(file, bytes)
    if (written.kind === 'error') return null
    const entry: BackupEntry = { path, repo, hash, savedAt, file }
    const entries = [...(await this.read()), entry].slice(-MAX_ENTRIES)
    const history = `${JSON.stringify({ version: 1, entries }, null, 2)}\n`
    const listed = await writeFileAtomic(join(this.dir, HISTORY_FILE), history)
    return listed.kind === 'ok' ? entry : null
  }
}
