/** `git merge` and `git merge-tree`: bringing another branch in, never leaving a half-merged file. */
import { gitIn, type GitContext, type GitResult } from './core'

/** Whether merging `other` into `ours` would conflict, decided without touching any file. */
export type MergePreview =
  { kind: 'clean' } | { kind: 'conflicts'; files: string[] } | { kind: 'unsupported' }

/** Parses `merge-tree --write-tree --name-only --no-messages -z`: the tree id, then conflicted paths. Pure. */
export function parseMergeTree(stdout: string): string[] {
  const fields = stdout.split('\0').filter((f) => f !== '')
  return [...new Set(fields.slice(1))]
}

/**
 * Test-merges in memory (`git merge-tree --write-tree`, git ≥ 2.38): no file in the working tree
 * or the index changes. Older gits answer `unsupported`, and the caller merges and aborts instead.
 */
export async function previewMerge(
  ctx: GitContext,
  ours: string,
  other: string,
): Promise<MergePreview> {
  const r = await gitIn(
    ctx,
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, other],
    {
      successExitCodes: [0, 1],
      expectedErrors: 'all',
      readOnly: true,
    },
  )
  if (r.errorKind) return { kind: 'unsupported' }
  return r.exitCode === 0
    ? { kind: 'clean' }
    : { kind: 'conflicts', files: parseMergeTree(r.stdout) }
}

/** Files git left conflicted, from `git diff --name-only --diff-filter=U -z`. */
export async function conflictedFiles(ctx: GitContext): Promise<string[]> {
  const r = await gitIn(ctx, ['diff', '--name-only', '--diff-filter=U', '-z'], { readOnly: true })
  return r.stdout.split('\0').filter((f) => f !== '')
}

/**
 * Merges `other` into the checked-out branch (fast-forward when possible, else a merge commit
 * with git's default message). On conflict the merge is aborted at once, so every file is back as
 * it was, and the conflicted paths are returned.
 */
export async function mergeInto(
  ctx: GitContext,
  other: string,
): Promise<{ result: GitResult; conflicts: string[]; fastForward: boolean }> {
  const before = (await gitIn(ctx, ['rev-parse', 'HEAD'], { readOnly: true })).stdout.trim()
  const result = await gitIn(ctx, ['merge', '--no-edit', '--no-stat', other], {
    expectedErrors: [
      'merge-conflict',
      'would-overwrite',
      'uncommitted-changes',
      'lock-file',
      'merge-in-progress',
      'unknown',
    ],
  })
  if (result.errorKind === 'merge-conflict') {
    const conflicts = await conflictedFiles(ctx)
    await gitIn(ctx, ['merge', '--abort'])
    return { result, conflicts, fastForward: false }
  }
  if (result.errorKind) return { result, conflicts: [], fastForward: false }
  const after = (await gitIn(ctx, ['rev-parse', 'HEAD^@'], { readOnly: true })).stdout
    .trim()
    .split('\n')
  // A fast-forward makes no merge commit: the new HEAD's parents do not include the old HEAD twice over.
  return { result, conflicts: [], fastForward: !(after.length > 1 && after.includes(before)) }
}

/** Fast-forwards the checked-out branch to `other`; refuses (no change) when that is not possible. */
export function fastForwardTo(ctx: GitContext, other: string): Promise<GitResult> {
  return gitIn(ctx, ['merge', '--ff-only', '--no-stat', other], { expectedErrors: 'all' })
}
