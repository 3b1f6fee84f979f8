/** `git push`: sending a branch to the remote, with progress. Never forced. */
import type { GitErrorKind } from '../../../shared/git/error-kinds'
import {
  git,
  NETWORK_IDLE_TIMEOUT_MS,
  NETWORK_TIMEOUT_MS,
  type GitContext,
  type GitResult,
  type NetworkOptions,
} from './core'

/** How the remote answered for one ref, from `git push --porcelain`. */
export interface PushedRef {
  /** `*` new, ` ` fast-forward, `=` up to date, `!` rejected, `-` deleted, `+` forced. */
  flag: string
  from: string
  to: string
  /** git's summary: `[new branch]`, `abc..def`, `[rejected]`, `[remote rejected]`, `[up to date]`. */
  summary: string
  /** The reason in parentheses, e.g. `fetch first`, `pre-receive hook declined`. */
  reason: string | null
}

/** Parses `git push --porcelain` stdout (tab-separated ref lines). Pure. */
export function parsePushPorcelain(stdout: string): PushedRef[] {
  const refs: PushedRef[] = []
  for (const line of stdout.split('\n')) {
    const m = /^([ +\-*!=])\t([^\t]*):([^\t]*)\t(.*)$/.exec(line)
    if (!m) continue
    const summaryAndReason = m[4]!
    const r = /^(.*?)(?: \((.*)\))?$/.exec(summaryAndReason)!
    refs.push({ flag: m[1]!, from: m[2]!, to: m[3]!, summary: r[1]!, reason: r[2] ?? null })
  }
  return refs
}

/** The error kind a rejected ref line means, or null when the ref was accepted. */
export function rejectionKind(ref: PushedRef): GitErrorKind | null {
  if (ref.flag !== '!') return null
  const reason = `${ref.summary} ${ref.reason ?? ''}`
  if (/fetch first|non-fast-forward|stale info|already exists/.test(reason)) return 'push-rejected'
  if (/GH001|too large|exceeds/i.test(reason)) return 'remote-too-large'
  if (/remote rejected|hook declined|protected/i.test(reason)) return 'protected-branch'
  return 'unknown'
}

/** Push failures the publish flow reports as values. */
export const PUSH_ERRORS: readonly GitErrorKind[] = [
  'push-rejected',
  'offline',
  'timeout',
  'auth-failed',
  'protected-branch',
  'remote-too-large',
  'repository-not-found',
  'unknown',
]

/**
 * Pushes a local branch to the same name on the remote and records it as the upstream.
 * Only fast-forwards: a rejected push is reported, never forced.
 */
export async function pushBranch(
  ctx: GitContext,
  remote: string,
  branch: string,
  options: NetworkOptions = {},
): Promise<{ result: GitResult; refs: PushedRef[] }> {
  const result = await git(
    [
      'push',
      '--progress',
      '--porcelain',
      '--set-upstream',
      remote,
      `refs/heads/${branch}:refs/heads/${branch}`,
    ],
    {
      cwd: ctx.cwd,
      gitPath: ctx.gitPath,
      log: ctx.log,
      auth: options.auth,
      onProgress: options.onProgress,
      timeoutMs: options.timeoutMs ?? NETWORK_TIMEOUT_MS,
      idleTimeoutMs: options.idleTimeoutMs ?? NETWORK_IDLE_TIMEOUT_MS,
      expectedErrors: PUSH_ERRORS,
    },
  )
  const refs = parsePushPorcelain(result.stdout)
  // The porcelain ref line is more precise than stderr (a hook's words may mention anything).
  const rejected = refs.map(rejectionKind).find((k) => k !== null)
  if (rejected && result.errorKind !== 'timeout')
    return { result: { ...result, errorKind: rejected }, refs }
  return { result, refs }
}
