/** A post's lifecycle state, computed from refs and the working folder (see `PublishState`). */
import type { PublishState } from '../../../shared/publish'
import { patternMatcher, type Profile } from '../../../shared/profile'
import type { GitContext } from '../git/core'
import { filesAtEach, inHistoryOf } from './object-answers'
import { resolvePost, type PostFiles } from './post-files'
import {
  branchTips,
  groupByPost,
  postScope,
  sameVersion,
  startSnapshot,
  versionAt,
  versionIn,
  type PostVersion,
  type RepoSnapshot,
} from './versions'

/** What decides a post's state. */
export interface StateFacts {
  /** The post's files in the working folder. */
  working: PostVersion
  /** On the base branch (empty when the post is not there). */
  base: PostVersion
  /** On its review branch as last sent or recorded (null: no review branch anywhere). */
  sent: PostVersion | null
  /** The local review branch has a commit the server does not have yet. */
  unsentCommit: boolean
  /**
   * Where the folder's branch and the base last met (see `RepoSnapshot.fork`); omitted: the
   * folder's branch is the base. A post the folder still has as it was there is not the writer's edit.
   */
  fork?: PostVersion
  /** The review branch's tip is in the base's history: merged, whatever the base did since. */
  sentInBase?: boolean
}

/** Decides the state from the versions. Pure. */
export function decideState(f: StateFacts): PublishState {
  const onBase = f.base.size > 0
  // The base changed the post since the folder's branch left it, and the folder did not: the
  // folder is behind the published blog, which is nobody's edit.
  const behind = f.fork !== undefined && f.fork.size > 0 && sameVersion(f.working, f.fork)
  if (!f.sent) {
    if (!onBase) return 'draft'
    return sameVersion(f.working, f.base) || behind ? 'published' : 'edited'
  }
  // "Merged" only when the base really holds the post exactly as it was sent (a squash), or holds
  // the review branch's commits (a merge; later changes on the base by others do not undo it).
  const asSent = onBase && sameVersion(f.base, f.sent)
  if (asSent || f.sentInBase) {
    if (sameVersion(f.working, f.base)) return 'merged'
    return f.sentInBase && sameVersion(f.working, f.sent) ? 'merged' : 'changed'
  }
  if (!sameVersion(f.working, f.sent)) return 'changed'
  return f.unsentCommit ? 'unsent-commit' : 'sent'
}

/** The facts of one post, reading its review branch's files when it has one. */
export async function factsOf(
  ctx: GitContext,
  snapshot: RepoSnapshot,
  post: PostFiles,
  grouped?: {
    working: Map<string, PostVersion>
    base: Map<string, PostVersion>
    fork: Map<string, PostVersion>
    /** Each post's files at its review branch's tip (posts without one are absent). */
    sent?: Map<string, PostVersion>
  },
): Promise<StateFacts & { tips: { local: string | null; remote: string | null } }> {
  const tips = branchTips(snapshot, post.branch)
  const tip = tips.local ?? tips.remote
  const sent = tip ? (grouped?.sent?.get(post.path) ?? (await versionAt(ctx, tip, post))) : null
  let unsentCommit = false
  if (tips.local && tips.local !== tips.remote) {
    // Ahead of the server (or never pushed). Behind it is not "unsent": a reviewer added to it.
    unsentCommit = !tips.remote || (await inHistoryOf(ctx, tips.remote, tips.local))
  }
  const base = grouped?.base.get(post.path) ?? versionIn(snapshot.base, post)
  // One more question only for a sent post the base does not hold as sent.
  const sentInBase =
    tip !== null &&
    sent !== null &&
    snapshot.baseOid !== null &&
    !(base.size > 0 && sameVersion(base, sent)) &&
    (await inHistoryOf(ctx, tip, snapshot.baseOid))
  return {
    working: grouped?.working.get(post.path) ?? versionIn(snapshot.working, post),
    base,
    fork: grouped?.fork.get(post.path) ?? versionIn(snapshot.fork, post),
    sent,
    unsentCommit,
    sentInBase,
    tips,
  }
}

/** Runs `job` over items with at most `limit` at once. */
async function pooled<T, R>(items: readonly T[], limit: number, job: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await job(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/** States of many posts, for the post list. Paths that are not posts are left out. */
export async function statesOf(
  ctx: GitContext,
  paths: readonly string[],
  profile: Profile,
): Promise<Record<string, PublishState>> {
  const started = startSnapshot(ctx, profile)
  // Work of this process while git works.
  const matcher = patternMatcher(profile.postPath)
  const posts = paths
    .map((p) => resolvePost(p, profile, matcher))
    .filter((p): p is PostFiles => p !== null)
  // Every review branch's post, read together (a git run per folder level, not per branch), as
  // soon as the branches are known.
  const sentRead = started.refs.then(async (refs) => {
    const sent = posts
      .map((post) => ({ post, tips: branchTips(refs, post.branch) }))
      .filter((b) => (b.tips.local ?? b.tips.remote) !== null)
    const files = await filesAtEach(
      ctx,
      sent.map((b) => ({ commit: (b.tips.local ?? b.tips.remote)!, paths: postScope(b.post) })),
    )
    return new Map(sent.map((b, i) => [b.post.path, versionIn(files[i]!, b.post)]))
  })
  sentRead.catch(() => undefined) // a failure surfaces from the snapshot or the await below
  const snapshot = await started.snapshot
  const base = groupByPost(snapshot.base, posts)
  const grouped: NonNullable<Parameters<typeof factsOf>[3]> = {
    working: groupByPost(snapshot.working, posts),
    base,
    // Usually the same map as the base's (the folder's branch is the base): grouped once.
    fork: snapshot.fork === snapshot.base ? base : groupByPost(snapshot.fork, posts),
    sent: await sentRead,
  }
  // Only posts with a review branch may need more git calls; a few at a time.
  const states = await pooled(posts, 4, async (post) =>
    decideState(await factsOf(ctx, snapshot, post, grouped)),
  )
  const out: Record<string, PublishState> = {}
  posts.forEach((post, i) => (out[post.path] = states[i]!))
  return out
}
