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

/** Untracked files not ignored, relative to the top of the work tree. */
export async function untrackedFiles(ctx: GitContext): Promise<string[]> {
  const r = await gitIn(ctx, ['ls-files', '--others', '--exclude-standard', '--full-name', '-z'], {
    readOnly: true,
  })
  return r.stdout.split('\0').filter((p) => p !== '')
}
