/**
 * 「公開中の記事との差分を取り込む」: bring the base branch (and anything a reviewer pushed to the
 * review branch) into the post's review branch without a checkout: `merge-tree --write-tree`,
 * `commit-tree` and a compare-and-swap `update-ref`. The writer's own files are reconciled with
 * a three-way merge; everything is computed first, so a conflict stops before any file or ref
 * changes (G5), and the writer's version is always kept unless they choose otherwise.
 *
 * With the profile's `updateMethod: rebase`, a review branch the server does not have yet is
 * rebuilt instead: one commit on top of the new published tip, holding the same merged tree and
 * the branch's own message, so the review starts with no merge commit. A branch already on the
 * server is merged (rebuilding it would need a forced push, which publishing never does), and the
 * result says so.
 */
import { msg, type LocalizedText } from '../../../shared/localized'
import type { UpdateResult } from '../../../shared/publish'
import { readCommitMessage } from '../git/cat-file'
import { commitTree } from '../git/commit-tree'
import type { GitContext } from '../git/core'
import { fetchRemote } from '../git/fetch'
import { mergeTrees } from '../git/merge-tree'
import { readTree } from '../git/read-tree'
import { isAncestor } from '../git/merge-base'
import { newestOwnCommit } from '../git/rev-list'
import { treeOf } from '../git/rev-parse'
import { withTempIndex } from '../git/temp-index'
import { updateRef } from '../git/update-ref'
import { writeTree } from '../git/write-tree'
import { listTree } from '../git/ls-tree'
import { setIndexEntry } from '../git/update-index'
import { belongsToPost, listAssetFiles } from './post-files'
import { buildTree, earlierNames, suggestedMessage } from './send'
import { failure, type Session } from './session'
import {
  applyWorkingWrites,
  catchUpFolder,
  planWorkingWrites,
  type Resolution,
} from './working-merge'
import { branchTips, takeSnapshot, versionAt, versionIn } from './versions'

export type { Resolution } from './working-merge'

/** How an update brings the published state in: a merge commit, or a rebuild on top of it. */
export type UpdateMethod = 'merge' | 'rebase'

/** Said when the profile asks for a rebase but the review branch is already on the server. */
export const MERGED_NOT_REBASED: LocalizedText = msg(
  'レビュー用の記事はすでにサーバーにあるため、設定のリベースではなくマージで取り込みました。',
  'The review copy is already on the server, so this was brought in as a merge, not the rebase your settings ask for.',
)

/**
 * Updates the review branch; see the module comment. `method` (default: the profile's
 * `updateMethod`, else merge) only rebuilds a branch the server does not have.
 */
export async function updateFromBase(
  s: Session,
  resolution?: Resolution,
  method: UpdateMethod = s.repo.profile.updateMethod ?? 'merge',
): Promise<UpdateResult> {
  const { ctx, post } = s
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
  const snapshot = await takeSnapshot(ctx, s.repo.profile)
  const tips = branchTips(snapshot, post.branch)
  const from = tips.local ?? tips.remote
  if (!from) {
    // Never sent: only the folder's copy can be behind the base (others changed the post there).
    const caught = await catchUpFolder(s, snapshot, resolution)
    if ('kind' in caught) return caught
    // A settled conflict is recorded on the post's review branch (on top of the base, on this
    // computer only), so the next send does not ask again; 「変更を送る」 then sends it.
    const recorded = resolution && snapshot.baseOid ? await recordOnBase(s, snapshot.baseOid) : null
    if (recorded && 'kind' in recorded) return recorded
    if (caught.written.length > 0 || recorded) {
      return {
        kind: 'updated',
        changed: true,
        method: 'merge',
        message: msg(
          '公開中の最新の状態を、フォルダーのこの記事に取り込みました。あなたの変更はそのままです。',
          'The latest published state is now in this post in your folder; your changes are kept.',
        ),
        workingUpdated: caught.written,
        warnings: caught.warnings,
      }
    }
    return {
      kind: 'updated',
      changed: false,
      method: 'none',
      message: msg(
        'この記事はまだレビューに送っていません。「レビューを依頼」を押すと、公開中の最新の状態をもとに送ります。',
        'This post has not been sent for review yet. "Request review" sends it on top of the latest published state.',
      ),
      workingUpdated: [],
      warnings: [],
    }
  }
  if (!snapshot.baseOid) return failure(s, 'base-missing')

  // A rebuilt branch must never replace one the server has: that push would have to be forced.
  const rebuild = method === 'rebase' && tips.remote === null

  // 1. What a reviewer pushed to the review branch, then 2. the base branch.
  let tip = from
  let used: 'merge' | 'rebase' | 'fast-forward' | 'none' = 'none'
  const sources: Array<{ commit: string; review: boolean }> = []
  if (tips.local && tips.remote && !(await isAncestor(ctx, tips.remote, tips.local)))
    sources.push({ commit: tips.remote, review: true })
  sources.push({ commit: snapshot.baseOid, review: false })
  // The tip once the reviewers' commits are in: a conflict in a file they changed is theirs.
  let reviewed = from
  for (const source of sources) {
    if (await isAncestor(ctx, source.commit, tip)) continue
    if (await isAncestor(ctx, tip, source.commit)) {
      tip = source.commit
      if (used === 'none') used = 'fast-forward'
    } else {
      const shape = rebuild && !source.review ? 'rebase' : 'merge'
      const merged = await mergeInto(s, tip, source.commit, source.review, resolution, shape)
      if ('kind' in merged) return merged
      tip = merged.commit
      used = shape
    }
    if (source.review) reviewed = tip
  }
  if (tip === from && tips.local === from) {
    return {
      kind: 'updated',
      changed: false,
      method: 'none',
      message: msg('すでに最新です。', 'Already up to date.'),
      workingUpdated: [],
      warnings: [],
    }
  }

  // 3. The writer's files: take what the update changed, merging with unsent edits.
  const sent = await versionAt(ctx, from, post)
  const plan = await planWorkingWrites(
    ctx,
    s.repo.root,
    post,
    { sent, next: await versionAt(ctx, tip, post), working: versionIn(snapshot.working, post) },
    resolution,
  )
  if ('kind' in plan) {
    // Say whose change it meets: a reviewer's on the review branch, or the published version's.
    const byReview = reviewed === from ? sent : await versionAt(ctx, reviewed, post)
    const review = plan.files.some((f) => byReview.get(f) !== sent.get(f))
    return failure(s, review ? 'review-conflict' : 'merge-conflict', { files: plan.files })
  }

  // 4. Apply: the writer's files first (a failed ref update then only leaves them newer), then the ref.
  const applied = await applyWorkingWrites(s, plan.writes)
  if (applied) return applied
  const moved = await updateRef(
    ctx,
    `refs/heads/${post.branch}`,
    tip,
    tips.local,
    `bring the published state into ${post.path}`,
  )
  if (moved.errorKind) return failure(s, moved.errorKind, { details: moved.stderr })
  const done = msg(
    '公開中の最新の状態を、この記事のレビュー用の場所に取り込みました。「変更を送る」を押すとレビューに反映されます。',
    'The latest published state is now in this post\'s review place. Press "Send changes" to update the review.',
  )
  const notRebased = method === 'rebase' && used === 'merge'
  return {
    kind: 'updated',
    changed: true,
    method: used,
    message: notRebased
      ? msg(`${done.ja}${MERGED_NOT_REBASED.ja}`, `${done.en} ${MERGED_NOT_REBASED.en}`)
      : done,
    workingUpdated: plan.writes.map((w) => w.path),
    warnings: plan.warnings,
  }
}

