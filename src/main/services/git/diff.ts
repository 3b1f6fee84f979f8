/** `git diff`: which paths differ between a commit and the working tree. */
import { gitIn, type GitContext } from './core'

/**
 * Paths (relative to the top of the work tree) whose working-tree content differs from `commit`:
 * committed, staged and unstaged changes, deletions included; renames as a deletion and an addition.
 */
export async function pathsChangedSince(ctx: GitContext, commit: string): Promise<string[]> {
  const r = await gitIn(
    ctx,
    ['diff', '--name-only', '--no-relative', '--no-renames', '-z', commit],
    {
      readOnly: true,
    },
  )
  return r.stdout.split('\0').filter((p) => p !== '')
}
