/** `git add` + `git commit`: staging and committing exactly the given files. */
import type { GitErrorKind } from '../../../shared/publish'
import { gitIn, type GitContext, type GitResult } from './core'

/** Failures of `git commit` itself; any other failure comes from a hook. */
const COMMIT_ERRORS: readonly GitErrorKind[] = [
  'identity-missing',
  'lock-file',
  'nothing-to-commit',
  'git-missing',
  'not-a-repository',
]

/** Paths as git reads them from stdin with `--pathspec-file-nul`. */
function pathspecInput(paths: readonly string[]): string {
  return paths.map((p) => `${p}\0`).join('')
}

/**
 * Stages exactly these paths (additions, changes and deletions), nothing else. Paths are literal
 * (GIT_LITERAL_PATHSPECS) and go through stdin, so no file name is read as an option or a pattern.
 */
export function stagePaths(ctx: GitContext, paths: readonly string[]): Promise<GitResult> {
  return gitIn(ctx, ['add', '-A', '--pathspec-from-file=-', '--pathspec-file-nul'], {
    stdin: pathspecInput(paths),
    expectedErrors: ['lock-file'],
  })
}

/**
 * Commits exactly these paths (`--only`): anything else the writer staged stays staged and out of
 * this commit. Returns the new commit's id on success.
 */
export async function createCommit(
  ctx: GitContext,
  message: string,
  paths: readonly string[],
): Promise<{ result: GitResult; commit: string | null }> {
  const result = await gitIn(
    ctx,
    [
      'commit',
      '--only',
      '--no-edit',
      '-m',
      message,
      '--pathspec-from-file=-',
      '--pathspec-file-nul',
    ],
    {
      stdin: pathspecInput(paths),
      expectedErrors: 'all',
    },
  )
  if (result.errorKind === 'timeout') return { result, commit: null }
  if (result.errorKind && !COMMIT_ERRORS.includes(result.errorKind)) {
    // Anything else that stops a commit is the repository's own pre-commit or commit-msg hook.
    return { result: { ...result, errorKind: 'hook-failed' }, commit: null }
  }
  if (result.errorKind) return { result, commit: null }
  const head = await gitIn(ctx, ['rev-parse', 'HEAD'], { readOnly: true })
  return { result, commit: head.stdout.trim() }
}
