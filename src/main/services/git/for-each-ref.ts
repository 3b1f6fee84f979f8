/** `git for-each-ref`: branches (local and remote-tracking) and the commits they point at. */
import { gitIn, type GitContext } from './core'

/** A ref and the commit it points at. */
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

/** Lists refs under the given prefixes (`refs/heads/`, `refs/remotes/origin/`…). */
export async function listRefs(ctx: GitContext, prefixes: readonly string[]): Promise<BranchRef[]> {
  const r = await gitIn(ctx, ['for-each-ref', '--format=%(objectname) %(refname)', ...prefixes], {
    readOnly: true,
  })
  return parseRefs(r.stdout)
}

/** The refs as a map of full ref name → commit. */
export async function refMap(
  ctx: GitContext,
  prefixes: readonly string[],
): Promise<Map<string, string>> {
  return new Map((await listRefs(ctx, prefixes)).map((r) => [r.ref, r.oid]))
}
