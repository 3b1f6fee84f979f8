/** `git for-each-ref`: branches (local and remote-tracking) and the commits they point at. */
import { gitIn, type GitContext } from './core'

/** A ref and the commit it points at. */
export interface BranchRef {
  /** Full ref name, e.g. `refs/heads/post/x` or `refs/remotes/origin/post/x`. */
  ref: string
  oid: string
  /** The branch checked out in the working folder. */
  head: boolean
}

const FORMAT = '--format=%(objectname) %(HEAD) %(refname)'

/** Parses `for-each-ref` output in {@link FORMAT}: `<oid> <* or space> <refname>` lines. Pure. */
export function parseRefs(output: string): BranchRef[] {
  const refs: BranchRef[] = []
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ')
    if (space <= 0 || line[space + 2] !== ' ') continue
    refs.push({
      oid: line.slice(0, space),
      head: line[space + 1] === '*',
      ref: line.slice(space + 3),
    })
  }
  return refs
}

/** Lists refs under the given prefixes (`refs/heads/`, `refs/remotes/origin/`…). */
export async function listRefs(ctx: GitContext, prefixes: readonly string[]): Promise<BranchRef[]> {
  const r = await gitIn(ctx, ['for-each-ref', FORMAT, ...prefixes], { readOnly: true })
  return parseRefs(r.stdout)
}