/** Commits the post's files from the folder on top of the base as its new review branch. */
async function recordOnBase(
  s: Session,
  baseOid: string,
): Promise<{ commit: string } | (UpdateResult & { kind: 'error' }) | null> {
  const files = [s.post.path, ...(await listAssetFiles(s.repo.root, s.post.assetDir))]
  const tree = await buildTree(s.ctx, baseOid, s.post, files, await earlierNames(s, baseOid))
  if (tree === (await treeOf(s.ctx, baseOid))) return null
  const made = await commitTree(s.ctx, tree, [baseOid], await suggestedMessage(s, false))
  if (!made.commit)
    return failure(s, made.result.errorKind ?? 'unknown', { details: made.result.stderr })
  const moved = await updateRef(
    s.ctx,
    `refs/heads/${s.post.branch}`,
    made.commit,
    null,
    `new review branch for ${s.post.path}`,
  )
  if (moved.errorKind) return failure(s, moved.errorKind, { details: moved.stderr })
  return { commit: made.commit }
}

/**
 * Merges `other` into `ours` in memory and commits the result; conflicts outside the post stop it.
 * As a `merge`, the commit has both parents; as a `rebase`, it has `other` as its only parent and
 * the message of the branch's own newest commit, so it replays the branch on top of `other`.
 */
async function mergeInto(
  s: Session,
  ours: string,
  other: string,
  review: boolean,
  resolution: Resolution | undefined,
  shape: UpdateMethod,
): Promise<{ commit: string } | (UpdateResult & { kind: 'error' })> {
  const { ctx, post } = s
  const merged = await mergeTrees(ctx, ours, other)
  if (merged.kind === 'unsupported')
    return failure(s, 'git-too-old', { context: { version: '< 2.38' } })
  let tree = merged.tree
  if (merged.kind === 'conflicts') {
    const outside = merged.files.filter((f) => !belongsToPost(f, post))
    if (outside.length > 0) return failure(s, 'conflict-outside-post', { files: outside })
    if (!resolution)
      return failure(s, review ? 'review-conflict' : 'merge-conflict', {
        files: merged.files,
      })
    tree = await settle(ctx, merged.tree, merged.files, resolution === 'mine' ? ours : other)
  }
  const message =
    shape === 'rebase'
      ? await ownMessage(s, ours, other)
      : review
        ? `レビューでの変更を取り込む: ${post.path}`
        : `公開中の記事との差分を取り込む: ${post.path}`
  const parents = shape === 'rebase' ? [other] : [ours, other]
  const made = await commitTree(ctx, tree, parents, message)
  if (!made.commit)
    return failure(s, made.result.errorKind ?? 'unknown', { details: made.result.stderr })
  return { commit: made.commit }
}

/**
 * The message a rebuilt branch keeps: its newest own (non-merge) commit's, e.g. 「記事を追加: …」
 * or what the writer typed; the suggested one when the branch has only merges of its own.
 */
async function ownMessage(s: Session, tip: string, base: string): Promise<string> {
  const own = await newestOwnCommit(s.ctx, tip, base)
  if (own) {
    const message = await readCommitMessage(s.ctx, own)
    if (message.trim() !== '') return message
  }
  const newToBase = (await versionAt(s.ctx, base, s.post)).size === 0
  return suggestedMessage(s, newToBase)
}

/** The merged tree with each conflicted path taken whole from `side` (or removed where it has none). */
async function settle(
  ctx: GitContext,
  tree: string,
  files: readonly string[],
  side: string,
): Promise<string> {
  return withTempIndex(ctx, async (index) => {
    await readTree(index, tree)
    const chosen = await listTree(ctx, side, files)
    for (const file of files) await setIndexEntry(index, file, chosen.get(file) ?? null)
    return writeTree(index)
  })
}
