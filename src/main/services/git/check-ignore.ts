/** `git check-ignore`: which paths the repository's ignore rules exclude. */
import { gitIn, type GitContext } from './core'
import { pathspecInput } from './pathspec'

/** The subset of `paths` that .gitignore (and friends) exclude; tracked files never count. */
export async function ignoredPaths(
  ctx: GitContext,
  paths: readonly string[],
): Promise<Set<string>> {
  if (paths.length === 0) return new Set()
  const r = await gitIn(ctx, ['check-ignore', '-z', '--stdin'], {
    stdin: pathspecInput(paths),
    // 1 = nothing is ignored.
    successExitCodes: [0, 1],
    readOnly: true,
    // check-ignore reads plain paths, not pathspecs, and refuses the literal-pathspec setting.
    env: { GIT_LITERAL_PATHSPECS: undefined },
  })
  return new Set(r.stdout.split('\0').filter((p) => p !== ''))
}
