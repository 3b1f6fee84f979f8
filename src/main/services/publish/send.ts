/**
 * The one-click flow as small steps, each returning the next state or an error value. The post's
 * files are committed straight onto its review branch through a temporary index: the working
 * folder, its branch and its index are never touched, so other posts' drafts never block a send
 * and are never included in it.
 */
import { lstat } from 'node:fs/promises'
import { join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import { checkPostForPublish } from '../check/preflight'
import { resolveInRepo } from '../fs/paths'
import {
  DEFAULT_MESSAGE_TEMPLATES,
  fillMessage,
  pullRequestUrl,
  type PublishPhase,
  type PublishResult,
} from '../../../shared/publish'
import { patternMatcher, patternRoot } from '../../../shared/profile'
import { exists } from '../fs/file-facts'
import { addPaths } from '../git/add'
import { ignoredPaths } from '../git/check-ignore'
import { listTree } from '../git/ls-tree'
import { commitTree } from '../git/commit-tree'
import type { GitContext } from '../git/core'
import { describeEmbeddedCredentials, MAX_FILE_BYTES, refusedPathMessage } from '../git/errors'
import { fetchRemote } from '../git/fetch'
import { fetchPercent, pushPercent } from '../git/progress'
import { pushBranch } from '../git/push'
import { readTree } from '../git/read-tree'
import type { Remote } from '../git/remote'
import { isAncestor } from '../git/merge-base'
import { resolveCommit, treeOf } from '../git/rev-parse'
import { removeFromIndex } from '../git/rm'
import { getStatus } from '../git/status'
import { withTempIndex } from '../git/temp-index'
import { updateRef } from '../git/update-ref'
import { writeTree } from '../git/write-tree'
import { fileSize, listAssetFiles, readTitle, resolvePost, type PostFiles } from './post-files'
import { failure, type Session } from './session'
import { catchUpFolder } from './working-merge'
import {
  branchTips,
  sameVersion,
  takeSnapshot,
  versionAt,
  versionIn,
  type RepoSnapshot,
} from './versions'

/** Saves the editor's buffer (the posts service's save); publishing stops unless it says `saved`. */
export type SavePost = (request: {
  path: string
  text: string
  expectedHash: string | null
}) => Promise<{ kind: 'saved' } | { kind: 'conflict' } | { kind: 'error'; message: LocalizedText }>

/** Names of the flow's steps, in order (tests interleave races and crashes between them). */
export type SendStep =
  | 'check'
  | 'save'
  | 'preflight'
  | 'collect'
  | 'fetch'
  | 'parent'
  | 'tree'
  | 'commit'
  | 'update-ref'
  | 'push'

/** What the flow needs besides the session. */
export interface SendDeps {
  savePost?: SavePost
  progress: (phase: PublishPhase, percent: number) => void
  /** Called before each step; tests use it to move a ref meanwhile or to stop as a crash would. */
  beforeStep?: (step: SendStep) => Promise<void> | void
}

/** Request of the one-click flow. */
export interface SendRequest {
  path: string
  message?: string
  save?: { text: string; expectedHash: string | null }
}

type Stop = PublishResult & { kind: 'error' }
const isStop = (v: unknown): v is Stop =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'error'

/** Runs the flow; see the module comment. */
export async function sendPost(
  s: Session,
  request: SendRequest,
  deps: SendDeps,
): Promise<PublishResult> {
  const step = async (name: SendStep, phase: PublishPhase, percent: number) => {
    s.phase = phase
    deps.progress(phase, percent)
    await deps.beforeStep?.(name)
  }
  await step('check', 'check', 0)
  const checked = await checkPost(s)
  if (isStop(checked)) return checked
  if (!s.remote) return failure(s, 'no-remote')
  const remote = s.remote

  if (request.save) {
    await step('save', 'save', 3)
    const saved = await save(s, request.save, deps.savePost)
    if (saved) return saved
  }

  // The rules of `portal-writer check` on the post as saved: errors stop here, before any commit.
  await step('preflight', 'check', 4)
  const preflight = await checkPostForPublish(s.repo.root, s.repo.profile, s.post.path)
  if (preflight.errors.length > 0) {
    return failure(s, 'post-check-failed', {
      files: preflight.errorFiles,
      findings: preflight.errors,
    })
  }

  await step('collect', 'check', 5)
  const files = await collectFiles(s)
  if (isStop(files)) return files

  await step('fetch', 'fetch', 5)
  const fetched = await fetchRemote(s.ctx, remote.name, {
    auth: s.auth,
    timeoutMs: s.timeouts.networkMs,
    idleTimeoutMs: s.timeouts.networkIdleMs,
    onProgress: (p) => {
      const pct = fetchPercent(p)
      if (pct !== null) deps.progress('fetch', 5 + pct * 0.15)
    },
  })
  // Offline is not fatal yet: the commit is still made and kept for a retry (G2).
  const networkDown =
    fetched.errorKind === 'offline' || fetched.errorKind === 'timeout' ? fetched.errorKind : null
  if (fetched.errorKind && !networkDown)
    return failure(s, fetched.errorKind, { details: fetched.stderr })

  await step('parent', 'branch', 20)
  const parent = await chooseParent(s)
  if (isStop(parent)) return parent
  let sending = files
  if (!parent.existing) {
    // A first send starts from the base: bring in what others changed in the post there since the
    // folder's copy was taken, or the review would undo it.
    const caught = await catchUpFolder(s, parent.snapshot, undefined)
    if (isStop(caught)) return caught
    if (caught.written.length > 0) {
      const again = await collectFiles(s)
      if (isStop(again)) return again
      sending = again
    }
  }

  await step('tree', 'commit', 25)
  const tree = await buildTree(
    s.ctx,
    parent.commit,
    s.post,
    sending,
    await earlierNames(s, parent.commit),
  )
  const parentTree = await treeOf(s.ctx, parent.commit)
  let head = parent.commit
  let committed = false
  if (tree === parentTree) {
    // Nothing differs from what reviewers have; on a first send there is nothing to review.
    if (!parent.existing) return failure(s, 'nothing-to-commit')
  } else {
    await step('commit', 'commit', 28)
    const message = request.message?.trim() || (await suggestedMessage(s, parent.newToBase))
    const made = await commitTree(s.ctx, tree, [parent.commit], message)
    if (!made.commit)
      return failure(s, made.result.errorKind ?? 'unknown', { details: made.result.stderr })
    await step('update-ref', 'commit', 30)
    const moved = await updateRef(
      s.ctx,
      `refs/heads/${s.post.branch}`,
      made.commit,
      parent.local,
      parent.local ? `update ${s.post.path}` : `new review branch for ${s.post.path}`,
    )
    if (moved.errorKind) return failure(s, moved.errorKind, { details: moved.stderr })
    head = made.commit
    committed = true
  }
  // One ref read, not a whole snapshot: only the server's copy of the review branch matters here.
  const remoteTip = await resolveCommit(s.ctx, `refs/remotes/${remote.name}/${s.post.branch}`)
  s.commitKept = remoteTip !== head
  if (networkDown)
    return failure(s, networkDown, {
      details: fetched.stderr,
      context: networkContext(s, networkDown),
    })
  if (!s.commitKept) return published(s, remote, head, false, preflight.warnings)

  await step('push', 'push', 30)
  const pushed = await pushBranch(s.ctx, remote.name, s.post.branch, {
    auth: s.auth,
    timeoutMs: s.timeouts.networkMs,
    idleTimeoutMs: s.timeouts.networkIdleMs,
    onProgress: (p) => {
      const pct = pushPercent(p)
      if (pct !== null) deps.progress('push', 30 + pct * 0.68)
    },
  })
  if (pushed.result.errorKind) {
    return failure(s, pushed.result.errorKind, {
      details: `${pushed.result.stderr}\n${pushed.result.stdout}`,
      context: networkContext(s, pushed.result.errorKind),
    })
  }
  s.commitKept = false
  return published(s, remote, head, committed, preflight.warnings)
}

/** The post file must exist and must not be half-merged. */
async function checkPost(s: Session): Promise<Stop | null> {
  const info = await lstat(join(s.repo.root, s.post.path)).catch(() => null)
  if (!info?.isFile()) return failure(s, 'post-missing', { files: [s.post.path] })
  const status = await getStatus(s.ctx, [s.post.path])
  const unmerged = status.entries.filter((e) => e.kind === 'unmerged').map((e) => e.path)
  if (unmerged.length > 0) return failure(s, 'merge-in-progress', { files: unmerged })
  return null
}

async function save(
  s: Session,
  buffer: { text: string; expectedHash: string | null },
  savePost: SavePost | undefined,
): Promise<Stop | null> {
  if (!savePost) return failure(s, 'save-failed')
  const saved = await savePost({ path: s.post.path, ...buffer })
  if (saved.kind === 'conflict') {
    return failure(s, 'save-failed', {
      message: msg(
        'ディスク上の記事が別の場所で変更されているため、保存と送信を止めました。エディターでどちらを残すか選んでから、もう一度押してください。',
        'The post was changed on disk elsewhere, so nothing was saved or sent. Choose which version to keep in the editor, then press again.',
      ),
    })
  }
  if (saved.kind === 'error') return failure(s, 'save-failed', { message: saved.message })
  return null
}

/** The post's publishable files on disk; oversized ones stop the flow before any commit (G6). */
async function collectFiles(s: Session): Promise<string[] | Stop> {
  const files = [s.post.path, ...(await listAssetFiles(s.repo.root, s.post.assetDir))]
  // A link among them is sent as a link: it must lead where a name could (D11), never into .git
  // or out of the repository, or every reviewer's clone would get it.
  for (const path of files) {
    const resolved = await resolveInRepo(s.repo.root, path)
    if (resolved.kind === 'refused')
      return failure(s, 'path-refused', {
        files: [path],
        message: refusedPathMessage(resolved.reason),
      })
  }
  const sized = await Promise.all(
    files.map(async (p) => ({ p, bytes: await fileSize(s.repo.root, p) })),
  )
  const tooLarge = sized
    .filter((f) => f.bytes !== null && f.bytes > MAX_FILE_BYTES)
    .map((f) => `${f.p} (${(f.bytes! / 1024 / 1024).toFixed(1)} MB)`)
  if (tooLarge.length > 0) return failure(s, 'file-too-large', { files: tooLarge })
  return files
}

/** Where the new commit goes: on the review branch, or (first send) on the base branch. */
interface Parent {
  commit: string
  /** The local review branch's commit now (the compare-and-swap's expected value), or null. */
  local: string | null
  /** The review branch existed before (locally or on the server). */
  existing: boolean
  /** The post is not on the base branch: 「記事を追加」. */
  newToBase: boolean
  snapshot: RepoSnapshot
}

async function chooseParent(s: Session): Promise<Parent | Stop> {
  const snapshot = await takeSnapshot(s.ctx, s.repo.profile)
  const { local, remote } = branchTips(snapshot, s.post.branch)
  const newToBase = versionIn(snapshot.base, s.post).size === 0
  if (local && remote && local !== remote && !(await isAncestor(s.ctx, remote, local))) {
    // The server's branch has commits this computer lacks (a reviewer's suggestion, another
    // computer). If they touch the post's files, sending would undo them: bring them in first.
    const same = sameVersion(
      await versionAt(s.ctx, local, s.post),
      await versionAt(s.ctx, remote, s.post),
    )
    if (!same || !(await isAncestor(s.ctx, local, remote)))
      return failure(s, 'review-branch-changed')
    return { commit: remote, local, existing: true, newToBase, snapshot }
  }
  const commit = local ?? remote ?? snapshot.baseOid
  if (!commit) return failure(s, 'base-missing')
  return { commit, local, existing: local !== null || remote !== null, newToBase, snapshot }
}

/**
 * Earlier names of this post in the parent (its date or folder changed since it was sent or
 * published): post files that go to the same review branch and are gone from the folder, with
 * their asset folders. Left in, the review would publish the post twice.
 */
export async function earlierNames(s: Session, parent: string): Promise<string[]> {
  const profile = s.repo.profile
  const matcher = patternMatcher(profile.postPath)
  const root = patternRoot(profile.postPath)
  const out: string[] = []
  for (const path of (await listTree(s.ctx, parent, [root === '' ? '.' : root])).keys()) {
    if (path === s.post.path) continue
    const other = resolvePost(path, profile, matcher)
    if (!other || other.branch !== s.post.branch) continue
    if (await exists(join(s.repo.root, path))) continue
    out.push(other.path, other.assetDir)
  }
  return out
}

/**
 * The parent's tree with the post's file and asset folder replaced by what is in the working
 * folder (deleted images deleted; ignored files left out; `earlier` paths — the post's old names —
 * removed), built in a temporary index.
 */
export async function buildTree(
  ctx: GitContext,
  parent: string,
  post: PostFiles,
  files: readonly string[],
  earlier: readonly string[] = [],
): Promise<string> {
  return withTempIndex(ctx, async (index) => {
    await readTree(index, parent)
    const ignored = await ignoredPaths(index, files)
    await removeFromIndex(index, [post.path, post.assetDir, ...earlier])
    const added = await addPaths(
      index,
      files.filter((f) => !ignored.has(f)),
    )
    if (added.errorKind) throw new Error(added.stderr)
    return writeTree(index)
  })
}

/** The commit message unless the writer typed one: 「記事を追加」 for a post new to the base. */
export async function suggestedMessage(
  s: Pick<Session, 'repo' | 'post'>,
  newToBase: boolean,
): Promise<string> {
  const profile = s.repo.profile
  const title = await readTitle(s.repo.root, s.post)
  const template = newToBase
    ? (profile.commitMessage ?? DEFAULT_MESSAGE_TEMPLATES.first)
    : (profile.commitMessageUpdate ?? DEFAULT_MESSAGE_TEMPLATES.update)
  return fillMessage(template, title, s.post.key.slug)
}

function networkContext(s: Session, kind: string) {
  return kind === 'timeout'
    ? { seconds: Math.round((s.timeouts.networkIdleMs ?? 45_000) / 1000) }
    : {}
}

/** The success value; `checkWarnings` are the post check's warnings (they never block). */
function published(
  s: Session,
  remote: Remote,
  commit: string,
  committed: boolean,
  checkWarnings: readonly LocalizedText[],
): PublishResult {
  const profile = s.repo.profile
  const link = remote.info.local
    ? null
    : pullRequestUrl(
        remote.pushUrl,
        profile.baseBranch,
        s.post.branch,
        profile.pullRequestUrl ?? null,
      )
  const warnings: LocalizedText[] = []
  if (remote.info.hasEmbeddedCredentials)
    warnings.push(describeEmbeddedCredentials(remote.name, remote.info.displayUrl))
  warnings.push(...checkWarnings)
  return {
    kind: 'published',
    branch: s.post.branch,
    commit,
    committed,
    pullRequestUrl: link,
    message: publishedMessage(s.post.branch, remote, link),
    warnings,
  }
}

function publishedMessage(branch: string, remote: Remote, link: string | null): LocalizedText {
  if (link) {
    return msg(
      `レビュー用の場所（${branch}）に送りました。リンクを開いてプルリクエストを作り、レビューを依頼してください。`,
      `Sent to the review place (${branch}). Open the link to create the pull request and ask for review.`,
    )
  }
  if (remote.info.local) {
    return msg(
      `レビュー用の場所（${branch}）を、このパソコン上の送り先（${remote.info.displayUrl}）に送りました。サンプルの送り先なので、プルリクエストのページはありません。`,
      `Sent the review place (${branch}) to the remote on this computer (${remote.info.displayUrl}). It is the sample's remote, so there is no pull-request page.`,
    )
  }
  return msg(
    `レビュー用の場所（${branch}）を ${remote.info.displayUrl} に送りました。そのサイトでプルリクエストを作ってください。`,
    `Sent the review place (${branch}) to ${remote.info.displayUrl}. Create the pull request on that site.`,
  )
}
