import { z } from 'zod'

/**
 * The kinds of failure the git layer (src/main/services/git/errors.ts) recognises in git's output,
 * plus the publish flow's own refusals. Shared because the renderer switches on them to offer the
 * next step.
 */
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
  // the repository's disk is read-only (D7)
  'read-only-disk',
  'unrelated-changes',
  'would-overwrite',
  'uncommitted-changes',
  'not-a-post',
  // the post or its asset folder really lives outside the repository or in .git (D11)
  'path-refused',
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
  // the post itself
  'post-missing',
  // the post check before publishing (the rules of `portal-writer check`) found errors
  'post-check-failed',
  // the post's review branch
  'branch-moved',
  'review-branch-changed',
  // updating (G5): the published version, or a reviewer's commit on the review branch, changed the
  // same places as the writer
  'merge-conflict',
  'review-conflict',
  'conflict-outside-post',
  'unknown',
])
/** A reason publishing or updating stopped. */
export type GitErrorKind = z.infer<typeof gitErrorKindSchema>
