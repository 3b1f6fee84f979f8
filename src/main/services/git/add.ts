/** `git add`: stage files from the working folder into an index (filters such as LFS apply). */
import { gitIn, type GitContext, type GitResult } from './core'
import { pathspecInput } from './pathspec'

/**
 * Stages exactly these paths (additions, changes and deletions), nothing else. Paths are literal
 * (GIT_LITERAL_PATHSPECS) and go through stdin, so no file name is read as an option or a pattern.
 */
export function addPaths(ctx: GitContext, paths: readonly string[]): Promise<GitResult> {
  return gitIn(ctx, ['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
    stdin: pathspecInput(paths),
    expectedErrors: ['lock-file'],
  })
}
