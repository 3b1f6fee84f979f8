/** `git switch`: move the working folder to a branch — only ever on the writer's explicit request. */
import { gitIn, type GitContext, type GitResult } from './core'

/**
 * Switches the working folder to an existing branch. git carries uncommitted changes along and
 * refuses (`would-overwrite`) rather than overwrite any of them; nothing is stashed or reset.
 */
export function switchTo(ctx: GitContext, branch: string): Promise<GitResult> {
  return gitIn(ctx, ['switch', '--no-guess', branch], {
    expectedErrors: ['would-overwrite', 'lock-file', 'merge-in-progress', 'unknown'],
  })
}
