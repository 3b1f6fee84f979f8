import { z } from 'zod'
import { localizedTextSchema } from './post'
import { fillPattern, type PostKey } from './profile'

/**
 * Publishing for review: pure types, branch naming, remote parsing, pull-request links and the zod
 * schemas of the publish IPC channels (merged into the contract by the lead).
 */

/** Where a post stands on its way to the blog. */
export const publishStateSchema = z.enum(['new', 'changed', 'committed', 'pushed', 'merged'])
/** Where a post stands: new / changed / committed / pushed / merged into the base branch. */
export type PublishState = z.infer<typeof publishStateSchema>

/** Every reason publishing or updating can stop; the UI switches on it to offer the next step. */
export const gitErrorKindSchema = z.enum([
  // git itself (G9)
  'git-missing',
  'git-too-old',
  // the repository (G4)
  'not-a-repository',
  'detached-head',
  'merge-in-progress',
  'rebase-in-progress',
  'operation-in-progress',
  'lock-file',
  'unrelated-changes',
  'would-overwrite',
  'uncommitted-changes',
  'not-a-post',
  'base-missing',
  'no-remote',
  'save-failed',
  'identity-missing',
  'hook-failed',
  'nothing-to-commit',
  // size (G6)
  'file-too-large',
  // the remote (G1, G2, G3, G7)
  'push-rejected',
  'offline',
  'timeout',
  'auth-failed',
  'protected-branch',
  'remote-too-large',
  'repository-not-found',
  // updating (G5)
  'merge-conflict',
  'unknown',
])
/** A reason publishing or updating stopped. */
export type GitErrorKind = z.infer<typeof gitErrorKindSchema>

/** Steps of the one-click flow, in order; the progress bar labels them. */
export const publishPhaseSchema = z.enum([
  'check',
  'save',
  'fetch',
  'branch',
  'commit',
  'push',
  'done',
])
/** A step of the one-click flow. */
export type PublishPhase = z.infer<typeof publishPhaseSchema>

/** A progress report of the one-click flow (the `publish:progress` event). */
export const publishProgressSchema = z.object({
  /** The post being published. */
  path: z.string(),
  phase: publishPhaseSchema,
  /** Overall progress 0–100, fed by git's own progress output while pushing. */
  percent: z.number().min(0).max(100),
})
/** A progress report of the one-click flow. */
export type PublishProgress = z.infer<typeof publishProgressSchema>

/** How a file of the post differs from the last commit. */
export const fileChangeSchema = z.enum(['added', 'modified', 'deleted', 'unchanged'])

/** One file that publishing would include. */
export const includedFileSchema = z.object({
  /** Repository-relative, `/`-separated. */
  path: z.string(),
  change: fileChangeSchema,
  /** Size on disk, or null when the file is deleted. */
  bytes: z.number().nullable(),
})
/** One file that publishing would include. */
export type IncludedFile = z.infer<typeof includedFileSchema>

/** The remote the post goes to, with any credentials in its address removed (G8). */
export const remoteInfoSchema = z.object({
  name: z.string(),
  /** The address with user/password removed: safe to show. */
  displayUrl: z.string(),
  /** `host[:port]` for HTTPS remotes (the key of a stored token), else null. */
  tokenHost: z.string().nullable(),
  /** True for a folder or file:// remote (no pull-request page). */
  local: z.boolean(),
  /** True when the configured address embeds a password or token (G8). */
  hasEmbeddedCredentials: z.boolean(),
})
/** The remote the post goes to. */
export type RemoteInfo = z.infer<typeof remoteInfoSchema>

/** A problem that stops publishing right now, shown before the writer presses the button. */
export const publishBlockerSchema = z.object({
  kind: gitErrorKindSchema,
  message: localizedTextSchema,
  files: z.array(z.string()),
})
/** A problem that stops publishing right now. */
export type PublishBlocker = z.infer<typeof publishBlockerSchema>

