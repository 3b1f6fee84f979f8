/** `git update-index`: set or drop single index entries (in a temporary index, for merges). */
import { gitIn, type GitContext } from './core'
import type { TreeFile } from './ls-tree'

/** Points `path` at an existing blob with its mode, or removes it from the index (null). */
export async function setIndexEntry(
  ctx: GitContext,
  path: string,
  file: TreeFile | null,
): Promise<void> {
  if (file)
    await gitIn(ctx, ['update-index', '--add', '--cacheinfo', `${file.mode},${file.oid},${path}`])
  else await gitIn(ctx, ['update-index', '--force-remove', '--', path])
}
