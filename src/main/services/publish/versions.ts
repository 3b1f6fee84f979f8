/**
 * The posts' files as they are in three places — the working folder, the base branch and each
 * post's review branch — as maps of path → blob id, gathered with a handful of git calls however
 * many posts there are. Every lifecycle state and every "what would be sent" answer derives from
 * these maps, so the list, the publish tab and the flow itself can never disagree.
 */
import { patternRoot, type Profile } from '../../../shared/profile'
import type { GitContext } from '../git/core'
import { listRefs } from '../git/for-each-ref'
import { pickRemote, type Remote } from '../git/remote'
import { getStatus, type StatusSnapshot } from '../git/status'
import { filesAt, forkPointOf } from './object-answers'
import { isPublishable, type PostFiles } from './post-files'
import { workingBlobIds } from './working-hashes'

/** A post's publishable files in one place: path → blob id. */
export type PostVersion = ReadonlyMap<string, string>

/** Repository-wide facts shared by every post's state. */
export interface RepoSnapshot {
  status: StatusSnapshot
  /** The remote posts go to, or null. */
  remote: Remote | null
  /** Every local branch and remote-tracking branch of `remote`: full ref → commit. */
  refs: Map<string, string>
  /** The base branch to compare with (the remote's copy when fetched), or null. */
  baseRef: string | null
  baseOid: string | null
  /** Files under the posts' folder on the base branch. */
  base: ReadonlyMap<string, string>
  /** Files under the posts' folder in the working folder (what publishing would take). */
  working: Map<string, string>
  /**
   * Files under the posts' folder where the folder's branch and the base last met (merge-base of
   * HEAD and the base; HEAD itself when the folder is merely behind). A post the folder has as it
   * was there, but the base has changed since, was changed by others, not edited by the writer.
   */
  fork: ReadonlyMap<string, string>
}

/** The base branch to compare with: the remote's copy when it exists, else the local one. */
export function baseRefIn(
  refs: ReadonlyMap<string, string>,
  remote: string | null,
  baseBranch: string,
): string | null {
  if (remote && refs.has(`refs/remotes/${remote}/${baseBranch}`))
    return `refs/remotes/${remote}/${baseBranch}`
  if (refs.has(`refs/heads/${baseBranch}`)) return `refs/heads/${baseBranch}`
  return null
}

/** The post's review branch: the local one, and the remote's copy. */
export function branchTips(
  snapshot: Pick<RepoSnapshot, 'refs' | 'remote'>,
  branch: string,
): { local: string | null; remote: string | null } {
  return {
    local: snapshot.refs.get(`refs/heads/${branch}`) ?? null,
    remote: snapshot.remote
      ? (snapshot.refs.get(`refs/remotes/${snapshot.remote.name}/${branch}`) ?? null)
      : null,
  }
}

const NO_FILES: ReadonlyMap<string, string> = new Map()

/**
 * Gathers the snapshot: status, refs and the remote (asked every time: they change), then the
 * trees of HEAD, the base and their fork point (immutable, so usually already known; see
 * object-answers.ts) and hashes of the changed files. `scope` limits it to some paths (one post's
 * file and asset folder); by default it covers the posts' folders.
 */
export function takeSnapshot(
  ctx: GitContext,
  profile: Pick<Profile, 'baseBranch' | 'postPath' | 'assetPath'>,
  scope?: readonly string[],
): Promise<RepoSnapshot> {
  return startSnapshot(ctx, profile, scope).snapshot
}

/**
 * {@link takeSnapshot} in two steps: `refs` settles as soon as the branches and the remote are
 * known, so a caller can start reading review branches while the trees are still being read.
 */
export function startSnapshot(
  ctx: GitContext,
  profile: Pick<Profile, 'baseBranch' | 'postPath' | 'assetPath'>,
  scope?: readonly string[],
): { refs: Promise<Pick<RepoSnapshot, 'refs' | 'remote'>>; snapshot: Promise<RepoSnapshot> } {
  const roots =
    scope ??
    [...new Set([patternRoot(profile.postPath), patternRoot(profile.assetPath)])].map((r) =>
      r === '' ? '.' : r,
    )
  // The questions whose answers change, at once.
  const statusRead = getStatus(ctx, roots)
  const listed = listRefs(ctx, ['refs/heads/', 'refs/remotes/'])
  // The checked-out branch's files are read while status still runs (in object-answers, so the
  // read below at the commit status saw shares it; HEAD seldom moves in between).
  listed.then(
    (all) => {
      const head = all.find((r) => r.head)
      if (head) filesAt(ctx, head.oid, roots).catch(() => undefined)
    },
    () => undefined,
  )
  const refsRead = Promise.all([pickRemote(ctx, null), listed]).then(([remote, allRefs]) => ({
    remote,
    refs: new Map(
      allRefs
        .filter(
          ({ ref }) =>
            ref.startsWith('refs/heads/') ||
            (remote && ref.startsWith(`refs/remotes/${remote.name}/`)),
        )
        .map((r) => [r.ref, r.oid]),
    ),
  }))
  return { refs: refsRead, snapshot: snapshotFrom(ctx, profile, roots, statusRead, refsRead) }
}

