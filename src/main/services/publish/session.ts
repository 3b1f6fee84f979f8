/** What one publish or update run shares: the repository, the post, the remote, credentials, errors. */
import type { LocalizedText } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import type { GitErrorKind, PublishError, PublishPhase } from '../../../shared/publish'
import type { TokenStore } from './credentials'
import {
  GitError,
  type AskpassProgram,
  type GitAuth,
  type GitContext,
  type GitLogEntry,
} from '../git/core'
import { describeGitError, type ErrorContext } from '../git/errors'
import { redact } from '../git/redact'
import type { Remote } from '../git/remote'
import type { PostFiles } from './post-files'

/**
 * Profile keys publishing reads beyond the shared profile (optional until the profile schema
 * carries them): a pull-request URL template for hosts that are not GitHub-like, how to update
 * from the base branch, and commit-message templates.
 */
export interface PublishProfileExtras {
  pullRequestUrl?: string | null
  updateMethod?: 'merge' | 'rebase'
  commitMessage?: string
  commitMessageUpdate?: string
}

/** The open repository as publishing needs it. */
export interface PublishRepo {
  root: string
  profile: Profile & PublishProfileExtras
}

/** Timeouts of git runs, in milliseconds. */
export interface PublishTimeouts {
  localMs?: number
  networkMs?: number
  networkIdleMs?: number
}

/** One run's shared state. */
export interface Session {
  ctx: GitContext
  repo: PublishRepo
  post: PostFiles
  remote: Remote | null
  auth: GitAuth | undefined
  timeouts: PublishTimeouts
  /** Set once a commit exists that the remote does not have yet. */
  commitKept: boolean
  phase: PublishPhase
}

/** Formats a git log entry as one line (credentials were removed by the wrapper). */
export function formatLogEntry(e: GitLogEntry): string {
  const outcome = e.errorKind ? `failed: ${e.errorKind} (exit ${String(e.exitCode)})` : 'ok'
  const tail = e.stderr ? ` | ${e.stderr.replace(/\s*\n\s*/g, ' | ')}` : ''
  return `git ${e.args.join(' ')} → ${outcome} in ${e.durationMs} ms${tail}`
}

/** Looks up the stored token for the remote's host and builds git's askpass auth, if there is one. */
export async function authFor(
  remote: Remote | null,
  tokens: TokenStore,
  askpass: () => Promise<AskpassProgram>,
  username: string,
): Promise<GitAuth | undefined> {
  const host = remote?.info.tokenHost
  if (!host) return undefined
  const token = await tokens.get(host)
  if (!token) return undefined
  return { token, username, host, askpass: await askpass() }
}

/** Builds the error value for a stop, with the message in one place (errors.ts). */
export function failure(
  s: Pick<Session, 'phase' | 'commitKept' | 'post' | 'remote' | 'auth' | 'repo'> | null,
  code: GitErrorKind,
  extra: {
    files?: string[]
    details?: string | null
    message?: LocalizedText
    context?: ErrorContext
    phase?: PublishPhase
    findings?: LocalizedText[]
  } = {},
): PublishError {
  const files = extra.files ?? []
  const ssh = s?.remote ? !s.remote.info.local && s.remote.info.tokenHost === null : false
  const message =
    extra.message ??
    describeGitError(code, {
      branch: s?.post.branch,
      baseBranch: s?.repo.profile.baseBranch,
      remote: s?.remote?.name,
      files,
      usedToken: s?.auth !== undefined,
      ssh,
      commitKept: s?.commitKept ?? false,
      ...extra.context,
    })
  const secrets = s?.auth ? [s.auth.token] : []
  return {
    kind: 'error',
    code,
    message,
    phase: extra.phase ?? s?.phase ?? 'check',
    commitKept: s?.commitKept ?? false,
    files,
    tokenHost: code === 'auth-failed' ? (s?.remote?.info.tokenHost ?? null) : null,
    details: extra.details ? redact(extra.details, secrets).trim().slice(-4000) || null : null,
    ...(extra.findings ? { findings: extra.findings } : {}),
  }
}

/** Turns anything thrown during a run into an error value (an unexpected git failure keeps its kind). */
export function failureFromThrown(s: Session | null, e: unknown): PublishError {
  if (e instanceof GitError) {
    const code = e.kind
    const context: ErrorContext =
      code === 'timeout' ? { seconds: Math.round((s?.timeouts.localMs ?? 60_000) / 1000) } : {}
    return failure(s, code, { details: e.result.stderr || e.message, context })
  }
  return failure(s, 'unknown', { details: e instanceof Error ? e.message : String(e) })
}
