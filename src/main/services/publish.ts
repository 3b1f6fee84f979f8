/**
 * Publishing for review: the per-post status and the one-click flow (check, save, fetch, branch,
 * commit, push, pull-request link), plus update from base. Never force-pushes, never stashes,
 * resets or deletes the writer's work; a commit that could not be pushed stays for a retry.
 */
import { msg, type LocalizedText } from '../../shared/localized'
import {
  DEFAULT_MESSAGE_TEMPLATES,
  fillMessage,
  pullRequestUrl,
  type PublishPhase,
  type PublishProgress,
  type PublishResult,
  type PublishState,
  type PublishStatus,
  type TokenProtection,
  type UpdateResult,
} from '../../shared/publish'
import { normalizeHost, TOKEN_USERNAME, type TokenStore } from './credentials'
import { listRefs, switchBranch, updateBranchRef } from './git/branch'
import { createCommit, stagePaths } from './git/commit'
import type { AskpassProgram, GitContext } from './git/core'
import { describeEmbeddedCredentials, describeGitError, MAX_FILE_BYTES } from './git/errors'
import { fetchRemote } from './git/fetch'
import { fastForwardTo } from './git/merge'
import { fetchPercent, pushPercent } from './git/progress'
import { pushBranch } from './git/push'
import { pickRemote, type Remote } from './git/remote'
import { countCommits, getRepositoryState, isAncestor, resolveCommit } from './git/rev-parse'
import { getStatus } from './git/status'
import { setIdentity as writeIdentity, type Identity } from './git/config'
import { checkGitVersion, type GitVersionCheck } from './git/version'
import { describePost } from './publish/describe'
import { fileSize, pathsToStage, postEntries, readTitle, resolvePost } from './publish/post-files'
import { baseRefOf, statesOf } from './publish/post-state'
import { findBlockers } from './publish/preflight'
import {
  authFor,
  failure,
  failureFromThrown,
  formatLogEntry,
  type PublishRepo,
  type PublishTimeouts,
  type Session,
} from './publish/session'
import { updateFromBase } from './publish/update'

export type { PublishRepo, PublishProfileExtras, PublishTimeouts } from './publish/session'

/** Saves the editor's buffer (the posts service's save); publishing stops unless it says `saved`. */
export type SavePost = (request: {
  path: string
  text: string
  expectedHash: string | null
}) => Promise<{ kind: 'saved' } | { kind: 'conflict' } | { kind: 'error'; message: LocalizedText }>

/** What the publish service needs. */
export interface PublishServiceOptions {
  /** The open repository and its profile; null when none is open. */
  repo: () => PublishRepo | null
  tokens: TokenStore
  /** The askpass helper (see credentials.ts `askpassProgram`), made on first use. */
  askpass: () => Promise<AskpassProgram>
  savePost?: SavePost
  /** Progress of every run (the `publish:progress` event). */
  emitProgress?: (progress: PublishProgress) => void
  /** The git binary (default `git` on PATH). */
  gitPath?: string
  /** One line per git run and per outcome; credentials never appear in it. */
  log?: (line: string) => void
  timeouts?: PublishTimeouts
}

/** Request of the one-click flow. */
export interface PublishRequest {
  path: string
  message?: string
  save?: { text: string; expectedHash: string | null }
}

/** The publish service. */
export interface PublishService {
  /** Checks that git is installed and new enough (G9); cached after the first answer. */
  checkGit(): Promise<GitVersionCheck>
  status(
    path: string,
  ): Promise<{ kind: 'ok'; status: PublishStatus } | { kind: 'error'; message: LocalizedText }>
  states(
    paths: readonly string[],
  ): Promise<
    { kind: 'ok'; states: Record<string, PublishState> } | { kind: 'error'; message: LocalizedText }
  >
  publish(request: PublishRequest): Promise<PublishResult>
  update(request: { path: string; method?: 'merge' | 'rebase' }): Promise<UpdateResult>
  setToken(
    host: string,
    token: string,
  ): Promise<
    { kind: 'ok'; protection: TokenProtection } | { kind: 'error'; message: LocalizedText }
  >
  forgetToken(host: string): Promise<{ kind: 'ok' }>
  setIdentity(
    identity: Identity,
  ): Promise<{ kind: 'ok' } | { kind: 'error'; message: LocalizedText }>
}

