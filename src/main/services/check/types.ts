/** What the post check is made of: findings, and the producers that find them. */
import type { CheckConfig } from '../../../shared/check/config'
import type { FindingSeverity, RuleId } from '../../../shared/check/rules'
import type { LocalizedText } from '../../../shared/localized'
import type { Profile } from '../../../shared/profile'
import type { PostFile } from '../posts/post-list'

/** A finding as a producer reports it, before the profile's levels apply. */
export interface RawFinding {
  /** A rule id of the table (src/shared/check/rules.ts), or the producer's own (`textlint/…`). */
  rule: string
  /** Repository-relative, `/`-separated path of the file. */
  relPath: string
  /** 1-based line (1 when the finding is about the file as a whole). */
  line: number
  /** 1-based column, when known. */
  column?: number
  message: LocalizedText
  /**
   * Severity of a rule that is not in the table (a producer's own rules); ignored for table rules,
   * whose level comes from the profile. Default `warning`.
   */
  severity?: FindingSeverity
}

/** A finding with its severity decided. */
export interface Finding extends RawFinding {
  severity: FindingSeverity
}

/** One post being checked: its file and its text as the editor sees it. */
export interface PostUnderCheck {
  file: PostFile
  /** `\n` line endings, no BOM. */
  text: string
}

/** What every producer may know about the run. */
export interface CheckRun {
  root: string
  profile: Profile
  config: CheckConfig
  /** Every post of the blog (repository-wide rules need them all), sorted by path. */
  allPosts: readonly PostFile[]
  /** Paths of the posts being checked (all of them, or those given / changed). */
  checked: ReadonlySet<string>
  /** Whether every post is checked (rules about files that are not posts only run then). */
  whole: boolean
  /** Whether a table rule is on (producers skip work for rules that are off). */
  isOn(rule: RuleId): boolean
}

/**
 * A source of findings. The built-in rules are one; `check --proofread` (textlint) adds another.
 * `post` runs for each checked post that could be read; `repository` runs once per check.
 */
export interface FindingProducer {
  /** Short name for logs and errors (`rules`, `textlint`). */
  id: string
  post?(post: PostUnderCheck, run: CheckRun): Promise<RawFinding[]>
  repository?(run: CheckRun): Promise<RawFinding[]>
}
