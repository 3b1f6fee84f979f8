/**
 * `portal-writer check`: the post rules (src/shared/check/rules.ts) over the whole blog, the posts
 * given, or the posts a branch changed. Exit 0 without errors, 1 with errors, 2 for a usage error
 * or a blog without posts.
 */
import { readdir, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { msg, type Locale, type LocalizedText } from '../shared/localized'
import { patternRoot, PROFILE_FILE, type Profile } from '../shared/profile'
import { changedFiles } from '../main/services/git/changed-files'
import { readRepoProfile } from '../main/services/repo/repo'
import {
  BUILT_IN_PRODUCERS,
  listPosts,
  runCheck,
  type CheckResult,
} from '../main/services/check/run-check'
import {
  byRuleLine,
  FORMATS,
  githubLine,
  jsonReport,
  summaryLine,
  textLine,
  type CheckFormat,
  type ShownFinding,
} from './check-format'
import { CHECK_SOURCES } from './check-sources'
import { chooseChanged, chooseGiven } from './check-targets'
import { startCommand } from './command-start'
import type { CliIo } from './output'
import { findRepoRoot, toPosix } from './post-context'

/** The first argument that names nothing on disk, or null. */
async function firstMissing(args: readonly string[], cwd: string): Promise<string | null> {
  for (const arg of args) {
    if (!(await stat(resolve(cwd, arg)).catch(() => null))) return arg
  }
  return null
}

async function isFolder(path: string): Promise<boolean> {
  return readdir(path).then(
    () => true,
    () => false,
  )
}

/** Why the blog seems to hold no posts: the `postPath` pattern and the folder it looked in. */
function noPosts(profile: Profile, root: string, cwd: string): LocalizedText {
  const dir = patternRoot(profile.postPath) || '.'
  const shown = toPosix(relative(cwd, join(root, dir))) || '.'
  return msg(
    `記事が 1 件も見つかりません。postPath「${profile.postPath}」に合うファイルが ${shown} にありません。フォルダか .portal-writer.yml の postPath を確かめてください。`,
    `No posts found: nothing in ${shown} matches the postPath "${profile.postPath}". Check the folder, or postPath in .portal-writer.yml.`,
  )
}

/** `portal-writer check`; resolves to the exit code. */
export async function checkCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const started = startCommand('check', argv, io, {
    valued: ['format'],
    optionalValue: ['changed'],
    switches: ['quiet', 'json', ...CHECK_SOURCES.map((source) => source.flag)],
  })
  if (started.kind === 'exit') return started.code
  const { flags, positionals } = started.args
  const lang = started.lang
  const usage = (text: LocalizedText) => {
    io.err(text[lang])
    return 2
  }
  // `--json` is `--format json`, as `card --json` and `render --json` are.
  const asJson = flags.has('json')
  if (asJson && flags.has('format') && flags.get('format') !== 'json')
    return usage(
      msg(
        '--json と --format は一緒に指定できません。',
        '--json and --format cannot be given together.',
      ),
    )
  const format = (asJson ? 'json' : (flags.get('format') ?? 'text')) as CheckFormat
  if (!FORMATS.includes(format))
    return usage(
      msg(
        `--format は ${FORMATS.join('・')} のどれかにしてください。`,
        `--format must be one of ${FORMATS.join(', ')}.`,
      ),
    )
  const changed = flags.get('changed')
  if (changed !== undefined && positionals.length > 0)
    return usage(
      msg(
        '--changed とファイルは一緒に指定できません。',
        '--changed and files cannot be given together.',
      ),
    )

  // The repository: the one holding the first argument, else the one we are in.
  const missing = await firstMissing(positionals, io.cwd)
  if (missing !== null)
    return usage(msg(`「${missing}」が見つかりません。`, `"${missing}" was not found.`))
  const first = positionals[0] === undefined ? io.cwd : resolve(io.cwd, positionals[0])
  const start = (await isFolder(first)) ? first : dirname(first)
  // Outside any repository the folder it runs in is the blog (a copy without .git).
  const root = (await findRepoRoot(start)) ?? (await findRepoRoot(io.cwd)) ?? io.cwd
  const { profile, profileError } = await readRepoProfile(root)
  const allPosts = await listPosts(root, profile)
  if (allPosts.length === 0) {
    if (profileError) io.err(`${PROFILE_FILE}:${profileError.line}: ${profileError.message[lang]}`)
    return usage(noPosts(profile, root, io.cwd))
  }

  let only: string[] | null = null
  if (changed !== undefined) {
    const requested = typeof changed === 'string' ? changed : null
    const found = await changedFiles({ cwd: root }, requested, profile.baseBranch)
    if (found.kind === 'not-a-repository')
      return usage(
        msg(
          `${root} は git のリポジトリではないため、--changed は使えません。`,
          `${root} is not a git repository, so --changed cannot be used.`,
        ),
      )
    if (found.kind === 'no-base')
      return usage(
        msg(
          `比べるブランチ「${found.base}」が見つかりません。git fetch するか、--changed <base> で指定してください。`,
          `The base "${found.base}" was not found. Fetch it, or name one with --changed <base>.`,
        ),
      )
    only = chooseChanged(found.paths, profile, allPosts)
  } else if (positionals.length > 0) {
    const chosen = await chooseGiven(positionals, io.cwd, root, profile, allPosts)
    if (chosen.refusals.length > 0) {
      for (const r of chosen.refusals) io.err(r.message[lang])
      return 2
    }
    only = chosen.relPaths
  }

  const extra = CHECK_SOURCES.filter((source) => flags.has(source.flag))
  const producers = [...BUILT_IN_PRODUCERS, ...(await Promise.all(extra.map((s) => s.load())))]
  const progress = format === 'text' ? io.progress : undefined
  const word = lang === 'ja' ? '検査中' : 'Checking'
  const result = await runCheck(
    {
      root,
      profile,
      profileError,
      only,
      producers,
      onProgress: progress ? (done, total) => progress(`${word} ${done}/${total}`) : undefined,
    },
    allPosts,
  )
  progress?.(null)
  print(result, { io, root, lang, format, quiet: flags.has('quiet') })
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0
}

/** Prints the findings and the summary in the chosen format. */
function print(
  result: CheckResult,
  how: { io: CliIo; root: string; lang: Locale; format: CheckFormat; quiet: boolean },
): void {
  const { io, root, lang, format } = how
  const shown: ShownFinding[] = result.findings.map((f) => ({
    ...f,
    file: toPosix(relative(io.cwd, join(root, ...f.relPath.split('/')))) || '.',
  }))
  const counts = {
    posts: result.checked,
    errors: shown.filter((f) => f.severity === 'error').length,
    warnings: shown.filter((f) => f.severity === 'warning').length,
  }
  const listed = how.quiet ? shown.filter((f) => f.severity === 'error') : shown
  switch (format) {
    case 'json':
      io.out(JSON.stringify(jsonReport(listed, counts, lang)))
      return
    case 'github':
      for (const f of listed) io.out(githubLine(f, lang))
      io.out(summaryLine(counts, lang))
      return
    case 'text': {
      for (const f of listed) io.out(textLine(f, lang))
      const tally = byRuleLine(listed, lang)
      if (tally && listed.length > 1) io.out(tally)
      io.out(summaryLine(counts, lang))
    }
  }
}
