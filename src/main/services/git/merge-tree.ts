/** `git merge-tree --write-tree` (git ≥ 2.38): merge two commits in memory, touching no file. */
import { gitIn, type GitContext } from './core'

/** A merge computed in memory: the resulting tree, and the paths that conflicted (if any). */
export type TreeMerge =
  | { kind: 'clean'; tree: string }
  | { kind: 'conflicts'; tree: string; files: string[] }
  | { kind: 'unsupported' }

/** Parses `merge-tree --write-tree --name-only --no-messages -z`: the tree id, then conflicted paths. Pure. */
export function parseMergeTree(stdout: string): { tree: string; files: string[] } {
  const fields = stdout.split('\0').filter((f) => f !== '')
  return { tree: (fields[0] ?? '').trim(), files: [...new Set(fields.slice(1))] }
}

/** Merges `other` into `ours` in memory; neither the working folder nor any index changes. */
export async function mergeTrees(ctx: GitContext, ours: string, other: string): Promise<TreeMerge> {
  const r = await gitIn(
    ctx,
    ['merge-tree', '--write-tree', '--name-only', '--no-messages', '-z', ours, other],
    { successExitCodes: [0, 1], expectedErrors: 'all' },
  )
  if (r.errorKind) return { kind: 'unsupported' }
  const parsed = parseMergeTree(r.stdout)
  return r.exitCode === 0
    ? { kind: 'clean', tree: parsed.tree }
    : { kind: 'conflicts', tree: parsed.tree, files: parsed.files }
}
