/**
 * Runs the post check: reads each post once, hands it to every finding producer, and gives each
 * finding its level from the profile's `check:` settings (rules set to `off` are dropped).
 */
import { readFile } from 'node:fs/promises'
import { checkConfigOf } from '../../../shared/check/config'
import { isRuleId, type FindingSeverity, type RuleId } from '../../../shared/check/rules'
import { msg } from '../../../shared/localized'
import { PROFILE_FILE, type Profile, type ProfileError } from '../../../shared/profile'
import { resolveInRepo } from '../fs/paths'
import { decodeText } from '../posts/post-bytes'
import { scanPostFiles, type PostFile } from '../posts/post-list'
import { postRules } from './post-rules'
import { repositoryRules } from './repo-rules'
import type { CheckRun, Finding, FindingProducer, RawFinding } from './types'

/** The built-in producers: the table's rules about each post and about the whole blog. */
export const BUILT_IN_PRODUCERS: readonly FindingProducer[] = [postRules, repositoryRules]

/** What to check and how. */
export interface CheckOptions {
  root: string
  profile: Profile
  /** The profile file's problem, reported as a `profile` finding. */
  profileError?: ProfileError | null
  /** Repository-relative paths of the posts to check; every post when left out. */
  only?: readonly string[] | null
  /** Finding sources (default {@link BUILT_IN_PRODUCERS}); `check --proofread` adds textlint. */
  producers?: readonly FindingProducer[]
  /** Called after each post (for a progress line). */
  onProgress?(done: number, total: number): void
  /** Posts checked at once (I/O overlaps; default 8). */
  concurrency?: number
}

/** What a check found. */
export interface CheckResult {
  findings: Finding[]
  /** How many posts were checked. */
  checked: number
  /** Every post of the blog (what the profile's `postPath` matched). */
  allPosts: readonly PostFile[]
}

/** Finds every post of a repository by the profile's `postPath`, sorted by path. */
export async function listPosts(root: string, profile: Profile): Promise<PostFile[]> {
  const { files } = await scanPostFiles(root, profile.postPath)
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0))
}

const byPlace = (a: Finding, b: Finding) =>
  a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : a.line - b.line

/** Runs the check; findings are sorted by file and line. */
export async function runCheck(
  options: CheckOptions,
  allPosts?: readonly PostFile[],
): Promise<CheckResult> {
  const { root, profile } = options
  const config = checkConfigOf(profile)
  const posts = allPosts ?? (await listPosts(root, profile))
  const only = options.only ? new Set(options.only) : null
  const targets = only ? posts.filter((p) => only.has(p.relPath)) : posts
  const run: CheckRun = {
    root,
    profile,
    config,
    allPosts: posts,
    checked: new Set(targets.map((p) => p.relPath)),
    whole: targets.length === posts.length,
    isOn: (rule: RuleId) => config.levels[rule] !== 'off',
  }
  const producers = options.producers ?? BUILT_IN_PRODUCERS
  const raw: RawFinding[] = []
  if (options.profileError)
    raw.push({
      rule: 'profile',
      relPath: PROFILE_FILE,
      line: options.profileError.line,
      message: options.profileError.message,
    })

  let next = 0
  let done = 0
  const worker = async () => {
    while (next < targets.length) {
      const file = targets[next++]!
      raw.push(...(await checkOne(file, run, producers)))
      options.onProgress?.(++done, targets.length)
    }
  }
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker))
  for (const producer of producers) {
    if (producer.repository) raw.push(...(await producer.repository(run)))
  }
  const findings: Finding[] = []
  for (const f of raw) {
    const severity = severityOf(f, run)
    if (severity) findings.push({ ...f, severity })
  }
  return { findings: findings.sort(byPlace), checked: targets.length, allPosts: posts }
}

/** A finding's severity: the profile's level for a table rule, else the producer's own. */
function severityOf(f: RawFinding, run: CheckRun): FindingSeverity | null {
  if (!isRuleId(f.rule)) return f.severity ?? 'warning'
  const level = run.config.levels[f.rule]
  return level === 'off' ? null : level
}

/** Reads one post (refusing links out of the repository and bytes that are not UTF-8) and checks it. */
async function checkOne(
  file: PostFile,
  run: CheckRun,
  producers: readonly FindingProducer[],
): Promise<RawFinding[]> {
  const unreadable = (message: RawFinding['message']): RawFinding[] => [
    { rule: 'post-file', relPath: file.relPath, line: 1, message },
  ]
  const resolved = await resolveInRepo(run.root, file.relPath)
  if (resolved.kind === 'refused') return unreadable(resolved.reason)
  let bytes: Buffer
  try {
    bytes = await readFile(resolved.realPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
    return unreadable(msg(`読めませんでした（${code}）。`, `The file could not be read (${code}).`))
  }
  const decoded = decodeText(bytes)
  if (!decoded.validUtf8)
    return unreadable(
      msg(
        'UTF-8 として正しくないバイトがあります。UTF-8 で保存し直してください。',
        'The file has bytes that are not valid UTF-8. Save it as UTF-8.',
      ),
    )
  const out: RawFinding[] = []
  for (const producer of producers) {
    if (producer.post) out.push(...(await producer.post({ file, text: decoded.text }, run)))
  }
  return out
}
