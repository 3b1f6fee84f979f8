/** A post's lifecycle state, computed from refs and the working folder (see `PublishState`). */
import type { PublishState } from '../../../shared/publish'
import { patternMatcher, type Profile } from '../../../shared/profile'
import type { GitContext } from '../git/core'
import { isAncestor } from '../git/merge-base'
import { resolvePost, type PostFiles } from './post-files'
import {
  branchTips,
  groupByPost,
  sameVersion,
  takeSnapshot,
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
}

/** Decides the state from the versions. Pure. */
export function decideState(f: StateFacts): PublishState {
  const onBase = f.base.size > 0
  if (!f.sent) {
    if (!onBase) return 'draft'
    return sameVersion(f.working, f.base) ? 'published' : 'edited'
  }
  // "Merged" only when the base really holds the post exactly as it was sent.
  if (onBase && sameVersion(f.base, f.sent))
    return sameVersion(f.working, f.base) ? 'merged' : 'changed'
  if (!sameVersion(f.working, f.sent)) return 'changed'
  return f.unsentCommit ? 'unsent-commit' : 'sent'
}

/** The facts of one post, reading its review branch's files when it has one. */
export async function factsOf(
  ctx: GitContext,
  snapshot: RepoSnapshot,
  post: PostFiles,
  grouped?: { working: Map<string, PostVersion>; base: Map<string, PostVersion> },
): Promise<StateFacts & { tips: { local: string | null; remote: string | null } }> {
  const tips = branchTips(snapshot, post.branch)
  const tip = tips.local ?? tips.remote
  const sent = tip ? await versionAt(ctx, tip, post) : null
  let unsentCommit = false
  if (tips.local && tips.local !== tips.remote) {
    // Ahead of the server (or never pushed). Behind it is not "unsent": a reviewer added to it.
    unsentCommit = !tips.remote || (await isAncestor(ctx, tips.remote, tips.local))
  }
  return {
    working: grouped?.working.get(post.path) ?? versionIn(snapshot.working, post),
    base: grouped?.base.get(post.path) ?? versionIn(snapshot.base, post),
    sent,
    unsentCommit,
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
  const snapshot = await takeSnapshot(ctx, profile)
  const matcher = patternMatcher(profile.postPath)
  const posts = paths
    .map((p) => resolvePost(p, profile, matcher))
    .filter((p): p is PostFiles => p !== null)
  const grouped = {
    working: groupByPost(snapshot.working, posts),
    base: groupByPost(snapshot.base, posts),
  }
  // Only posts with a review branch need more git calls; a few at a time.
  const states = await pooled(posts, 4, async (post) =>
    decideState(await factsOf(ctx, snapshot, post, grouped)),
  )
  const out: Record<string, PublishState> = {}
  posts.forEach((post, i) => (out[post.path] = states[i]!))
  return out
}