/** What the publish panel shows for one post. */
export const publishStatusSchema = z.object({
  path: z.string(),
  state: publishStateSchema,
  /** The post's branch (`post/<slug>` by default). */
  branch: z.string(),
  branchExists: z.boolean(),
  /** The branch checked out now; null when HEAD is detached. */
  currentBranch: z.string().nullable(),
  baseBranch: z.string(),
  /** Commits on the post branch that the remote does not have yet. */
  unpushedCommits: z.number().int().min(0),
  /** The post file and its asset folder's files: all that publishing includes. */
  files: z.array(includedFileSchema),
  remote: remoteInfoSchema.nullable(),
  /** The pull-request page, when the remote has one. */
  pullRequestUrl: z.string().nullable(),
  /** The commit message the next commit gets unless the writer edits it. */
  suggestedMessage: z.string(),
  /** True until the branch has its first commit: the message can still be edited. */
  firstCommit: z.boolean(),
  blockers: z.array(publishBlockerSchema),
  warnings: z.array(localizedTextSchema),
})
/** What the publish panel shows for one post. */
export type PublishStatus = z.infer<typeof publishStatusSchema>

const publishErrorSchema = z.object({
  kind: z.literal('error'),
  code: gitErrorKindSchema,
  message: localizedTextSchema,
  /** The step that stopped. */
  phase: publishPhaseSchema,
  /** True when a commit was made (or already existed) and is kept locally for a retry. */
  commitKept: z.boolean(),
  /** Files the message is about (unrelated changes, oversized files, conflicts). */
  files: z.array(z.string()),
  /** For `auth-failed`: the host to ask a token for; null when a token would not help (SSH). */
  tokenHost: z.string().nullable(),
  /** git's own words, credentials removed, for the "details" disclosure. */
  details: z.string().nullable(),
})
/** A publish or update failure. */
export type PublishError = z.infer<typeof publishErrorSchema>

/** Result of the one-click flow. */
export const publishResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    branch: z.string(),
    /** The pushed commit. */
    commit: z.string(),
    /** False when nothing new was committed (a retry that only pushed). */
    committed: z.boolean(),
    pullRequestUrl: z.string().nullable(),
    message: localizedTextSchema,
    warnings: z.array(localizedTextSchema),
  }),
  publishErrorSchema,
])
/** Result of the one-click flow. */
export type PublishResult = z.infer<typeof publishResultSchema>

/** Result of updating the post branch from the base branch. */
export const updateResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('updated'),
    /** False when the branch already had everything. */
    changed: z.boolean(),
    method: z.enum(['merge', 'rebase', 'fast-forward', 'none']),
    message: localizedTextSchema,
  }),
  publishErrorSchema,
])
/** Result of updating the post branch from the base branch. */
export type UpdateResult = z.infer<typeof updateResultSchema>

/** Where a saved token is kept: the OS keychain, an obfuscation only (Linux basic_text), or memory. */
export const tokenProtectionSchema = z.enum(['keychain', 'weak', 'memory'])
/** Where a saved token is kept. */
export type TokenProtection = z.infer<typeof tokenProtectionSchema>

const errorOnly = z.object({ kind: z.literal('error'), message: localizedTextSchema })