async function snapshotFrom(
  ctx: GitContext,
  profile: Pick<Profile, 'baseBranch'>,
  roots: readonly string[],
  statusRead: Promise<StatusSnapshot>,
  refsRead: Promise<Pick<RepoSnapshot, 'refs' | 'remote'>>,
): Promise<RepoSnapshot> {
  const [status, { remote, refs }] = await Promise.all([statusRead, refsRead])
  const baseRef = baseRefIn(refs, remote?.name ?? null, profile.baseBranch)
  const baseOid = baseRef ? refs.get(baseRef)! : null
  const differs = baseOid !== null && status.oid !== null && baseOid !== status.oid
  const toHash: string[] = []
  const gone: string[] = []
  for (const e of status.entries) {
    if (e.kind === 'ignored') continue
    if (e.origPath) gone.push(e.origPath)
    if (e.worktree === 'D' || (e.index === 'D' && e.worktree === '.')) gone.push(e.path)
    else toHash.push(e.path)
  }
  // HEAD's files are read at the commit status saw, so both describe the same moment.
  const [head, base, forkOid, hashes] = await Promise.all([
    status.oid ? filesAt(ctx, status.oid, roots) : NO_FILES,
    differs ? filesAt(ctx, baseOid, roots) : null,
    differs ? forkPointOf(ctx, status.oid!, baseOid) : null,
    workingBlobIds(ctx, toHash),
  ])
  const working = new Map(head)
  for (const path of gone) working.delete(path)
  for (const [path, oid] of hashes) working.set(path, oid)
  const fork =
    forkOid === null || forkOid === status.oid
      ? head
      : forkOid === baseOid
        ? (base ?? head)
        : await filesAt(ctx, forkOid, roots)
  return { status, remote, refs, baseRef, baseOid, base: base ?? head, working, fork }
}

/** The post's publishable files within a path → blob map. */
export function versionIn(
  files: ReadonlyMap<string, string>,
  post: PostFiles,
): Map<string, string> {
  const out = new Map<string, string>()
  const prefix = `${post.assetDir}/`
  const own = files.get(post.path)
  if (own !== undefined) out.set(post.path, own)
  for (const [path, oid] of files) {
    if (path.startsWith(prefix) && isPublishable(path)) out.set(path, oid)
  }
  return out
}

/**
 * Splits a path → blob map into each post's version in one pass (the list's 2,000 posts would
 * otherwise scan every file once per post). Posts without files get an empty version.
 */
export function groupByPost(
  files: ReadonlyMap<string, string>,
  posts: readonly PostFiles[],
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>()
  const owners = new Map<string, string>()
  for (const post of posts) {
    out.set(post.path, new Map())
    owners.set(post.assetDir, post.path)
  }
  for (const [path, oid] of files) {
    const own = out.get(path)
    if (own) {
      own.set(path, oid)
      continue
    }
    if (!isPublishable(path)) continue
    for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
      const owner = owners.get(path.slice(0, slash))
      if (owner) {
        out.get(owner)!.set(path, oid)
        break
      }
    }
  }
  return out
}

/** The post's files in a commit (its review branch tip, usually). */
export async function versionAt(
  ctx: GitContext,
  commit: string,
  post: PostFiles,
): Promise<Map<string, string>> {
  return versionIn(await filesAt(ctx, commit, postScope(post)), post)
}

/** The paths one post's versions live under: its file and its asset folder. */
export function postScope(post: PostFiles): string[] {
  return [post.path, post.assetDir]
}

/** Whether two versions hold the same files with the same contents. */
export function sameVersion(a: PostVersion, b: PostVersion): boolean {
  if (a.size !== b.size) return false
  for (const [path, oid] of a) if (b.get(path) !== oid) return false
  return true
}