/** Creates the publish service. */
export function createPublishService(options: PublishServiceOptions): PublishService {
  let versionCheck: Promise<GitVersionCheck> | null = null
  // One run at a time: two presses never interleave their git commands.
  let running: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const next = running.then(job, job)
    running = next.catch(() => undefined)
    return next
  }
  const timeouts = options.timeouts ?? {}
  const log = options.log
  const contextFor = (root: string): GitContext => ({
    cwd: root,
    gitPath: options.gitPath,
    timeoutMs: timeouts.localMs,
    log: log ? (entry) => log(formatLogEntry(entry)) : undefined,
  })

  const checkGit = () => {
    versionCheck ??= checkGitVersion(options.gitPath).then((r) => {
      if (r.kind !== 'ok') versionCheck = null // installing git later works without a restart
      return r
    })
    return versionCheck
  }

  const gitProblem = async (): Promise<LocalizedText | null> => {
    const v = await checkGit()
    if (v.kind === 'missing') return describeGitError('git-missing')
    if (v.kind === 'too-old') return describeGitError('git-too-old', { version: v.version })
    return null
  }

  /** Opens a session: repository, post, remote, credentials. Returns an error value when it cannot. */
  const open = async (
    path: string,
    phase: PublishPhase,
  ): Promise<Session | (PublishResult & { kind: 'error' })> => {
    const v = await checkGit()
    if (v.kind === 'missing') return failure(null, 'git-missing', { phase })
    if (v.kind === 'too-old')
      return failure(null, 'git-too-old', { phase, context: { version: v.version } })
    const repo = options.repo()
    if (!repo) return failure(null, 'not-a-repository', { phase })
    const post = resolvePost(path, repo.profile)
    if (!post) return failure(null, 'not-a-post', { phase, context: { path } })
    const ctx = contextFor(repo.root)
    const remote = await pickRemote(ctx, post.branch)
    const auth = await authFor(remote, options.tokens, options.askpass, TOKEN_USERNAME)
    return { ctx, repo, post, remote, auth, timeouts, commitKept: false, phase }
  }

  const status: PublishService['status'] = async (path) => {
    const problem = await gitProblem()
    if (problem) return { kind: 'error', message: problem }
    const repo = options.repo()
    if (!repo) return { kind: 'error', message: describeGitError('not-a-repository') }
    const post = resolvePost(path, repo.profile)
    if (!post) return { kind: 'error', message: describeGitError('not-a-post', { path }) }
    const ctx = contextFor(repo.root)
    try {
      return { kind: 'ok', status: await describePost(ctx, repo, post) }
    } catch (e) {
      return { kind: 'error', message: failureFromThrown(null, e).message }
    }
  }

  const states: PublishService['states'] = async (paths) => {
    const problem = await gitProblem()
    if (problem) return { kind: 'error', message: problem }
    const repo = options.repo()
    if (!repo) return { kind: 'error', message: describeGitError('not-a-repository') }
    const ctx = contextFor(repo.root)
    try {
      return { kind: 'ok', states: await statesOf(ctx, paths, repo.profile) }
    } catch (e) {
      return { kind: 'error', message: failureFromThrown(null, e).message }
    }
  }

  const publish: PublishService['publish'] = (request) =>
    exclusive(async () => {
      const opened = await open(request.path, 'check')
      if ('kind' in opened) return opened
      const s = opened
      const progress = progressReporter(request.path, options.emitProgress)
      progress('check', 0)
      try {
        const result = await runPublish(s, request, progress, options)
        log?.(
          `publish ${request.path}: ${result.kind === 'published' ? `pushed ${result.branch}` : `stopped: ${result.code}`}`,
        )
        if (result.kind === 'published') progress('done', 100)
        return result
      } catch (e) {
        const result = failureFromThrown(s, e)
        log?.(`publish ${request.path}: stopped: ${result.code}`)
        return result
      }
    })

  const update: PublishService['update'] = (request) =>
    exclusive(async () => {
      const opened = await open(request.path, 'check')
      if ('kind' in opened) return opened
      try {
        const method = request.method ?? opened.repo.profile.updateMethod ?? 'merge'
        const result = await updateFromBase(opened, method)
        log?.(
          `update ${request.path}: ${result.kind === 'updated' ? result.method : `stopped: ${result.code}`}`,
        )
        return result
      } catch (e) {
        return failureFromThrown(opened, e)
      }
    })

  return {
    checkGit,
    status,
    states,
    publish,
    update,
    async setToken(host, token) {
      const key = normalizeHost(host)
      if (key === '')
        return { kind: 'error', message: msg('ホスト名が空です。', 'The host name is empty.') }
      try {
        await options.tokens.set(key, token)
        return { kind: 'ok', protection: options.tokens.protection }
      } catch {
        return {
          kind: 'error',
          message: msg(
            'アクセストークンを保存できませんでした。',
            'The access token could not be saved.',
          ),
        }
      }
    },
    async forgetToken(host) {
      await options.tokens.delete(normalizeHost(host))
      return { kind: 'ok' }
    },
    async setIdentity(identity) {
      const repo = options.repo()
      if (!repo) return { kind: 'error', message: describeGitError('not-a-repository') }
      try {
        await writeIdentity(contextFor(repo.root), {
          name: identity.name.trim(),
          email: identity.email.trim(),
        })
        return { kind: 'ok' }
      } catch (e) {
        return { kind: 'error', message: failureFromThrown(null, e).message }
      }
    },
  }
}

