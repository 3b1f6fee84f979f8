/** `git commit-tree`: make a commit object from a tree, without moving any branch or HEAD. */
import { gitIn, type GitContext, type GitResult } from './core'

/**
 * Creates a commit of `tree` with these parents and message (read from stdin, so any text is
 * safe). Returns the new commit's id, or the failure (e.g. `identity-missing`).
 */
export async function commitTree(
  ctx: GitContext,
  tree: string,
  parents: readonly string[],
  message: string,
): Promise<{ commit: string; result: GitResult } | { commit: null; result: GitResult }> {
  const args = ['commit-tree', tree]
  for (const p of parents) args.push('-p', p)
  args.push('-F', '-')
  const result = await gitIn(ctx, args, {
    stdin: message.endsWith('\n') ? message : `${message}\n`,
    expectedErrors: ['identity-missing'],
  })
  if (result.errorKind) return { commit: null, result }
  return { commit: result.stdout.trim(), result }
}
