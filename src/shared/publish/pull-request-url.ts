/** The page where a writer opens the pull request for a post's branch. Pure. */
import { parseRemoteUrl } from './remote-url'

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
