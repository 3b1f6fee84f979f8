/**
 * Update from base: bring the post branch up to date with its remote copy and with the base branch
 * (merge, or rebase for never-pushed commits). Conflicts are found before any file changes
 * (`merge-tree`), and a merge or rebase that still conflicts is aborted at once (G5).
 */
import { msg } from '../../../shared/localized'
import type { UpdateResult } from '../../../shared/publish'
import { listRefs, switchBranch } from '../git/branch'
import { fetchRemote } from '../git/fetch'
import { fastForwardTo, mergeInto, previewMerge } from '../git/merge'
import { rebaseOnto } from '../git/rebase'
import { getRepositoryState, isAncestor } from '../git/rev-parse'
import { getStatus } from '../git/status'
import { postEntries } from './post-files'
import { baseRefOf } from './post-state'
import { findBlockers } from './preflight'
import { failure, type Session } from './session'

/** Updates the post branch; see the module comment. */
export async function updateFromBase(
  s: Session,
  method: 'merge' | 'rebase',
): Promise<UpdateResult> {
  const { ctx, post, repo } = s
  const profile = repo.profile
  const [repoState, snapshot] = await Promise.all([getRepositoryState(ctx), getStatus(ctx)])
  const blockers = findBlockers(repoState, snapshot, post, profile)
  if (blockers.length > 0)
    return failure(s, blockers[0]!.kind, {
      files: blockers[0]!.files,
      message: blockers[0]!.message,
    })
  const remote = s.remote
  if (!remote) return failure(s, 'no-remote')

  s.phase = 'fetch'
  const fetched = await fetchRemote(ctx, remote.name, {
    auth: s.auth,
    timeoutMs: s.timeouts.networkMs,
    idleTimeoutMs: s.timeouts.networkIdleMs,
  })
  if (fetched.errorKind) {
    const context =
      fetched.errorKind === 'timeout'
        ? { seconds: Math.round((s.timeouts.networkIdleMs ?? 45_000) / 1000) }
        : {}
    return failure(s, fetched.errorKind, { details: fetched.stderr, context })
  }

  s.phase = 'branch'
  const localRef = `refs/heads/${post.branch}`
  const remoteRef = `refs/remotes/${remote.name}/${post.branch}`
  const refs = await listRefs(ctx, [localRef, remoteRef])
  const hasLocal = refs.some((r) => r.ref === localRef)
  const hasRemote = refs.some((r) => r.ref === remoteRef)
  if (!hasLocal && !hasRemote) {
    return {
      kind: 'updated',
      changed: false,
      method: 'none',
      message: msg(
        'この記事にはまだブランチがありません。「レビューを依頼」を押すと、最新のベースブランチから作ります。',
        'This post has no branch yet. "Request review" creates it from the latest base branch.',
      ),
    }
  }
  if (snapshot.branch !== post.branch) {
    const switched = await switchBranch(ctx, post.branch, hasLocal ? undefined : remoteRef)
    if (switched.errorKind) return failure(s, switched.errorKind, { details: switched.stderr })
  }
  // Never merge into a post file with changes git does not have yet: they could not be restored.
  const dirty = postEntries((await getStatus(ctx)).entries, post)
  if (dirty.length > 0)
    return failure(s, 'uncommitted-changes', { files: dirty.map((e) => e.path) })

  let changed = false
  let used: 'merge' | 'rebase' | 'fast-forward' | 'none' = 'none'

  // 1. What others pushed to the post branch (a reviewer's suggestion, another computer).
  if (hasRemote && !(await isAncestor(ctx, remoteRef, 'HEAD'))) {
    if (await isAncestor(ctx, 'HEAD', remoteRef)) {
      const ff = await fastForwardTo(ctx, remoteRef)
      if (ff.errorKind) return failure(s, ff.errorKind, { details: ff.stderr })
      used = 'fast-forward'
    } else {
      const stop = await integrate(s, remoteRef, 'merge')
      if (stop) return stop
      used = 'merge'
    }
    changed = true
  }

  // 2. The base branch. Rebase only rewrites commits nobody else has: never a pushed branch.
  const baseRef = await baseRefOf(ctx, remote.name, profile.baseBranch)
  if (!baseRef) return failure(s, 'base-missing')
  if (!(await isAncestor(ctx, baseRef, 'HEAD'))) {
    const how = method === 'rebase' && !hasRemote ? 'rebase' : 'merge'
    const stop = await integrate(s, baseRef, how)
    if (stop) return stop
    used = how
    changed = true
  }

  return {
    kind: 'updated',
    changed,
    method: used,
    message: changed
      ? msg(
          `ブランチ「${post.branch}」を最新のベースブランチ「${profile.baseBranch}」に合わせました。「レビューを依頼」を押すと送ります。`,
          `Branch "${post.branch}" now includes the latest "${profile.baseBranch}". Press "Request review" to send it.`,
        )
      : msg('ブランチはすでに最新です。', 'The branch is already up to date.'),
  }
}

/** Merges or rebases onto `ref`; returns an error value on conflict (nothing changed), else null. */
async function integrate(
  s: Session,
  ref: string,
  how: 'merge' | 'rebase',
): Promise<UpdateResult | null> {
  const { ctx } = s
  // Decide in memory first: on a conflict no file is touched at all.
  const preview = await previewMerge(ctx, 'HEAD', ref)
  if (preview.kind === 'conflicts') return failure(s, 'merge-conflict', { files: preview.files })
  if (how === 'rebase') {
    const r = await rebaseOnto(ctx, ref)
    if (r.result.errorKind === 'merge-conflict')
      return failure(s, 'merge-conflict', { files: r.conflicts, details: r.result.stderr })
    if (r.result.errorKind) return failure(s, r.result.errorKind, { details: r.result.stderr })
    return null
  }
  const m = await mergeInto(ctx, ref)
  if (m.result.errorKind === 'merge-conflict')
    return failure(s, 'merge-conflict', { files: m.conflicts, details: m.result.stderr })
  if (m.result.errorKind) return failure(s, m.result.errorKind, { details: m.result.stderr })
  return null
}
