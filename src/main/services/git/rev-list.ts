/** `git rev-list`: counting commits between two points. */
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
