/**
 * For `portal-writer check --changed`: the files a branch changed since it left its base, including
 * uncommitted and untracked ones — `merge-base`, `diff` and `ls-files` composed, each in its own file.
 */
import type { GitContext } from './core'
import { pathsChangedSince } from './diff'
import { untrackedFiles } from './ls-files'
import { mergeBase } from './merge-base'
import { prefixInWorkTree, resolveCommit } from './rev-parse'

/** Result of looking for the changed files. */
export type ChangedFiles =
  | { kind: 'ok'; base: string; mergeBase: string; paths: string[] }
  | { kind: 'no-base'; base: string }
  | { kind: 'not-a-repository' }

/**
 * Paths (relative to `ctx.cwd`, which may be below the top of the work tree) that differ between
 * the merge base of the base (`requested`, else the default above) and HEAD and the working tree:
 * committed, staged, unstaged and untracked changes; deleted files included.
 */
export async function changedFiles(
  ctx: GitContext,
  requested: string | null,
  baseBranch: string,
): Promise<ChangedFiles> {
  // Paths come relative to the top of the work tree; the caller's folder may be below it.
  const prefix = await prefixInWorkTree(ctx)
  if (prefix === null) return { kind: 'not-a-repository' }
  // Without a base: `origin/<baseBranch>` when it exists (a CI checkout has no local base
  // branch), else `<baseBranch>`.
  const remote = `origin/${baseBranch}`
  const base = requested ?? ((await resolveCommit(ctx, remote)) ? remote : baseBranch)
  if (!(await resolveCommit(ctx, base))) return { kind: 'no-base', base }
  const found = await mergeBase(ctx, base, 'HEAD')
  if (found === null) return { kind: 'no-base', base }
  const [diff, untracked] = await Promise.all([pathsChangedSince(ctx, found), untrackedFiles(ctx)])
  const paths = new Set(
    [...diff, ...untracked].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)),
  )
  return { kind: 'ok', base, mergeBase: found, paths: [...paths].sort() }
}
