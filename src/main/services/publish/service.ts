/**
 * Publishing for review: the per-post status and the one-click flow, plus bringing the published
 * state in. The working folder is never switched, stashed or reset: the post's files are
 * committed onto its review branch through a temporary index (publish/send.ts), and updates are
 * merged in memory (publish/update.ts). Never force-pushes; a commit that could not be pushed
 * stays for a retry.
 */
import { msg, type LocalizedText } from '../../../shared/localized'
import type {
  CompareVersions,
  FolderState,
  PublishPhase,
  PublishProgress,
  PublishResult,
  PublishState,
  PublishStatus,
  TokenProtection,
  UpdateResult,
} from '../../../shared/publish'
import { normalizeHost, TOKEN_USERNAME, type TokenStore } from './credentials'
import type { AskpassProgram, GitContext } from '../git/core'
import { describeGitError, refusedPathMessage } from '../git/errors'
import { pickRemote } from '../git/remote'
import { setIdentity as writeIdentity, type Identity } from '../git/config'
import { checkGitVersion, type GitVersionCheck } from '../git/version'
import { compareVersions } from './compare'
import { describePost } from './describe'
import { folderState, returnToBase } from './folder'
import { refusedPostPaths, resolvePost, type PostFiles } from './post-files'
import { statesOf } from './post-state'
import { sendPost, type SavePost, type SendRequest, type SendStep } from './send'
import {
  authFor,
  failure,
  failureFromThrown,
  formatLogEntry,
  type PublishRepo,
  type PublishTimeouts,
  type Session,
} from './session'
import { updateFromBase, type Resolution } from './update'

export type { PublishRepo, PublishProfileExtras, PublishTimeouts } from './session'
export type { SavePost, SendStep } from './send'

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
  /** Called before each step of a send (tests interleave races and crashes there). */
  beforeStep?: (step: SendStep) => Promise<void> | void
}

/** Request of the one-click flow. */
export type PublishRequest = SendRequest

/** Answer of the channels that return a value or a message. */
type Answer<T> = ({ kind: 'ok' } & T) | { kind: 'error'; message: LocalizedText }

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
  update(request: {
    path: string
    method?: 'merge' | 'rebase'
    resolution?: Resolution
  }): Promise<UpdateResult>
  compare(path: string): Promise<Answer<{ versions: CompareVersions }>>
  folder(): Promise<Answer<{ folder: FolderState }>>
  returnToBase(): Promise<Answer<{ message: LocalizedText }>>
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

  /** The open repository and git context, or the message saying why there is none. */
  const opened = async (): Promise<
    { repo: PublishRepo; ctx: GitContext } | { kind: 'error'; message: LocalizedText }
  > => {
    const problem = await gitProblem()
    if (problem) return { kind: 'error', message: problem }
    const repo = options.repo()
    if (!repo) return { kind: 'error', message: describeGitError('not-a-repository') }
    return { repo, ctx: contextFor(repo.root) }
  }

  /** Runs a read about one post, turning failures into messages. */
  const aboutPost = async <T>(
    path: string,
    job: (ctx: GitContext, repo: PublishRepo, post: PostFiles) => Promise<T>,
  ): Promise<({ kind: 'ok' } & T) | { kind: 'error'; message: LocalizedText }> => {
    const o = await opened()
    if ('kind' in o) return o
    const post = resolvePost(path, o.repo.profile)
    if (!post) return { kind: 'error', message: describeGitError('not-a-post', { path }) }
    const refused = await refusedPostPaths(o.repo.root, post)
    if (refused) return { kind: 'error', message: refusedPathMessage(refused) }
    try {
      return { kind: 'ok', ...(await job(o.ctx, o.repo, post)) }
    } catch (e) {
      return { kind: 'error', message: failureFromThrown(null, e).message }
    }
  }

  /** Runs a read about the repository, turning failures into messages. */
  const aboutRepo = async <T>(
    job: (ctx: GitContext, repo: PublishRepo) => Promise<T>,
  ): Promise<({ kind: 'ok' } & T) | { kind: 'error'; message: LocalizedText }> => {
    const o = await opened()
    if ('kind' in o) return o
    try {
      return { kind: 'ok', ...(await job(o.ctx, o.repo)) }
    } catch (e) {
      return { kind: 'error', message: failureFromThrown(null, e).message }
    }
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
    const refused = await refusedPostPaths(repo.root, post)
    if (refused)
      return failure(null, 'path-refused', {
        phase,
        files: [path],
        message: refusedPathMessage(refused),
      })
    const ctx = contextFor(repo.root)
    const remote = await pickRemote(ctx, post.branch)
    const auth = await authFor(remote, options.tokens, options.askpass, TOKEN_USERNAME)
    return { ctx, repo, post, remote, auth, timeouts, commitKept: false, phase }
  }

  const publish: PublishService['publish'] = (request) =>
    exclusive(async () => {
      const s = await open(request.path, 'check')
      if ('kind' in s) return s
      const progress = progressReporter(request.path, options.emitProgress)
      try {
        const result = await sendPost(s, request, {
          savePost: options.savePost,
          progress,
          beforeStep: options.beforeStep,
        })
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
      const s = await open(request.path, 'check')
      if ('kind' in s) return s
      try {
        const result = await updateFromBase(s, request.resolution, request.method)
        log?.(
          `update ${request.path}: ${result.kind === 'updated' ? result.method : `stopped: ${result.code}`}`,
        )
        return result
      } catch (e) {
        return failureFromThrown(s, e)
      }
    })

  return {
    checkGit,
    status: (path) =>
      aboutPost(path, async (ctx, repo, post) => {
        const status = await describePost(ctx, repo, post)
        const host = status.remote?.tokenHost
        const tokenStored = host ? (await options.tokens.get(host)) !== null : false
        return { status: { ...status, tokenStored } }
      }),
    states: (paths) =>
      aboutRepo(async (ctx, repo) => ({ states: await statesOf(ctx, paths, repo.profile) })),
    publish,
    update,
    compare: (path) =>
      aboutPost(path, async (ctx, repo, post) => ({
        versions: await compareVersions(ctx, repo, post),
      })),
    folder: () =>
      aboutRepo(async (ctx, repo) => ({ folder: await folderState(ctx, repo.profile) })),
    // The inner answer's own `kind` wins over aboutRepo's 'ok' (it is spread last).
    returnToBase: () => exclusive(() => aboutRepo((ctx, repo) => returnToBase(ctx, repo.profile))),
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
