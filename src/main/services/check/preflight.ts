/**
 * The post check for publishing: the same rules and levels as `portal-writer check` and the
 * editor's lint, run on the one post being published (repository-wide rules still see the blog).
 * Sending (publish/send.ts) stops on `errors` and shows `warnings` beside its other warnings.
 */
import { msg, type LocalizedText } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import { runCheck } from './run-check'
import type { Finding } from './types'

/** What the check says about the post about to be published. */
export interface PublishCheck {
  errors: LocalizedText[]
  warnings: LocalizedText[]
  /** The files the errors are about (the post, an image of its folder…), each once. */
  errorFiles: string[]
}

/** A finding as one line: where in which file, the message, and its rule id. */
function describe(f: Finding): LocalizedText {
  return msg(
    `${f.relPath} ${f.line} 行目: ${f.message.ja} [${f.rule}]`,
    `${f.relPath} line ${f.line}: ${f.message.en} [${f.rule}]`,
  )
}

/** Checks the post at `relPath` (as saved on disk) with the profile's `check:` levels. */
export async function checkPostForPublish(
  root: string,
  profile: Profile,
  relPath: string,
): Promise<PublishCheck> {
  const { findings } = await runCheck({ root, profile, only: [relPath] })
  const errors = findings.filter((f) => f.severity === 'error')
  return {
    errors: errors.map(describe),
    warnings: findings.filter((f) => f.severity === 'warning').map(describe),
    errorFiles: [...new Set(errors.map((f) => f.relPath))],
  }
}
