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

/** Lists the remotes' names. */
export async function listRemoteNames(ctx: GitContext): Promise<string[]> {
  const r = await gitIn(ctx, ['remote'], { readOnly: true })
  return r.stdout
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Reads one remote's push address and what can safely be said about it. */
export async function getRemote(ctx: GitContext, name: string): Promise<Remote | null> {
  const r = await gitIn(ctx, ['remote', 'get-url', '--push', name], {
    expectedErrors: 'all',
    readOnly: true,
  })
  if (r.errorKind) return null
  const pushUrl = r.stdout.trim()
  return { name, pushUrl, info: describeRemote(name, pushUrl) }
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
  const names = await listRemoteNames(ctx)
  if (names.length === 0) return null
  let name: string | undefined
  if (branch) {
    const configured = await readConfig(ctx, `branch.${branch}.remote`)
    if (configured && names.includes(configured)) name = configured
  }
  name ??= names.includes('origin') ? 'origin' : names.length === 1 ? names[0] : undefined
  return name ? getRemote(ctx, name) : null
}
