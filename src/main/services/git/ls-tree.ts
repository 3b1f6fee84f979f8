/** `git ls-tree`: the files of a commit (or tree) under some paths, with their blob ids. */
import { gitIn, type GitContext } from './core'

/** One file in a tree. */
export interface TreeFile {
  mode: string
  /** The blob id (for a submodule: the commit id). */
  oid: string
}

/** Parses `ls-tree -r -z --full-tree` output into path → file. Pure. */
export function parseLsTree(output: string): Map<string, TreeFile> {
  const files = new Map<string, TreeFile>()
  for (const record of output.split('\0')) {
    const tab = record.indexOf('\t')
    if (tab < 0) continue
    const [mode = '', , oid = ''] = record.slice(0, tab).split(' ')
    files.set(record.slice(tab + 1), { mode, oid })
  }
  return files
}

/** Every file of `treeish` under `paths` (recursively; all files when `paths` is empty). */
export async function listTree(
  ctx: GitContext,
  treeish: string,
  paths: readonly string[] = [],
): Promise<Map<string, TreeFile>> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', treeish]
  if (paths.length > 0) args.push('--', ...paths)
  return parseLsTree((await gitIn(ctx, args, { readOnly: true })).stdout)
}
