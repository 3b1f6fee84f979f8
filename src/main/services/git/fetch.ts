/** `git fetch`: bringing the remote's branches into `refs/remotes/<remote>/`. */
import {
  git,
  NETWORK_IDLE_TIMEOUT_MS,
  NETWORK_TIMEOUT_MS,
  type GitContext,
  type GitResult,
  type NetworkOptions,
} from './core'

/** Fetches the remote's branches (no tags: a blog has nothing to do with them). Never prunes local branches. */
export function fetchRemote(
  ctx: GitContext,
  remote: string,
  options: NetworkOptions = {},
): Promise<GitResult> {
  return git(['fetch', '--progress', '--no-tags', '--no-recurse-submodules', remote], {
    cwd: ctx.cwd,
    gitPath: ctx.gitPath,
    log: ctx.log,
    auth: options.auth,
    onProgress: options.onProgress,
    timeoutMs: options.timeoutMs ?? NETWORK_TIMEOUT_MS,
    idleTimeoutMs: options.idleTimeoutMs ?? NETWORK_IDLE_TIMEOUT_MS,
    expectedErrors: [
      'offline',
      'timeout',
      'auth-failed',
      'repository-not-found',
      'lock-file',
      'unknown',
    ],
  })
}
