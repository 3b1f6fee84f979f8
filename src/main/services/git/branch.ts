/** `git branch`, `git switch`, `git for-each-ref`: branches and moving between them. */
import { gitIn, type GitContext, type GitResult } from './core'

/** A branch (local or remote-tracking) and the commit it points at. */
export interface BranchRef {
  /** Full ref name, e.g. `refs/heads/post/x` or `refs/remotes/origin/post/x`. */
  ref: string
  oid: string
}

/** Parses `for-each-ref --format=%(objectname) %(refname)` output. Pure. */
export function parseRefs(output: string): BranchRef[] {
  const refs: BranchRef[] = []
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ')
    if (space <= 0) continue
    refs.push({ oid: line.slice(0, space), ref: line.slice(space + 1) })
  }
  return refs
}

/** Lists refs under the given prefixes (`refs/heads/post/`, `refs/remotes/origin/`…). */
export async function listRefs(ctx: GitContext, prefixes: readonly string[]): Promise<BranchRef[]> {
  const r = await gitIn(ctx, ['for-each-ref', '--format=%(objectname) %(refname)', ...prefixes], {
    readOnly: true,
  })
  return parseRefs(r.stdout)
}

/**
 * Switches to a branch, creating it at `startPoint` when given (without tracking the start point:
 * the post branch must not push to the base branch). git carries uncommitted changes along, and
 * refuses (`would-overwrite`) rather than overwrite any of them.
 */
export function switchBranch(
  ctx: GitContext,
  branch: string,
  startPoint?: string,
): Promise<GitResult> {
  const args = startPoint ? ['switch', '--no-track', '-c', branch, startPoint] : ['switch', branch]
  return gitIn(ctx, args, { expectedErrors: ['would-overwrite', 'lock-file', 'merge-in-progress'] })
}

/**
 * Moves a branch that is not checked out to `newOid`, only if it still points at `oldOid`
 * (compare-and-swap: never loses a commit made meanwhile).
 */
export function updateBranchRef(
  ctx: GitContext,
  branch: string,
  newOid: string,
  oldOid: string,
): Promise<GitResult> {
  return gitIn(
    ctx,
    ['update-ref', '-m', 'portal-writer: fast-forward', `refs/heads/${branch}`, newOid, oldOid],
    {
      expectedErrors: ['lock-file', 'unknown'],
    },
  )
}

/** Creates a local branch at a start point without switching to it. */
export function createBranch(
  ctx: GitContext,
  branch: string,
  startPoint: string,
): Promise<GitResult> {
  return gitIn(ctx, ['branch', '--no-track', branch, startPoint], { expectedErrors: ['lock-file'] })
}
