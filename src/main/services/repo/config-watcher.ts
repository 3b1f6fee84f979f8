import type { FSWatcher } from 'node:fs'
import { join } from 'node:path'
import { safeWatch, signatureOf } from '../posts/watcher'

/** Dependencies of {@link RepoFileWatcher}. */
export interface RepoFileWatcherDeps {
  /** The file's name at the repository's root (`config.rb`). */
  file: string
  /** Called (debounced) after the file was created, changed or removed. */
  onChange: (root: string) => Promise<void> | void
  /** Quiet time before a burst of file events is acted on. Default 150 ms. */
  debounceMs?: number
  /** Fallback polling for file systems where events are lost; 0 turns it off. Default 2000 ms. */
  pollMs?: number
}

/**
 * Watches one file at the root of the open repository (the Middleman `config.rb` that holds the
 * blog's markdown settings) while the app runs: folder events for the file's name, with polling of
 * its size and time as the fallback. Only the repository set last is watched.
 */
export class RepoFileWatcher {
  private readonly debounceMs: number
  private readonly pollMs: number
  private root: string | null = null
  private watcher: FSWatcher | null = null
  private timer: NodeJS.Timeout | null = null
  private poll: NodeJS.Timeout | null = null
  private signature = 'missing'

  constructor(private readonly deps: RepoFileWatcherDeps) {
    this.debounceMs = deps.debounceMs ?? 150
    this.pollMs = deps.pollMs ?? 2000
  }

  /** Watches the file in `root` (or nothing with null) from now on. */
  async setRoot(root: string | null): Promise<void> {
    this.stop()
    this.root = root
    if (root === null) return
    const path = join(root, this.deps.file)
    const signature = await signatureOf(path)
    if (this.root !== root) return
    this.signature = signature
    this.watcher = safeWatch(root, (filename) => {
      if (filename === null || filename === this.deps.file) this.schedule(root)
    })
    if (this.pollMs > 0) {
      this.poll = setInterval(() => this.schedule(root), this.pollMs)
      this.poll.unref()
    }
  }

  /** Stops watching. */
  dispose(): void {
    this.stop()
    this.root = null
  }

  private schedule(root: string): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.check(root)
    }, this.debounceMs)
    this.timer.unref()
  }

  /** Calls `onChange` when the file's size, time or identity moved since the last look. */
  private async check(root: string): Promise<void> {
    const signature = await signatureOf(join(root, this.deps.file))
    if (this.root !== root || signature === this.signature) return
    this.signature = signature
    await this.deps.onChange(root)
  }

  private stop(): void {
    this.watcher?.close()
    this.watcher = null
    if (this.timer) clearTimeout(this.timer)
    if (this.poll) clearInterval(this.poll)
    this.timer = null
    this.poll = null
  }
}
