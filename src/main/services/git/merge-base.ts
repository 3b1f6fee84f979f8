/** `git merge-base`: how two commits' histories relate. */
import { gitIn, type GitContext } from './core'

/** Whether `ancestor` is reachable from `descendant` (equal counts as yes). */
export async function isAncestor(
  ctx: GitContext,
  ancestor: string,
  descendant: string,
): Promise<boolean> {
  const r = await gitIn(ctx, ['merge-base', '--is-ancestor', ancestor, descendant], {
    successExitCodes: [0, 1],
    readOnly: true,
  })
  return r.exitCode === 0
}

/** The best common ancestor of two commits, or null when their histories never met. */
export async function mergeBase(ctx: GitContext, a: string, b: string): Promise<string | null> {
  const r = await gitIn(ctx, ['merge-base', a, b], { readOnly: true, expectedErrors: 'all' })
  return r.errorKind === null ? r.stdout.trim() || null : null
}
