import type { PostDocument } from '../../../shared/post'

/** What the app itself last read or wrote at a path: its hash and its byte format. */
export interface KnownFile {
  /** sha-256 of the bytes, or null when the app last saw the file missing. */
  hash: string | null
  eol: PostDocument['eol']
  bom: boolean
}

/**
 * The app's own knowledge of the files it read or wrote, keyed by real path.
 * The watcher uses it so the app's own saves never come back as "changed on disk", and saves use
 * it to tell the app's own earlier writes from someone else's (D2, D8).
 */
export class KnownFiles {
  private readonly files = new Map<string, KnownFile>()

  /** The last state the app itself read or wrote, if any. */
  get(realPath: string): KnownFile | undefined {
    return this.files.get(realPath)
  }

  /** Records what the app just read or wrote. */
  set(realPath: string, file: KnownFile): void {
    this.files.set(realPath, file)
  }

  /** Forgets a path (e.g. when a repository closes). */
  delete(realPath: string): void {
    this.files.delete(realPath)
  }
}
