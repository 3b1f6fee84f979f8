import type { PortalApi } from '../../../shared/ipc/contract'
import type { AssetFile } from '../../../shared/ipc/metadata'

/** The files of one post's asset folder (null when they could not be listed). */
export interface ListedAssets {
  path: string
  files: AssetFile[] | null
}

/**
 * The open post's asset files, shared by whoever judges or writes image names (the metadata
 * form's validation, the eyecatch studio). One list, so an export can update it before it names
 * the new file in the front matter, and nothing ever flags a file that is there.
 */
export class PostAssets {
  private listed: ListedAssets | null = null
  private seq = 0
  private readonly listeners = new Set<() => void>()

  constructor(private readonly api: Pick<PortalApi, 'metadata'>) {}

  /** Subscribes to list changes (for `useSyncExternalStore`). */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The last list (of whichever post it was made for: check `path`). */
  readonly getSnapshot = (): ListedAssets | null => this.listed

  /** Lists `path`'s asset folder again; resolves once the new list is published. */
  async refresh(path: string): Promise<void> {
    const seq = ++this.seq
    let files: AssetFile[] | null
    try {
      const r = await this.api.metadata.assets({ path })
      files = r.kind === 'ok' ? r.files : null
    } catch {
      files = null
    }
    // Only the latest request counts when posts are switched quickly.
    if (seq !== this.seq) return
    this.listed = { path, files }
    for (const l of this.listeners) l()
  }
}