/** Request/response channels of publishing, to merge into `channels` of the IPC contract. */
export const publishChannels = {
  /** Status of one post (state, branch, included files, blockers). */
  'publish:status': {
    request: z.object({ path: z.string().min(1) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), status: publishStatusSchema }),
      errorOnly,
    ]),
  },
  /** States of many posts at once, for the post list. */
  'publish:states': {
    request: z.object({ paths: z.array(z.string().min(1)) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), states: z.record(z.string(), publishStateSchema) }),
      errorOnly,
    ]),
  },
  /**
   * The one-click flow. `save` carries the editor's buffer to write first; `message` replaces the
   * suggested commit message.
   */
  'publish:run': {
    request: z.object({
      path: z.string().min(1),
      message: z.string().max(2000).optional(),
      save: z.object({ text: z.string(), expectedHash: z.string().nullable() }).optional(),
    }),
    response: publishResultSchema,
  },
  /** Brings the post branch up to date with the remote and the base branch (merge or rebase). */
  'publish:update': {
    request: z.object({ path: z.string().min(1), method: z.enum(['merge', 'rebase']).optional() }),
    response: updateResultSchema,
  },
  /** Stores a token for an HTTPS host (encrypted with the OS keychain when it has one). */
  'publish:setToken': {
    request: z.object({ host: z.string().min(1), token: z.string().min(1).max(4096) }),
    response: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('ok'), protection: tokenProtectionSchema }),
      errorOnly,
    ]),
  },
  /** Forgets the token stored for a host. */
  'publish:forgetToken': {
    request: z.object({ host: z.string().min(1) }),
    response: z.object({ kind: z.literal('ok') }),
  },
  /** Sets the name and e-mail git records on commits, in this repository only. */
  'publish:setIdentity': {
    request: z.object({ name: z.string().min(1).max(200), email: z.string().min(3).max(320) }),
    response: z.discriminatedUnion('kind', [z.object({ kind: z.literal('ok') }), errorOnly]),
  },
} as const

/** Main → renderer events of publishing, to merge into `events` of the IPC contract. */
export const publishEvents = {
  /** Progress of the one-click flow (phase and overall percent). */
  'publish:progress': publishProgressSchema,
} as const

/** `window.portal.publish` methods, to merge into `apiShape` of the IPC contract. */
export const publishApiShape = {
  status: 'publish:status',
  states: 'publish:states',
  run: 'publish:run',
  update: 'publish:update',
  setToken: 'publish:setToken',
  forgetToken: 'publish:forgetToken',
  setIdentity: 'publish:setIdentity',
} as const

// ---------------------------------------------------------------------------------------------
// Branch naming

/** Characters git refuses in a ref name (git check-ref-format), plus whitespace. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
const BAD_REF_CHARS = /[\u0000-\u0020\u007f~^:?*[\\]/g

/**
 * The post's branch from the profile's `branchPattern` (`post/{slug}` by default).
 * Whatever a slug holds, the result is a valid git branch name: bad characters become `-`.
 */
export function branchNameFor(pattern: string, key: PostKey): string {
  const raw = fillPattern(pattern, key)
  const cleaned = raw
    .replace(BAD_REF_CHARS, '-')
    .replace(/@\{/g, '-')
    .replace(/\.{2,}/g, '.')
    .split('/')
    .map((part) =>
      part
        .replace(/^\.+/, '')
        .replace(/\.lock$/i, '-lock')
        .replace(/\.+$/, ''),
    )
    .filter((part) => part.length > 0)
    .join('/')
  // A name git would still refuse (empty, `@`, or read as an option) gets a safe prefix.
  return isValidBranchName(cleaned) ? cleaned : `post/${cleaned.replace(/^[-@]+/, '') || 'draft'}`
}

/** Checks a branch name against git's ref-name rules (without running git). */
export function isValidBranchName(name: string): boolean {
  if (
    name === '' ||
    name === '@' ||
    name.startsWith('-') ||
    name.startsWith('/') ||
    name.endsWith('/')
  )
    return false
  if (name.endsWith('.') || name.includes('..') || name.includes('//') || name.includes('@{'))
    return false
  if (new RegExp(BAD_REF_CHARS.source).test(name)) return false
  return name
    .split('/')
    .every((part) => !part.startsWith('.') && !part.toLowerCase().endsWith('.lock'))
}

/** Fills a commit-message template: `{title}` and `{slug}`. */
export function fillMessage(template: string, title: string, slug: string): string {
  return template.replaceAll('{title}', title).replaceAll('{slug}', slug)
}

/** Default commit-message templates: the first commit adds the post, later ones update it. */
export const DEFAULT_MESSAGE_TEMPLATES = {
  first: '記事を追加: {title}',
  update: '記事を更新: {title}',
} as const

// ---------------------------------------------------------------------------------------------
// Remotes and pull-request links

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

/** Prefixes of tokens issued by the big hosts (GitHub, GitLab, Bitbucket). */
const TOKEN_PREFIX = /^(gh[pousr]_|github_pat_|glpat-|gloas-|ATBB|ATCTT)/
/** A user name that is really a secret: a known token prefix, or a long opaque string. */
function looksLikeToken(user: string): boolean {
  return TOKEN_PREFIX.test(user) || (/^[A-Za-z0-9_-]{30,}$/.test(user) && /\d/.test(user))
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
        (hasPassword || (user !== '' && looksLikeToken(safeDecode(user)))),
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

/** The address with any user:password (or token user name) removed, safe to print (G8). */
export function redactRemoteUrl(url: string): string {
  return url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i,
    (_m, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':')
      const user = colon < 0 ? userinfo : userinfo.slice(0, colon)
      if (colon < 0 && !looksLikeToken(safeDecode(user))) return `${scheme}${userinfo}@`
      return `${scheme}***@`
    },
  )
}

