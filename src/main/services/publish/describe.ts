/** The publish tab's view of one post: state, review branch, files, remote, blockers, warnings. */
import { msg, type LocalizedText } from '../../../shared/localized'
import { pullRequestUrl, type IncludedFile, type PublishStatus } from '../../../shared/publish'
import type { GitContext } from '../git/core'
import { describeEmbeddedCredentials, describeGitError, MAX_FILE_BYTES } from '../git/errors'
import { countCommits } from '../git/rev-list'
import { fileSize, type PostFiles } from './post-files'
import { decideState, factsOf } from './post-state'
import { suggestedMessage } from './send'
import type { PublishRepo } from './session'
import { inHistoryOf } from './object-answers'
import { postScope, takeSnapshot, type PostVersion } from './versions'

/** Files at or above this size get a warning (GitHub warns from 50 MB). */
const WARN_FILE_BYTES = 50 * 1024 * 1024

/** Everything the tab shows for one post. */
export async function describePost(
  ctx: GitContext,
  repo: PublishRepo,
  post: PostFiles,
): Promise<PublishStatus> {
  const profile = repo.profile
  // Only this post's paths: the tab needs no status of the other posts' folders.
  const snapshot = await takeSnapshot(ctx, profile, postScope(post))
  const facts = await factsOf(ctx, snapshot, post)
  const { remote, baseRef } = snapshot
  const state = decideState(facts)
  const files = await includedFiles(repo.root, facts.working, facts.sent ?? facts.base)
  const blockers: PublishStatus['blockers'] = []
  if (!remote)
    blockers.push({ kind: 'no-remote', files: [], message: describeGitError('no-remote') })
  if (!facts.working.has(post.path))
    blockers.push({
      kind: 'post-missing',
      files: [post.path],
      message: describeGitError('post-missing', { files: [post.path] }),
    })
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
  const { local, remote: remoteTip } = facts.tips
  const tip = local ?? remoteTip
  const unpushedCommits =
    local && local !== remoteTip ? await countCommits(ctx, local, remoteTip ?? baseRef) : 0
  const behindBase =
    tip !== null && snapshot.baseOid !== null && !(await inHistoryOf(ctx, snapshot.baseOid, tip))
  const newToBase = facts.base.size === 0
  return {
    path: post.path,
    state,
    branch: post.branch,
    branchExists: tip !== null,
    currentBranch: snapshot.status.branch,
    baseBranch: profile.baseBranch,
    behindBase,
    newToBase,
    unpushedCommits,
    files,
    remote: remote?.info ?? null,
    pullRequestUrl:
      remote && remoteTip && !remote.info.local
        ? pullRequestUrl(
            remote.pushUrl,
            profile.baseBranch,
            post.branch,
            profile.pullRequestUrl ?? null,
          )
        : null,
    tokenStored: false,
    suggestedMessage: await suggestedMessage({ repo, post }, newToBase),
    firstCommit: tip === null,
    blockers,
    warnings,
  }
}

/** The post's files in the folder compared with what reviewers have, with their sizes. */
async function includedFiles(
  root: string,
  working: PostVersion,
  theirs: PostVersion,
): Promise<IncludedFile[]> {
  const paths = [...new Set([...working.keys(), ...theirs.keys()])].sort((a, b) => {
    const depth = a.split('/').length - b.split('/').length
    return depth !== 0 ? depth : a.localeCompare(b)
  })
  return Promise.all(
    paths.map(async (path): Promise<IncludedFile> => {
      const mine = working.get(path)
      const change =
        mine === undefined
          ? 'deleted'
          : theirs.get(path) === undefined
            ? 'added'
            : mine === theirs.get(path)
              ? 'unchanged'
              : 'modified'
      return { path, change, bytes: change === 'deleted' ? null : await fileSize(root, path) }
    }),
  )
}
