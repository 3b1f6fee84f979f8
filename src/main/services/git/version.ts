/** `git --version`: is git there, and new enough (G9)? */
import { git } from './core'
import { compareVersions, MIN_GIT_VERSION, parseGitVersion } from './errors'

/** What the installed git is. */
export type GitVersionCheck =
  { kind: 'ok'; version: string } | { kind: 'missing' } | { kind: 'too-old'; version: string }

/** Checks the git binary. Never throws: a missing git is an answer, and the rest of the app works. */
export async function checkGitVersion(
  gitPath?: string,
  cwd = process.cwd(),
): Promise<GitVersionCheck> {
  try {
    const r = await git(['--version'], {
      cwd,
      gitPath,
      timeoutMs: 10_000,
      expectedErrors: ['git-missing', 'timeout', 'unknown'],
    })
    if (r.errorKind) return { kind: 'missing' }
    const version = parseGitVersion(r.stdout)
    if (!version) return { kind: 'missing' }
    return compareVersions(version, MIN_GIT_VERSION) < 0
      ? { kind: 'too-old', version }
      : { kind: 'ok', version }
  } catch {
    return { kind: 'missing' }
  }
}
