/** `git remote`: which remote a branch goes to, and its address (never printed with credentials, G8). */
import { parseRemoteUrl, tokenHostOf, type RemoteInfo } from '../../../shared/publish'
import { readConfig } from './config'
import { gitIn, type GitContext } from './core'
import { hasEmbeddedCredentials, redactRemoteUrl } from './redact'

/** A configured remote with its raw push address (may hold credentials: never show it). */
export interface Remote {
  name: string
  /** The address git pushes to, `insteadOf` rewrites applied. Secret-bearing: use `info` to show. */
  pushUrl: string
  info: RemoteInfo
}

/**
 * Parses `git remote -v`: each remote's push address, `insteadOf` and `pushInsteadOf` applied
 * (the first one when several are set, as `remote get-url --push` gives). Pure.
 */
export function parseRemoteList(output: string): Map<string, string> {
  const remotes = new Map<string, string>()
  for (const line of output.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab <= 0 || !line.endsWith(' (push)')) continue
    const name = line.slice(0, tab)
    if (!remotes.has(name)) remotes.set(name, line.slice(tab + 1, -' (push)'.length))
  }
  return remotes
}

/** Every remote's push address, in one git run. Secret-bearing: use `describeRemote` to show. */
export async function listRemotes(ctx: GitContext): Promise<Map<string, string>> {
  return parseRemoteList((await gitIn(ctx, ['remote', '-v'], { readOnly: true })).stdout)
}

/** What the UI may know about a remote: its address without credentials, token host, locality. */
export function describeRemote(name: string, url: string): RemoteInfo {
  const parsed = parseRemoteUrl(url)
  return {
    name,
    displayUrl: redactRemoteUrl(url),
    tokenHost: parsed ? tokenHostOf(parsed) : null,
    local: !parsed || parsed.protocol === 'file',
    // Judged by the one token-shape rule (redact.ts), for every scheme git may send them over.
    hasEmbeddedCredentials: hasEmbeddedCredentials(url),
  }
}

/**
 * The remote a branch pushes to: its configured upstream remote, else `origin`, else the only
 * remote. Null when the repository has none.
 */
export async function pickRemote(ctx: GitContext, branch: string | null): Promise<Remote | null> {
  const [remotes, configured] = await Promise.all([
    listRemotes(ctx),
    branch ? readConfig(ctx, `branch.${branch}.remote`) : null,
  ])
  if (remotes.size === 0) return null
  const names = [...remotes.keys()]
  const name =
    configured && remotes.has(configured)
      ? configured
      : remotes.has('origin')
        ? 'origin'
        : names.length === 1
          ? names[0]!
          : null
  const pushUrl = name === null ? undefined : remotes.get(name)
  return name === null || pushUrl === undefined
    ? null
    : { name, pushUrl, info: describeRemote(name, pushUrl) }
}
