/** A post's state (new / changed / committed / pushed / merged) from a few repository-wide facts. */
import type { PublishState } from '../../../shared/publish'
import { patternMatcher, patternRoot, type Profile } from '../../../shared/profile'
import { gitIn, type GitContext } from '../git/core'
import { changedBetween } from '../git/diff'
import { parseRefs } from '../git/branch'
import { pickRemote, type Remote } from '../git/remote'
import { resolveCommit } from '../git/rev-parse'
import { getStatus, type StatusEntry, type StatusSnapshot } from '../git/status'
import { postEntries, resolvePost } from './post-files'

/** What decides a post's state. */
export interface StateFacts {
  /** The post's files have uncommitted changes (untracked files included). */
  dirty: boolean
  /** The post file is in the commit checked out. */
  inHead: boolean
  /** The post's branch exists here or on the remote. */
  branchExists: boolean
  /** The post's files in HEAD are identical to the base branch's. */
  sameAsBase: boolean
  /** The post branch has commits the remote branch lacks (or the remote has no such branch). */
  unpushed: boolean
}

/**
 * Decides the state. Pure.
 * - new: the post exists only as uncommitted files and has no branch yet;
 * - changed: it has uncommitted changes;
 * - committed: everything is committed, but not all of it is on the remote;
 * - pushed: the remote has the post branch as it is here;
 * - merged: its files are on the base branch exactly as here.
 */
export function decideState(f: StateFacts): PublishState {
  if (f.dirty) return !f.inHead && !f.branchExists ? 'new' : 'changed'
  if (f.inHead && f.sameAsBase) return 'merged'
  if (!f.inHead && !f.branchExists) return 'new'
  if (f.branchExists) return f.unpushed ? 'committed' : 'pushed'
  return 'committed'
}

/** One local branch with the state of its upstream, from `for-each-ref`. */
interface LocalBranch {
  name: string
  oid: string
  /** `refs/remotes/<remote>/<name>` when one is configured. */
  upstream: string
  ahead: number
  /** The upstream branch was deleted on the remote (after merging, usually). */
  gone: boolean
}

/** Parses `for-each-ref --format=%(refname:short)%00%(objectname)%00%(upstream)%00%(upstream:track,nobracket)`. Pure. */
export function parseBranchTracking(output: string): LocalBranch[] {
  const out: LocalBranch[] = []
  for (const line of output.split('\n')) {
    if (line === '') continue
    const [name = '', oid = '', upstream = '', track = ''] = line.split('\0')
    const ahead = /ahead (\d+)/.exec(track)
    out.push({ name, oid, upstream, ahead: ahead ? Number(ahead[1]) : 0, gone: track === 'gone' })
  }
  return out
}

/** Repository-wide facts shared by every post's state. */
export interface RepoFacts {
  status: StatusSnapshot
  /** The remote posts go to, or null. */
  remote: Remote | null
  localBranches: Map<string, LocalBranch>
  /** Remote branch name → commit. */
  remoteBranches: Map<string, string>
  /** The base branch to compare with (the remote's copy when fetched), or null. */
  baseRef: string | null
  /** Paths that differ between HEAD and the base branch (null without a base). */
  differsFromBase: Set<string> | null
  /** Files tracked in the index under the posts' folder (a clean tracked file is in HEAD). */
  tracked: Set<string>
}

/** The base branch to compare with: the remote's copy when fetched, else the local one. */
export async function baseRefOf(
  ctx: GitContext,
  remote: string | null,
  baseBranch: string,
): Promise<string | null> {
  if (remote && (await resolveCommit(ctx, `refs/remotes/${remote}/${baseBranch}`)))
    return `refs/remotes/${remote}/${baseBranch}`
  if (await resolveCommit(ctx, `refs/heads/${baseBranch}`)) return `refs/heads/${baseBranch}`
  return null
}

/**
 * Gathers the facts with one parallel batch of git calls (status, remote, branches, tracked
 * files) and at most one diff, however many posts there are.
 */
