/** The publish panel's view of one post: state, branch, files, remote, blockers, warnings. */
import { msg, type LocalizedText } from '../../../shared/localized'
import {
  DEFAULT_MESSAGE_TEMPLATES,
  fillMessage,
  pullRequestUrl,
  type IncludedFile,
  type PublishStatus,
} from '../../../shared/publish'
import type { GitContext } from '../git/core'
import { describeEmbeddedCredentials, describeGitError, MAX_FILE_BYTES } from '../git/errors'
import { countCommits, getRepositoryState } from '../git/rev-parse'
import { changeOf, type StatusSnapshot } from '../git/status'
import { fileSize, listAssetFiles, postEntries, readTitle, type PostFiles } from './post-files'
import { decideState, factsFor, gatherFacts } from './post-state'
import { findBlockers } from './preflight'
import type { PublishRepo } from './session'

/** Files at or above this size get a warning (GitHub warns from 50 MB). */
const WARN_FILE_BYTES = 50 * 1024 * 1024

/** Everything the panel shows for one post. */
export async function describePost(
  ctx: GitContext,
  repo: PublishRepo,
  post: PostFiles,
): Promise<PublishStatus> {
  const profile = repo.profile
  const [repoState, facts] = await Promise.all([
    getRepositoryState(ctx),
    gatherFacts(ctx, profile, post.branch),
  ])
  const { status: snapshot, remote, baseRef } = facts
  const remoteName = remote?.name ?? null
  const entries = postEntries(snapshot.entries, post)
  const state = decideState(factsFor(post.path, entries, post.branch, post.assetDir, facts))
  const files = await includedFiles(repo.root, post, snapshot)
  const blockers = findBlockers(repoState, snapshot, post, profile)
  if (!remote)
    blockers.push({ kind: 'no-remote', files: [], message: describeGitError('no-remote') })
  const tooLarge = files
    .filter((f) => f.change !== 'unchanged' && f.bytes !== null && f.bytes > MAX_FILE_BYTES)
    .map((f) => f.path)
  if (tooLarge.length > 0) {
    blockers.push({
      kind: 'file-too-large',
      files: tooLarge,
      message: describeGitError('file-too-large', { files: tooLarge }),
    })
  }
  const warnings: LocalizedText[] = []
  if (remote?.info.hasEmbeddedCredentials)
    warnings.push(describeEmbeddedCredentials(remote.name, remote.info.displayUrl))
  const big = files
    .filter((f) => f.bytes !== null && f.bytes >= WARN_FILE_BYTES && f.bytes <= MAX_FILE_BYTES)
    .map((f) => f.path)
  if (big.length > 0) {
    warnings.push(
      msg(
        `50 MB を超えるファイルがあります（${big.join(', ')}）。送れますが、画像は縮小をおすすめします。`,
        `Some files are over 50 MB (${big.join(', ')}). They can be sent, but shrinking the images is recommended.`,
      ),
    )
  }
  const local = facts.localBranches.get(post.branch)
  const remoteHas = facts.remoteBranches.has(post.branch)
  let unpushedCommits = 0
  if (local) {
    unpushedCommits = await countCommits(
      ctx,
      `refs/heads/${post.branch}`,
      remoteHas ? `refs/remotes/${remoteName}/${post.branch}` : baseRef,
    )
  }
  const firstCommit =
    !local && !remoteHas
      ? true
      : (await countCommits(
          ctx,
          local ? `refs/heads/${post.branch}` : `refs/remotes/${remoteName}/${post.branch}`,
          baseRef,
        )) === 0
  const title = await readTitle(repo.root, post)
  const template = firstCommit
    ? (profile.commitMessage ?? DEFAULT_MESSAGE_TEMPLATES.first)
    : (profile.commitMessageUpdate ?? DEFAULT_MESSAGE_TEMPLATES.update)
  return {
    path: post.path,
    state,
    branch: post.branch,
    branchExists: local !== undefined || remoteHas,
    currentBranch: snapshot.branch,
    baseBranch: profile.baseBranch,
    unpushedCommits,
    files,
    remote: remote?.info ?? null,
    pullRequestUrl:
      remote && remoteHas && !remote.info.local
        ? pullRequestUrl(
            remote.pushUrl,
            profile.baseBranch,
            post.branch,
            profile.pullRequestUrl ?? null,
          )
        : null,
    suggestedMessage: fillMessage(template, title, post.key.slug),
    firstCommit,
    blockers,
    warnings,
  }
}

/** The post file and its asset folder's files with their changes and sizes. */
async function includedFiles(
  root: string,
  post: PostFiles,
  snapshot: StatusSnapshot,
): Promise<IncludedFile[]> {
  const entries = postEntries(snapshot.entries, post)
  const changes = new Map(entries.map((e) => [e.path, changeOf(e)]))
  for (const e of entries) if (e.origPath) changes.set(e.origPath, 'deleted')
  const paths = new Set([
    post.path,
    ...(await listAssetFiles(root, post.assetDir)),
    ...changes.keys(),
  ])
  const out: IncludedFile[] = []
  for (const path of [...paths].sort((a, b) =>
    a === post.path ? -1 : b === post.path ? 1 : a.localeCompare(b),
  )) {
    const bytes = await fileSize(root, path)
    const change = changes.get(path) ?? (bytes === null ? null : 'unchanged')
    if (change === null) continue
    out.push({ path, change, bytes: change === 'deleted' ? null : bytes })
  }
  return out
}
