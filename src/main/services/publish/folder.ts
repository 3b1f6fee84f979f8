/**
 * Where the working folder is. The app never moves it; but a folder left on a review branch (by
 * an older version of the app, or by the writer in a terminal) is explained, and on request put
 * back on the base branch — only when that touches no uncommitted work, never by stashing or
 * resetting. What the branch being left changed in posts (new posts, edits, deleted images) stays in
 * the folder as it was.
 */
import { mkdir, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import type { FolderState } from '../../../shared/publish'
import { writeFileAtomic } from '../fs/atomic-file'
import { readBlob } from '../git/cat-file'
import type { GitContext } from '../git/core'
import { describeGitError } from '../git/errors'
import { listTree, type TreeFile } from '../git/ls-tree'
import { mergeBase } from '../git/merge-base'
import { getRepositoryState, resolveCommit } from '../git/rev-parse'
import { getStatus, type StatusSnapshot } from '../git/status'
import { switchTo } from '../git/switch'
import { belongsToAnyPost, isPublishable } from './post-files'

/** Whether a branch name is some post's review branch under the profile's `branchPattern`. */
export function isReviewBranch(branch: string, profile: Pick<Profile, 'branchPattern'>): boolean {
  const prefix = profile.branchPattern.split('{')[0] ?? ''
  return prefix !== '' && branch.startsWith(prefix)
}

function returnBlocker(status: StatusSnapshot, operation: boolean): LocalizedText | null {
  if (operation) return describeGitError('merge-in-progress')
  const changed = status.entries.filter((e) => e.kind !== 'untracked' && e.kind !== 'ignored')
  if (changed.length === 0) return null
  const files = changed
    .slice(0, 5)
    .map((e) => e.path)
    .join(', ')
  return msg(
    `まだコミットしていない変更（${files}）があるため、戻すと混ざってしまいます。何もしていません。ターミナルでコミットしてから、もう一度押してください。`,
    `There are uncommitted changes (${files}) that would be carried over, so nothing was done. Commit them in a terminal first, then press again.`,
  )
}

/** The folder's branch and whether it can safely go back to the base branch. */
export async function folderState(ctx: GitContext, profile: Profile): Promise<FolderState> {
  const [status, repo] = await Promise.all([getStatus(ctx), getRepositoryState(ctx)])
  const branch = status.branch
  const offBase = branch !== profile.baseBranch
  return {
    currentBranch: branch,
    baseBranch: profile.baseBranch,
    offBase,
    onPostBranch: branch !== null && isReviewBranch(branch, profile),
    returnBlocked: offBase
      ? returnBlocker(
          status,
          repo.merging || repo.rebasing || repo.picking || repo.lockFile !== null,
        )
      : null,
  }
}

/**
 * Switches the folder to the base branch. The branch's own changes to posts are written back as
 * they were, so no post and no edit disappears from the list (they show as sent for review).
 */
export async function returnToBase(
  ctx: GitContext,
  profile: Profile,
): Promise<{ kind: 'ok'; message: LocalizedText } | { kind: 'error'; message: LocalizedText }> {
  const state = await folderState(ctx, profile)
  if (!state.offBase)
    return {
      kind: 'ok',
      message: msg('すでに公開中の記事の状態です。', 'Already on the base branch.'),
    }
  if (state.returnBlocked) return { kind: 'error', message: state.returnBlocked }
  const status = await getStatus(ctx)
  // What the branch being left changed in posts since it forked from the base: its new posts, its
  // edits of published ones and its deleted images. The switch would take them out of the folder
  // (the base's copies come back); they are put back afterwards, so no post and no edit vanishes.
  const baseOid = await resolveCommit(ctx, `refs/heads/${profile.baseBranch}`)
  const fork = status.oid && baseOid ? await mergeBase(ctx, status.oid, baseOid) : null
  const [head, forked] = await Promise.all([
    status.oid ? listTree(ctx, status.oid) : new Map<string, TreeFile>(),
    fork ? listTree(ctx, fork) : new Map<string, TreeFile>(),
  ])
  const postFile = (path: string) => isPublishable(path) && belongsToAnyPost(path, profile)
  const keep = [...head].filter(([path, f]) => postFile(path) && forked.get(path)?.oid !== f.oid)
  const removed = [...forked.keys()].filter((path) => postFile(path) && !head.has(path))
  const switched = await switchTo(ctx, profile.baseBranch)
  if (switched.errorKind)
    return { kind: 'error', message: describeGitError(switched.errorKind, { files: [] }) }
  const after = await listTree(ctx, 'HEAD')
  const restored: string[] = []
  for (const [path, file] of keep) {
    if (after.get(path)?.oid === file.oid) continue
    const target = join(ctx.cwd, path)
    await mkdir(dirname(target), { recursive: true })
    const written = await writeFileAtomic(target, await readBlob(ctx, file.oid))
    if (written.kind === 'ok') restored.push(path)
  }
  for (const path of removed) {
    // Only when the base still has the very copy the branch deleted: nothing newer is lost.
    if (after.get(path)?.oid !== forked.get(path)?.oid) continue
    await rm(join(ctx.cwd, path), { force: true })
    restored.push(path)
  }
  return {
    kind: 'ok',
    message: msg(
      `フォルダーを公開中の記事の状態（${profile.baseBranch}）に戻しました。${restored.length > 0 ? `レビュー中の記事のファイル ${restored.length} 件はそのまま残しています。` : ''}`,
      `The folder is back on ${profile.baseBranch}.${restored.length > 0 ? ` ${restored.length} file(s) of posts under review stay in the folder as they were.` : ''}`,
    ),
  }
}