/** Emits monotonic progress for one run. */
function progressReporter(path: string, emit: PublishServiceOptions['emitProgress']) {
  let last = -1
  return (phase: PublishPhase, percent: number) => {
    const p = Math.max(last, Math.min(100, Math.round(percent)))
    if (p === last && phase !== 'done') return
    last = p
    emit?.({ path, phase, percent: p })
  }
}

/** The one-click flow, after the session is open. */
async function runPublish(
  s: Session,
  request: PublishRequest,
  progress: (phase: PublishPhase, percent: number) => void,
  options: PublishServiceOptions,
): Promise<PublishResult> {
  const { ctx, post, repo } = s
  const profile = repo.profile
  // 1. Refuse before touching anything (G4).
  const [repoState, snapshot] = await Promise.all([getRepositoryState(ctx), getStatus(ctx)])
  const blockers = findBlockers(repoState, snapshot, post, profile)
  if (blockers.length > 0) {
    const b = blockers[0]!
    return failure(s, b.kind, { files: b.files, message: b.message })
  }
  if (!s.remote) return failure(s, 'no-remote')
  const warnings: LocalizedText[] = []
  if (s.remote.info.hasEmbeddedCredentials)
    warnings.push(describeEmbeddedCredentials(s.remote.name, s.remote.info.displayUrl))

  // 2. Save the editor's buffer first, so what is committed is what the writer sees.
  if (request.save) {
    s.phase = 'save'
    progress('save', 3)
    if (!options.savePost) return failure(s, 'save-failed')
    const saved = await options.savePost({ path: post.path, ...request.save })
    if (saved.kind === 'conflict') {
      return failure(s, 'save-failed', {
        message: msg(
          'ディスク上の記事が別の場所で変更されているため、保存と送信を止めました。エディターでどちらを残すか選んでから、もう一度押してください。',
          'The post was changed on disk elsewhere, so nothing was saved or sent. Choose which version to keep in the editor, then press again.',
        ),
      })
    }
    if (saved.kind === 'error') return failure(s, 'save-failed', { message: saved.message })
  }

  // 3. Oversized files are refused before any commit (G6).
  s.phase = 'check'
  const mine = postEntries((await getStatus(ctx)).entries, post)
  const sized = await Promise.all(
    pathsToStage(mine).map(async (p) => ({ p, bytes: await fileSize(repo.root, p) })),
  )
  const tooLarge = sized
    .filter((f) => f.bytes !== null && f.bytes > MAX_FILE_BYTES)
    .map((f) => `${f.p} (${formatMb(f.bytes!)})`)
  if (tooLarge.length > 0) return failure(s, 'file-too-large', { files: tooLarge })
  progress('check', 5)

  // 4. Fetch. Offline is not fatal yet: the commit is still made and kept (G2).
  s.phase = 'fetch'
  progress('fetch', 5)
  const remote = s.remote
  const fetched = await fetchRemote(ctx, remote.name, {
    auth: s.auth,
    timeoutMs: s.timeouts.networkMs,
    idleTimeoutMs: s.timeouts.networkIdleMs,
    onProgress: (p) => {
      const pct = fetchPercent(p)
      if (pct !== null) progress('fetch', 5 + pct * 0.15)
    },
  })
  let networkDown: 'offline' | 'timeout' | null = null
  if (fetched.errorKind === 'offline' || fetched.errorKind === 'timeout')
    networkDown = fetched.errorKind
  else if (fetched.errorKind)
    return failure(s, fetched.errorKind, {
      details: fetched.stderr,
      context: networkContext(s, fetched.errorKind),
    })
  progress('fetch', 20)

  // 5. Bring the local base branch up to date when that is a plain fast-forward.
  const remoteBase = await resolveCommit(ctx, `refs/remotes/${remote.name}/${profile.baseBranch}`)
  const localBase = await resolveCommit(ctx, `refs/heads/${profile.baseBranch}`)
  if (
    remoteBase &&
    localBase &&
    remoteBase !== localBase &&
    (await isAncestor(ctx, localBase, remoteBase))
  ) {
    if (snapshot.branch === profile.baseBranch) await fastForwardTo(ctx, remoteBase)
    else await updateBranchRef(ctx, profile.baseBranch, remoteBase, localBase)
  }

  // 6. The post's branch: reuse it, take it from the remote, or start it from the base.
  s.phase = 'branch'
  const refs = await listRefs(ctx, [
    `refs/heads/${post.branch}`,
    `refs/remotes/${remote.name}/${post.branch}`,
  ])
  const hasLocal = refs.some((r) => r.ref === `refs/heads/${post.branch}`)
  const hasRemote = refs.some((r) => r.ref === `refs/remotes/${remote.name}/${post.branch}`)
  if (snapshot.branch !== post.branch) {
    let start: string | undefined
    if (!hasLocal) {
      start = hasRemote
        ? `refs/remotes/${remote.name}/${post.branch}`
        : ((await baseRefOf(ctx, remote.name, profile.baseBranch)) ?? undefined)
      if (!start) return failure(s, 'base-missing')
    }
    const switched = await switchBranch(ctx, post.branch, start)
    if (switched.errorKind)
      return failure(s, switched.errorKind, {
        files: filesIn(switched.stderr),
        details: switched.stderr,
      })
  }
  progress('branch', 25)

  // 7. Stage and commit only this post's files.
  s.phase = 'commit'
  const baseRef = await baseRefOf(ctx, remote.name, profile.baseBranch)
  const firstCommit = (await countCommits(ctx, 'HEAD', baseRef)) === 0
  const toCommit = pathsToStage(postEntries((await getStatus(ctx)).entries, post))
  let committed = false
  if (toCommit.length > 0) {
    const title = await readTitle(repo.root, post)
    const template = firstCommit
      ? (profile.commitMessage ?? DEFAULT_MESSAGE_TEMPLATES.first)
      : (profile.commitMessageUpdate ?? DEFAULT_MESSAGE_TEMPLATES.update)
    const message = request.message?.trim() || fillMessage(template, title, post.key.slug)
    const staged = await stagePaths(ctx, toCommit)
    if (staged.errorKind) return failure(s, staged.errorKind, { details: staged.stderr })
    const made = await createCommit(ctx, message, toCommit)
    if (made.result.errorKind && made.result.errorKind !== 'nothing-to-commit') {
      return failure(s, made.result.errorKind, {
        details: `${made.result.stdout}\n${made.result.stderr}`,
      })
    }
    committed = made.commit !== null
  }
  const head = (await resolveCommit(ctx, 'HEAD'))!
  const remoteTip = await resolveCommit(ctx, `refs/remotes/${remote.name}/${post.branch}`)
  s.commitKept = remoteTip !== head
  progress('commit', 30)

  // 8. Push (fast-forward only) with git's progress on the bar.
  if (networkDown) {
    return failure(s, networkDown, {
      details: fetched.stderr,
      context: networkContext(s, networkDown),
    })
  }
  s.phase = 'push'
  const pushed = await pushBranch(ctx, remote.name, post.branch, {
    auth: s.auth,
    timeoutMs: s.timeouts.networkMs,
    idleTimeoutMs: s.timeouts.networkIdleMs,
    onProgress: (p) => {
      const pct = pushPercent(p)
      if (pct !== null) progress('push', 30 + pct * 0.68)
    },
  })
  if (pushed.result.errorKind) {
    return failure(s, pushed.result.errorKind, {
      details: `${pushed.result.stderr}\n${pushed.result.stdout}`,
      context: networkContext(s, pushed.result.errorKind),
    })
  }
  s.commitKept = false
  const link = remote.info.local
    ? null
    : pullRequestUrl(
        remote.pushUrl,
        profile.baseBranch,
        post.branch,
        profile.pullRequestUrl ?? null,
      )
  return {
    kind: 'published',
    branch: post.branch,
    commit: head,
    committed,
    pullRequestUrl: link,
    message: publishedMessage(post.branch, remote, link),
    warnings,
  }
}

