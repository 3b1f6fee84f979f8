/** `git write-tree`: turn an index into a tree object. */
import { gitIn, type GitContext } from './core'

/** Writes the index of `ctx` as a tree and returns its id. */
export async function writeTree(ctx: GitContext): Promise<string> {
  return (await gitIn(ctx, ['write-tree'])).stdout.trim()
}
