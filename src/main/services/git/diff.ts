/** `git diff` / `git ls-tree`: which files differ between commits, and which exist in one. */
import { gitIn, type GitContext } from './core'

/** Paths that differ between two commits (optionally only under `paths`). */
export async function changedBetween(
  ctx: GitContext,
  from: string,
  to: string,
  paths?: readonly string[],
): Promise<Set<string>> {
  const args = ['diff', '--name-only', '--no-renames', '-z', from, to]
  if (paths && paths.length > 0) args.push('--', ...paths)
  const r = await gitIn(ctx, args, { readOnly: true })
  return new Set(r.stdout.split('\0').filter((f) => f !== ''))
}

/** Whether a path exists in a commit's tree. */
export async function existsInCommit(
  ctx: GitContext,
  commit: string,
  path: string,
): Promise<boolean> {
  const r = await gitIn(ctx, ['ls-tree', '--name-only', '-z', commit, '--', path], {
    readOnly: true,
    expectedErrors: 'all',
  })
  return !r.errorKind && r.stdout.split('\0').includes(path)
}