/** The key a token is stored under: `host` or `host:port`, for http(s) remotes only. */
export function tokenHostOf(remote: ParsedRemote): string | null {
  if (remote.protocol !== 'https' && remote.protocol !== 'http') return null
  return remote.port ? `${remote.host}:${remote.port}` : remote.host
}

/** Placeholders a profile's pull-request URL template may use. */
export const PULL_REQUEST_TEMPLATE_HINT = '{host} {path} {owner} {repo} {base} {branch}'

/** Percent-encodes a branch for a URL path, keeping its `/` separators. */
function encodeBranch(branch: string): string {
  return branch.split('/').map(encodeURIComponent).join('/')
}

/**
 * The page where the writer opens a pull request for `branch` into `base`, or null for local
 * remotes (nothing to open: the branch was pushed to a folder).
 *
 * A profile template wins (placeholders {@link PULL_REQUEST_TEMPLATE_HINT}); otherwise GitLab and
 * Bitbucket hosts get their own pages and every other host is treated as GitHub / GitHub
 * Enterprise: `https://host/owner/repo/compare/<base>...<branch>?expand=1`.
 */
export function pullRequestUrl(
  remoteUrl: string,
  base: string,
  branch: string,
  template?: string | null,
): string | null {
  const remote = parseRemoteUrl(remoteUrl)
  if (!remote || remote.protocol === 'file' || remote.host === '' || remote.path === '') return null
  // Web pages are served over https except where the remote itself is plain http (a local server).
  const scheme = remote.protocol === 'http' ? 'http' : 'https'
  const port = remote.protocol === 'http' || remote.protocol === 'https' ? remote.port : null
  const origin = `${scheme}://${remote.host}${port ? `:${port}` : ''}`
  const parts = remote.path.split('/')
  const owner = parts.length > 1 ? parts.slice(0, -1).join('/') : ''
  const repo = parts[parts.length - 1]!
  if (template) {
    return template
      .replaceAll('{host}', remote.host)
      .replaceAll('{path}', remote.path)
      .replaceAll('{owner}', owner)
      .replaceAll('{repo}', repo)
      .replaceAll('{base}', encodeURIComponent(base))
      .replaceAll('{branch}', encodeURIComponent(branch))
  }
  if (owner === '') return null
  if (remote.host === 'gitlab.com' || remote.host.startsWith('gitlab.')) {
    const q = `merge_request%5Bsource_branch%5D=${encodeURIComponent(branch)}&merge_request%5Btarget_branch%5D=${encodeURIComponent(base)}`
    return `${origin}/${remote.path}/-/merge_requests/new?${q}`
  }
  if (remote.host === 'bitbucket.org') {
    return `${origin}/${remote.path}/pull-requests/new?source=${encodeURIComponent(branch)}&dest=${encodeURIComponent(base)}`
  }
  return `${origin}/${remote.path}/compare/${encodeBranch(base)}...${encodeBranch(branch)}?expand=1`
}
