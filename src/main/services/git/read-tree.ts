/** `git read-tree`: seed an index (usually a temporary one) from a commit or tree. */
import { gitIn, type GitContext } from './core'

/** Replaces the index of `ctx` with `treeish`'s files, or empties it when `treeish` is null. */
export async function readTree(ctx: GitContext, treeish: string | null): Promise<void> {
  await gitIn(ctx, treeish ? ['read-tree', treeish] : ['read-tree', '--empty'])
}
