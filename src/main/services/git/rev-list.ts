/** `git rev-list`: walking the commits between two points. */
import { gitIn, type GitContext } from './core'

/** How many commits are in `from` but not in `to` (`git rev-list --count to..from`). */
export async function countCommits(
  ctx: GitContext,
  from: string,
  to: string | null,
): Promise<number> {
  const range = to ? [from, `^${to}`] : [from]
  const r = await gitIn(ctx, ['rev-list', '--count', ...range, '--'], { readOnly: true })
  return Number(r.stdout.trim()) || 0
}

/**
 * The newest commit in `from` but not in `to` that is not a merge (`git rev-list --no-merges
 * -n 1 from ^to`), or null when there is none.
 */
export async function newestOwnCommit(
  ctx: GitContext,
  from: string,
  to: string,
): Promise<string | null> {
  const r = await gitIn(ctx, ['rev-list', '--no-merges', '-n', '1', from, `^${to}`, '--'], {
    readOnly: true,
  })
  return r.stdout.trim() || null
}