export async function gatherFacts(
  ctx: GitContext,
  profile: Pick<Profile, 'baseBranch' | 'postPath'>,
  branch: string | null,
): Promise<RepoFacts> {
  const root = patternRoot(profile.postPath)
  const [status, remote, tracking, remoteRefs, listed] = await Promise.all([
    getStatus(ctx),
    pickRemote(ctx, branch),
    gitIn(
      ctx,
      [
        'for-each-ref',
        '--format=%(refname:short)%00%(objectname)%00%(upstream)%00%(upstream:track,nobracket)',
        'refs/heads/',
      ],
      {
        readOnly: true,
      },
    ),
    gitIn(ctx, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/remotes/'], {
      readOnly: true,
    }),
    gitIn(ctx, ['ls-files', '-z', '--', root === '' ? '.' : root], { readOnly: true }),
  ])
  const localBranches = new Map(parseBranchTracking(tracking.stdout).map((b) => [b.name, b]))
  const remoteBranches = new Map<string, string>()
  const prefix = `refs/remotes/${remote?.name ?? ''}/`
  for (const { oid, ref } of parseRefs(remoteRefs.stdout)) {
    if (remote && ref.startsWith(prefix)) remoteBranches.set(ref.slice(prefix.length), oid)
  }
  const tracked = new Set(listed.stdout.split('\0').filter((f) => f !== ''))
  const remoteBase = remoteBranches.get(profile.baseBranch)
  const localBase = localBranches.get(profile.baseBranch)
  const baseRef = remoteBase
    ? `${prefix}${profile.baseBranch}`
    : localBase
      ? `refs/heads/${profile.baseBranch}`
      : null
  const baseOid = remoteBase ?? localBase?.oid
  let differsFromBase: Set<string> | null = null
  if (baseRef && status.oid) {
    // On the base itself nothing differs: skip the diff.
    differsFromBase =
      baseOid === status.oid ? new Set() : await changedBetween(ctx, baseRef, 'HEAD')
  }
  return { status, remote, localBranches, remoteBranches, baseRef, differsFromBase, tracked }
}

/** Facts for one post from the repository-wide facts. */
export function factsFor(
  path: string,
  entries: readonly StatusEntry[],
  branch: string,
  assetDir: string,
  repo: RepoFacts,
): StateFacts {
  const remote = repo.remote?.name ?? null
  const postFile = entries.find((e) => e.path === path)
  const inHead =
    repo.status.oid !== null &&
    repo.tracked.has(path) &&
    !(postFile && (postFile.kind === 'untracked' || postFile.index === 'A'))
  const local = repo.localBranches.get(branch)
  const remoteOid = repo.remoteBranches.get(branch)
  const remoteHas = remoteOid !== undefined
  const tracked =
    local !== undefined &&
    remote !== null &&
    local.upstream === `refs/remotes/${remote}/${branch}` &&
    !local.gone
  // Unpushed: no remote branch, or the local one differs and is ahead (or its tracking is unknown).
  const unpushed =
    local !== undefined &&
    (!remoteHas || (local.oid !== remoteOid && (!tracked || local.ahead > 0)))
  let sameAsBase = false
  if (repo.differsFromBase) {
    sameAsBase = true
    for (const p of repo.differsFromBase) {
      if (p === path || p.startsWith(`${assetDir}/`)) {
        sameAsBase = false
        break
      }
    }
  }
  return {
    dirty: entries.length > 0,
    inHead,
    branchExists: local !== undefined || remoteHas,
    sameAsBase,
    unpushed,
  }
}

/** States of many posts, for the post list. Paths that are not posts are left out. */
export async function statesOf(
  ctx: GitContext,
  paths: readonly string[],
  profile: Profile,
): Promise<Record<string, PublishState>> {
  const repo = await gatherFacts(ctx, profile, null)
  // Group status entries by post once, instead of scanning every entry for every post.
  const matcher = patternMatcher(profile.postPath)
  const posts = paths.map((p) => resolvePost(p, profile, matcher))
  const byPath = new Map<string, StatusEntry[]>()
  const owners = new Map<string, string>()
  for (const post of posts) {
    if (!post) continue
    owners.set(post.path, post.path)
    owners.set(post.assetDir, post.path)
    byPath.set(post.path, [])
  }
  for (const e of repo.status.entries) {
    for (const p of e.origPath ? [e.path, e.origPath] : [e.path]) {
      const owner = owners.get(p) ?? ownerOfAsset(p, owners)
      if (owner) byPath.get(owner)!.push(e)
    }
  }
  const out: Record<string, PublishState> = {}
  for (const post of posts) {
    if (!post) continue
    const entries = postEntries(byPath.get(post.path)!, post)
    out[post.path] = decideState(factsFor(post.path, entries, post.branch, post.assetDir, repo))
  }
  return out
}

function ownerOfAsset(path: string, owners: Map<string, string>): string | undefined {
  let slash = path.lastIndexOf('/')
  while (slash > 0) {
    const owner = owners.get(path.slice(0, slash))
    if (owner) return owner
    slash = path.lastIndexOf('/', slash - 1)
  }
  return undefined
}
