/** `git rev-parse`: where the repository keeps things, and what commits names point at. */
import { exists } from '../fs/file-facts'
import { isAbsolute, join } from 'node:path'
import { gitIn, type GitContext } from './core'

/** Operations that, half done, make publishing unsafe (G4). */
export interface RepositoryState {
  /** Absolute path of the working tree's root. */
  root: string
  /** `.git/index.lock` (or the worktree's) when it exists: another git is running, or one died. */
  lockFile: string | null
  merging: boolean
  rebasing: boolean
  /** A cherry-pick or revert is half done. */
  picking: boolean
}

/** Marker files git leaves while an operation is in progress. */
const MARKERS = [
  'index.lock',
  'MERGE_HEAD',
  'rebase-merge',
  'rebase-apply',
  'CHERRY_PICK_HEAD',
  'REVERT_HEAD',
] as const

/** Reads the repository's root and any half-done operation, in one git call. */
export async function getRepositoryState(ctx: GitContext): Promise<RepositoryState> {
  const args = ['rev-parse', '--show-toplevel']
  for (const m of MARKERS) args.push('--git-path', m)
  const r = await gitIn(ctx, args, { readOnly: true })
  const lines = r.stdout.split('\n')
  const root = lines[0]!.trim()
  const paths = lines
    .slice(1, 1 + MARKERS.length)
    .map((p) => (isAbsolute(p) ? p : join(ctx.cwd, p)))
  const present = await Promise.all(paths.map(exists))
  return {
    root,
    lockFile: present[0] ? paths[0]! : null,
    merging: present[1]!,
    rebasing: present[2]! || present[3]!,
    picking: present[4]! || present[5]!,
  }
}

/** The commit a name points at, or null when there is no such ref. */
export async function resolveCommit(ctx: GitContext, ref: string): Promise<string | null> {
  const r = await gitIn(
    ctx,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`],
    {
      successExitCodes: [0, 1],
      readOnly: true,
    },
  )
  return r.exitCode === 0 ? r.stdout.trim() : null
}

/** The tree a commit points at. */
export async function treeOf(ctx: GitContext, commit: string): Promise<string> {
  const r = await gitIn(ctx, ['rev-parse', '--verify', '--end-of-options', `${commit}^{tree}`], {
    readOnly: true,
  })
  return r.stdout.trim()
}

/** The folder's path below the top of the work tree (`sub/dir/`, or `` at the top); null outside a repository. */
export async function prefixInWorkTree(ctx: GitContext): Promise<string | null> {
  const r = await gitIn(ctx, ['rev-parse', '--show-prefix'], {
    readOnly: true,
    expectedErrors: 'all',
  })
  return r.errorKind === null ? r.stdout.trim() : null
}
