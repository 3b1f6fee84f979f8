/**
 * `git merge-base`, `git diff` and `git ls-files` for `portal-writer check --changed`: the files a
 * branch changed since it left its base, including uncommitted and untracked ones.
 */
import { gitIn, type GitContext } from './core'
import { resolveCommit } from './rev-parse'

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
  const top = await gitIn(ctx, ['rev-parse', '--show-prefix'], {
    readOnly: true,
    expectedErrors: 'all',
  })
  if (top.errorKind !== null) return { kind: 'not-a-repository' }
  const prefix = top.stdout.trim()
  // Without a base: `origin/<baseBranch>` when it exists (a CI checkout has no local base
  // branch), else `<baseBranch>`.
  const remote = `origin/${baseBranch}`
  const base = requested ?? ((await resolveCommit(ctx, remote)) ? remote : baseBranch)
  if (!(await resolveCommit(ctx, base))) return { kind: 'no-base', base }
  const mb = await gitIn(ctx, ['merge-base', base, 'HEAD'], {
    readOnly: true,
    expectedErrors: 'all',
  })
  if (mb.errorKind !== null) return { kind: 'no-base', base }
  const mergeBase = mb.stdout.trim()
  const diff = await gitIn(
    ctx,
    ['diff', '--name-only', '--no-relative', '--no-renames', '-z', mergeBase],
    {
      readOnly: true,
    },
  )
  const untracked = await gitIn(
    ctx,
    ['ls-files', '--others', '--exclude-standard', '--full-name', '-z'],
    { readOnly: true },
  )
  const paths = new Set(
    [...diff.stdout.split('\0'), ...untracked.stdout.split('\0')]
      .filter((p) => p !== '' && p.startsWith(prefix))
      .map((p) => p.slice(prefix.length)),
  )
  return { kind: 'ok', base, mergeBase, paths: [...paths].sort() }
}
