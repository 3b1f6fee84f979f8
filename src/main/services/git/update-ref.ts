/** `git update-ref`: move a branch by compare-and-swap, never losing a commit made meanwhile. */
import { gitIn, type GitContext, type GitResult } from './core'

/** The id git uses for "this ref must not exist yet". */
export const NO_COMMIT = '0000000000000000000000000000000000000000'

/**
 * Points `ref` at `newOid` only if it still points at `oldOid` (null: only if it does not exist
 * yet). A ref that moved meanwhile gives `branch-moved` and nothing changes.
 */
export function updateRef(
  ctx: GitContext,
  ref: string,
  newOid: string,
  oldOid: string | null,
  reason: string,
): Promise<GitResult> {
  return gitIn(
    ctx,
    ['update-ref', '-m', `portal-writer: ${reason}`, ref, newOid, oldOid ?? NO_COMMIT],
    {
      expectedErrors: ['branch-moved', 'lock-file'],
    },
  )
}
