/** `git rm --cached`: drop paths from an index without touching the files on disk. */
import { gitIn, type GitContext } from './core'
import { pathspecInput } from './pathspec'

/** Removes these paths (folders recursively) from the index; the working folder is untouched. */
export async function removeFromIndex(ctx: GitContext, paths: readonly string[]): Promise<void> {
  if (paths.length === 0) return
  await gitIn(
    ctx,
    [
      'rm',
      '--cached',
      // The index is usually a temporary one: compare nothing with HEAD, just drop the entries.
      '-f',
      '-r',
      '-q',
      '--ignore-unmatch',
      '--pathspec-from-file=-',
      '--pathspec-file-nul',
    ],
    { stdin: pathspecInput(paths) },
  )
}
