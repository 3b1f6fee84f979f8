/**
 * 「公開中の記事との差分を取り込む」: bring the base branch (and anything a reviewer pushed to the
 * review branch) into the post's review branch without a checkout: `merge-tree --write-tree`,
 * `commit-tree` and a compare-and-swap `update-ref`. The writer's own files are reconciled with
 * a three-way merge; everything is computed first, so a conflict stops before any file or ref
 * changes (G5), and the writer's version is always kept unless they choose otherwise.
 */
import { mkdir, readFile, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import type { UpdateResult } from '../../../shared/publish'
import { writeFileAtomic } from '../fs/atomic-file'
import { readBlob } from '../git/cat-file'
import { commitTree } from '../git/commit-tree'
import type { GitContext } from '../git/core'
import { fetchRemote } from '../git/fetch'
import { mergeFileTexts } from '../git/merge-file'
import { mergeTrees } from '../git/merge-tree'
import { readTree } from '../git/read-tree'
import { isAncestor } from '../git/rev-parse'
import { withTempIndex } from '../git/temp-index'
import { updateRef } from '../git/update-ref'
import { writeTree } from '../git/write-tree'
import { listTree } from '../git/ls-tree'
import { setIndexEntry } from '../git/update-index'
import { belongsToPost, type PostFiles } from './post-files'
import { failure, type Session } from './session'
import { branchTips, takeSnapshot, versionAt, versionIn, type PostVersion } from './versions'

/** How conflicts in the post's own files are settled: the writer's version, or the published one. */
export type Resolution = 'mine' | 'theirs'

/** A planned write to the working folder: new bytes, or null to delete the file. */
interface WorkingWrite {
  path: string
  data: Buffer | null
}

/** Updates the review branch; see the module comment. */
export async function updateFromBase(s: Session, resolution?: Resolution): Promise<UpdateResult> {
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

  // 1. What a reviewer pushed to the review branch, then 2. the base branch.
  let tip = from
  let used: 'merge' | 'fast-forward' | 'none' = 'none'
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
      const merged = await mergeInto(s, tip, source.commit, source.review, resolution)
      if ('kind' in merged) return merged
      tip = merged.commit
      used = 'merge'
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
  for (const w of plan.writes) {
    const target = join(s.repo.root, w.path)
    if (w.data === null) await rm(target, { force: true })
    else {
      await mkdir(dirname(target), { recursive: true })
      const written = await writeFileAtomic(target, w.data)
      if (written.kind === 'error') return failure(s, 'save-failed', { message: written.message })
    }
  }
  const moved = await updateRef(
    ctx,
    `refs/heads/${post.branch}`,
    tip,
    tips.local,
    `bring the published state into ${post.path}`,
  )
  if (moved.errorKind) return failure(s, moved.errorKind, { details: moved.stderr })
  return {
    kind: 'updated',
    changed: true,
    method: used,
    message: msg(
      '公開中の最新の状態を、この記事のレビュー用の場所に取り込みました。「変更を送る」を押すとレビューに反映されます。',
      'The latest published state is now in this post\'s review place. Press "Send changes" to update the review.',
    ),
    workingUpdated: plan.writes.map((w) => w.path),
    warnings: plan.warnings,
  }
}

/** Merges `other` into `ours` in memory and commits the result; conflicts outside the post stop it. */
async function mergeInto(
  s: Session,
  ours: string,
  other: string,
  review: boolean,
  resolution: Resolution | undefined,
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
  const message = review
    ? `レビューでの変更を取り込む: ${post.path}`
    : `公開中の記事との差分を取り込む: ${post.path}`
  const made = await commitTree(ctx, tree, [ours, other], message)
  if (!made.commit)
    return failure(s, made.result.errorKind ?? 'unknown', { details: made.result.stderr })
  return { commit: made.commit }
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

/**
 * For each post file the update changed: the new version when the writer had not changed it,
 * a three-way merge when they had. Conflicts are returned instead of written (unless settled).
 */
async function planWorkingWrites(
  ctx: GitContext,
  root: string,
  post: PostFiles,
  v: { sent: PostVersion; next: PostVersion; working: PostVersion },
  resolution: Resolution | undefined,
): Promise<
  { writes: WorkingWrite[]; warnings: LocalizedText[] } | { kind: 'conflict'; files: string[] }
> {
  const writes: WorkingWrite[] = []
  const conflicts: string[] = []
  const warnings: LocalizedText[] = []
  for (const path of new Set([...v.sent.keys(), ...v.next.keys()])) {
    const before = v.sent.get(path)
    const after = v.next.get(path)
    const mine = v.working.get(path)
    if (before === after || mine === after) continue
    if (mine === before) {
      writes.push({ path, data: after ? await readBlob(ctx, after) : null })
      continue
    }
    // The writer changed this file too. Text: merge line by line; anything else: a choice.
    if (before && after && mine && path === post.path) {
      const merged = await mergeFileTexts(
        ctx,
        {
          ours: await readFile(join(root, path)),
          base: await readBlob(ctx, before),
          theirs: await readBlob(ctx, after),
        },
        resolution === 'mine' ? 'ours' : resolution === 'theirs' ? 'theirs' : undefined,
      )
      if (merged.conflicts > 0 && !resolution) conflicts.push(path)
      else writes.push({ path, data: merged.text })
      continue
    }
    if (!resolution) conflicts.push(path)
    else if (resolution === 'theirs')
      writes.push({ path, data: after ? await readBlob(ctx, after) : null })
    else warnings.push(msg(`${path} はあなたの版を残しました。`, `Kept your version of ${path}.`))
  }
  if (conflicts.length > 0) return { kind: 'conflict', files: conflicts }
  return { writes, warnings }
}
