/** `git mv`: move a tracked path so history follows it (`git log --follow`). */
import { gitIn, type GitContext } from './core'

/** Moves `from` to `to` in the working folder and the index; false when git refused. */
export async function movePath(ctx: GitContext, from: string, to: string): Promise<boolean> {
  const r = await gitIn(ctx, ['mv', '--', from, to], { expectedErrors: 'all' })
  return r.errorKind === null
}
