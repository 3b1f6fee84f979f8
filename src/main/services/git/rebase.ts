/** `git rebase`: replaying the post's unpushed commits onto the base. Aborted on any conflict. */
import { gitIn, type GitContext, type GitResult } from './core'
import { conflictedFiles } from './merge'
import { getRepositoryState } from './rev-parse'

/**
 * Rebases the checked-out branch onto `onto`. On conflict the rebase is aborted at once, so the
 * branch and every file are back as they were, and the conflicted paths are returned.
 * Only for commits that were never pushed: the app never force-pushes a rewritten branch.
 */
export async function rebaseOnto(
  ctx: GitContext,
  onto: string,
): Promise<{ result: GitResult; conflicts: string[] }> {
  const result = await gitIn(ctx, ['rebase', '--no-autostash', onto], {
    expectedErrors: [
      'merge-conflict',
      'uncommitted-changes',
      'would-overwrite',
      'lock-file',
      'rebase-in-progress',
      'unknown',
    ],
  })
  if (
    result.errorKind === 'merge-conflict' ||
    (result.errorKind === 'unknown' && (await rebaseInProgress(ctx)))
  ) {
    const conflicts = await conflictedFiles(ctx)
    await gitIn(ctx, ['rebase', '--abort'])
    return { result: { ...result, errorKind: 'merge-conflict' }, conflicts }
  }
  return { result, conflicts: [] }
}

async function rebaseInProgress(ctx: GitContext): Promise<boolean> {
  return (await getRepositoryState(ctx)).rebasing
}
