/** Remote addresses: parsing, the token host, and removing credentials before anything is shown. */
import { looksLikeToken } from '../redact'

export { redactRemoteUrl } from '../redact'

/** A remote address split into its parts. */
export interface ParsedRemote {
  /** `https`, `http`, `ssh`, `git` or `file` (local paths are `file`). */
  protocol: 'https' | 'http' | 'ssh' | 'git' | 'file'
  /** Host name without port or user, lower-cased; empty for local remotes. */
  host: string
  /** Port when one is written, else null. */
  port: number | null
  /** Path without leading `/` or trailing `.git`/`/`, e.g. `owner/repo`. */
  path: string
  /** True when the address carries a password, or a user name that looks like a token (G8). */
  hasCredentials: boolean
}

/** Parses a git remote address (https, ssh, scp-like `git@host:owner/repo`, file, or a folder path). */
export function parseRemoteUrl(url: string): ParsedRemote | null {
  const trimmed = url.trim()
  if (trimmed === '') return null
  const cleanPath = (p: string) =>
    p
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\.git$/, '')
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)
  if (scheme) {
    const protocol = scheme[1]!.toLowerCase()
    if (protocol === 'file')
      return {
        protocol: 'file',
        host: '',
        port: null,
        path: trimmed.slice(7),
        hasCredentials: false,
      }
    const rest = trimmed.slice(scheme[0].length)
    const slash = rest.indexOf('/')
    const authority = slash < 0 ? rest : rest.slice(0, slash)
    const path = slash < 0 ? '' : rest.slice(slash)
    const at = authority.lastIndexOf('@')
    const userinfo = at < 0 ? '' : authority.slice(0, at)
    const hostPort = at < 0 ? authority : authority.slice(at + 1)
    const hp = /^(\[[^\]]+\]|[^:]+)(?::(\d*))?$/.exec(hostPort)
    if (!hp) return null
    const kind = (['https', 'http', 'ssh', 'git'] as const).find(
      (k) => k === protocol || protocol === `git+${k}` || protocol === `${k}+git`,
    )
    if (!kind) return null
    const colon = userinfo.indexOf(':')
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon)
    const hasPassword = colon >= 0 && userinfo.slice(colon + 1) !== ''
    return {
      protocol: kind,
      host: hp[1]!.toLowerCase(),
      port: hp[2] ? Number(hp[2]) : null,
      path: cleanPath(safeDecode(path)),
      hasCredentials:
        (kind === 'https' || kind === 'http') &&
        (hasPassword || (user !== '' && looksLikeToken(user))),
    }
  }
  // scp-like: [user@]host:path (but not a Windows drive letter like C:\x)
  const scp = /^(?:([^@/]+)@)?([^:/\\]+):(?!\/\/)(.*)$/.exec(trimmed)
  if (scp && !/^[a-z]$/i.test(scp[2]!)) {
    return {
      protocol: 'ssh',
      host: scp[2]!.toLowerCase(),
      port: null,
      path: cleanPath(scp[3]!),
      hasCredentials: false,
    }
  }
  // Anything else is a path on this machine (absolute, relative or Windows).
  return { protocol: 'file', host: '', port: null, path: trimmed, hasCredentials: false }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** The key a token is stored under: `host` or `host:port`, for http(s) remotes only. */
export function tokenHostOf(remote: ParsedRemote): string | null {
  if (remote.protocol !== 'https' && remote.protocol !== 'http') return null
  return remote.port ? `${remote.host}:${remote.port}` : remote.host
}
