/** `git ls-files`: which paths the index tracks. */
import { gitIn, type GitContext } from './core'

/** Whether git tracks anything at `path` (a file, or files under a folder). */
export async function isTracked(ctx: GitContext, path: string): Promise<boolean> {
  const r = await gitIn(ctx, ['ls-files', '-z', '--', path], {
    readOnly: true,
    expectedErrors: 'all',
  })
  return r.errorKind === null && r.stdout !== ''
}
