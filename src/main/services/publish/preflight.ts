/** Checks before publishing touches anything (RELIABILITY.md G4). Pure. */
import type { PublishBlocker } from '../../../shared/publish'
import type { Profile } from '../../../shared/profile'
import { describeGitError } from '../git/errors'
import type { RepositoryState } from '../git/rev-parse'
import type { StatusSnapshot } from '../git/status'
import { belongsToAnyPost, belongsToPost, isOsJunk, type PostFiles } from './post-files'

/**
 * Changes that are not this post's and would ride along to its branch: tracked files changed or
 * staged anywhere else, and untracked files outside every post. Other posts' new (untracked)
 * drafts are allowed: switching branches never touches untracked files.
 */
export function unrelatedChanges(
  status: StatusSnapshot,
  post: PostFiles,
  profile: Profile,
): string[] {
  const files: string[] = []
  for (const e of status.entries) {
    if (e.kind === 'ignored' || isOsJunk(e.path)) continue
    const mine =
      belongsToPost(e.path, post) && (e.origPath === null || belongsToPost(e.origPath, post))
    if (mine) continue
    if (e.kind === 'untracked' && belongsToAnyPost(e.path, profile)) continue
    files.push(e.path)
  }
  return files
}

/** Every reason publishing must not start now, most fundamental first. Empty when it may. */
export function findBlockers(
  repo: RepositoryState,
  status: StatusSnapshot,
  post: PostFiles,
  profile: Profile,
): PublishBlocker[] {
  const blockers: PublishBlocker[] = []
  const add = (kind: PublishBlocker['kind'], files: string[] = [], lockPath?: string) =>
    blockers.push({
      kind,
      files,
      message: describeGitError(kind, {
        files,
        lockPath,
        branch: post.branch,
        baseBranch: profile.baseBranch,
      }),
    })
  if (repo.lockFile) add('lock-file', [], repo.lockFile)
  if (repo.rebasing) add('rebase-in-progress')
  else if (repo.merging || status.entries.some((e) => e.kind === 'unmerged')) {
    add(
      'merge-in-progress',
      status.entries.filter((e) => e.kind === 'unmerged').map((e) => e.path),
    )
  } else if (repo.picking) add('operation-in-progress')
  else if (status.branch === null && status.oid !== null) add('detached-head')
  const unrelated = unrelatedChanges(status, post, profile)
  if (unrelated.length > 0 && !blockers.some((b) => b.kind === 'merge-in-progress'))
    add('unrelated-changes', unrelated)
  return blockers
}
