/** `git hash-object`: the blob id a file in the working folder would get, without storing it. */
import { gitIn, type GitContext } from './core'

/**
 * Blob ids of working-folder files as git would store them (its clean filters, e.g. line endings
 * or LFS, applied by path). Returns path → id, in the order given.
 */
export async function hashFiles(
  ctx: GitContext,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (paths.length === 0) return out
  const r = await gitIn(ctx, ['hash-object', '--stdin-paths'], {
    stdin: paths.map((p) => `${p}\n`).join(''),
    readOnly: true,
  })
  const ids = r.stdout.split('\n').filter((l) => l !== '')
  paths.forEach((p, i) => {
    if (ids[i]) out.set(p, ids[i]!)
  })
  return out
}