function networkContext(s: Session, kind: string) {
  return kind === 'timeout'
    ? { seconds: Math.round((s.timeouts.networkIdleMs ?? 45_000) / 1000) }
    : {}
}

function publishedMessage(branch: string, remote: Remote, link: string | null): LocalizedText {
  if (link) {
    return msg(
      `ブランチ「${branch}」に送りました。リンクを開いてプルリクエストを作り、レビューを依頼してください。`,
      `Pushed to branch "${branch}". Open the link to create the pull request and ask for review.`,
    )
  }
  if (remote.info.local) {
    return msg(
      `ブランチ「${branch}」をこのパソコン上のリモート（${remote.info.displayUrl}）に送りました。プルリクエストのページはありません。`,
      `Pushed branch "${branch}" to the remote on this computer (${remote.info.displayUrl}). There is no pull-request page for it.`,
    )
  }
  return msg(
    `ブランチ「${branch}」を ${remote.info.displayUrl} に送りました。そのサイトでプルリクエストを作ってください。`,
    `Pushed branch "${branch}" to ${remote.info.displayUrl}. Create the pull request on that site.`,
  )
}

/** Paths git lists (tab-indented) under "would be overwritten" and similar messages. */
function filesIn(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('\t'))
    .map((l) => l.trim())
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
