import { randomBytes } from 'node:crypto'
import { cp, readdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import { writeFileAtomic } from '../fs/atomic-file'
import { git } from '../git/core'

/** Folder of the sample blog's copy inside the data folder. */
export const SAMPLE_DIR = 'sample-blog'
/** The sample's local "remote": a bare repository in the data folder. */
export const SAMPLE_ORIGIN_DIR = 'sample-origin.git'
/** Written last: its presence means the copy is complete. */
export const SAMPLE_MARKER = 'sample-blog.json'

/** Identity of the sample's first commit, given per command so no git config is touched. */
export const SAMPLE_AUTHOR = {
  name: 'Portal Writer',
  email: 'sample@portal-writer.invalid',
} as const

/** Outcome of {@link ensureSampleRepo}. */
export type SampleRepoResult =
  | {
      kind: 'ok'
      root: string
      /** Whether the copy is a git repository with `origin`. */
      git: boolean
      /** Set when git could not be used: the sample opens anyway, without publishing. */
      message: LocalizedText | null
    }
  | { kind: 'error'; message: LocalizedText }

/** Options for {@link ensureSampleRepo}. */
export interface SampleRepoOptions {
  /** The git executable. Default `git` from PATH. */
  git?: string
  /** Longest a single git command may run. Default 30 s. */
  timeoutMs?: number
}

interface Marker {
  version: 1
  git: boolean
}

/** One setup step through the app's git wrapper (no prompts, pager or editor; C locale). */
async function runGit(
  gitPath: string,
  cwd: string,
  args: string[],
  timeoutMs: number,
): Promise<{ ok: boolean; stderr: string; missing: boolean }> {
  const r = await git(args, {
    cwd,
    gitPath,
    timeoutMs,
    expectedErrors: 'all',
    // The sample's first commit is always Portal Writer's, whatever identity the machine has
    // (environment identity outranks `-c user.name`); no askpass: the remote is a local folder.
    env: {
      GIT_ASKPASS: undefined,
      SSH_ASKPASS: undefined,
      GIT_AUTHOR_NAME: SAMPLE_AUTHOR.name,
      GIT_AUTHOR_EMAIL: SAMPLE_AUTHOR.email,
      GIT_COMMITTER_NAME: SAMPLE_AUTHOR.name,
      GIT_COMMITTER_EMAIL: SAMPLE_AUTHOR.email,
    },
  })
  return { ok: r.errorKind === null, stderr: r.stderr, missing: r.errorKind === 'git-missing' }
}

const GIT_MISSING = msg(
  'git が見つからないため、サンプルのブログは git なしで開きました。書く・プレビューすることはできますが、レビューに送る（公開する）には git をインストールしてアプリを再起動してください。',
  'git was not found, so the sample blog opened without git. You can write and preview; to send posts for review, install git and restart the app.',
)

function gitFailed(step: string, stderr: string): LocalizedText {
  const detail = stderr.trim().split('\n').slice(-1)[0] ?? ''
  return msg(
    `サンプルのブログを git リポジトリにできませんでした（${step}: ${detail}）。git なしで開きました。`,
    `The sample blog could not be made a git repository (${step}: ${detail}). It opened without git.`,
  )
}

async function readMarker(path: string): Promise<Marker | null> {
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as Partial<Marker>
    return data.version === 1 && typeof data.git === 'boolean'
      ? { version: 1, git: data.git }
      : null
  } catch {
    return null
  }
}

async function isDir(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  )
}

/** Makes `dir` a git repository with one commit and a bare `origin` that has `main`. */
async function makeGitRepo(
  git: string,
  dir: string,
  origin: string,
  timeoutMs: number,
): Promise<{ ok: true } | { ok: false; message: LocalizedText }> {
  const identity = [
    '-c',
    `user.name=${SAMPLE_AUTHOR.name}`,
    '-c',
    `user.email=${SAMPLE_AUTHOR.email}`,
    '-c',
    'commit.gpgsign=false',
  ]
  const steps: Array<[string, string, string[]]> = [
    // `init` then `symbolic-ref` instead of `init -b main`: works with git older than 2.28 too.
    ['init', dir, ['init', '-q']],
    ['branch', dir, ['symbolic-ref', 'HEAD', 'refs/heads/main']],
    ['add', dir, ['add', '-A']],
    [
      'commit',
      dir,
      [...identity, 'commit', '-q', '--no-verify', '-m', 'サンプルのブログ / Sample blog'],
    ],
    ['init --bare', dir, ['init', '-q', '--bare', origin]],
    ['origin branch', origin, ['symbolic-ref', 'HEAD', 'refs/heads/main']],
    ['remote', dir, ['remote', 'add', 'origin', origin]],
    ['push', dir, ['push', '-q', '--no-verify', '-u', 'origin', 'main']],
  ]
  for (const [step, cwd, args] of steps) {
    const r = await runGit(git, cwd, args, timeoutMs)
    if (r.missing) return { ok: false, message: GIT_MISSING }
    if (!r.ok) return { ok: false, message: gitFailed(step, r.stderr) }
  }
  return { ok: true }
}

/**
 * Makes sure `<dataDir>/sample-blog` is a complete copy of the embedded sample blog: on first start
 * it is copied, made a git repository with one commit (author "Portal Writer", given per command)
 * and given a bare `<dataDir>/sample-origin.git` as `origin` with `main` pushed and tracked.
 * Idempotent: a complete copy is left as it is (the writer's edits stay). A half-made copy from a
 * crash has no marker file and is made again. Without git the sample opens anyway, with a message.
 */
export async function ensureSampleRepo(
  dataDir: string,
  sampleSourceDir: string,
  options: SampleRepoOptions = {},
): Promise<SampleRepoResult> {
  const git = options.git ?? 'git'
  const timeoutMs = options.timeoutMs ?? 30_000
  const root = join(dataDir, SAMPLE_DIR)
  const origin = join(dataDir, SAMPLE_ORIGIN_DIR)
  const markerPath = join(dataDir, SAMPLE_MARKER)

  // Staging folders of an interrupted copy.
  for (const entry of await readdir(dataDir).catch(() => [] as string[])) {
    if (entry.startsWith(`${SAMPLE_DIR}.staging-`))
      await rm(join(dataDir, entry), { recursive: true, force: true })
  }

  const marker = await readMarker(markerPath)
  if (marker && (await isDir(root))) {
    if (marker.git && (await isDir(join(root, '.git')))) {
      return { kind: 'ok', root, git: true, message: null }
    }
    // The copy is complete but has no repository (made without git, or its .git was removed):
    // make one now around the writer's files, keeping their edits. A .git left by a crash during
    // this very step is ours and is made again.
    await rm(join(root, '.git'), { recursive: true, force: true })
    await rm(origin, { recursive: true, force: true })
    const made = await makeGitRepo(git, root, origin, timeoutMs)
    if (!made.ok) {
      await rm(join(root, '.git'), { recursive: true, force: true })
      await rm(origin, { recursive: true, force: true })
      if (marker.git) await writeFileAtomic(markerPath, JSON.stringify({ version: 1, git: false }))
      return { kind: 'ok', root, git: false, message: made.message }
    }
    if (!marker.git) await writeFileAtomic(markerPath, JSON.stringify({ version: 1, git: true }))
    return { kind: 'ok', root, git: true, message: null }
  }

  if (!(await isDir(sampleSourceDir))) {
    return {
      kind: 'error',
      message: msg(
        `サンプルのブログ（${sampleSourceDir}）が見つかりません。アプリを入れ直してください。`,
        `The sample blog (${sampleSourceDir}) is missing. Reinstall the app.`,
      ),
    }
  }
  // No marker: nothing there yet, or a copy a crash left half-made. Start over.
  await rm(markerPath, { force: true })
  await rm(root, { recursive: true, force: true })
  await rm(origin, { recursive: true, force: true })
  const staging = join(dataDir, `${SAMPLE_DIR}.staging-${randomBytes(4).toString('hex')}`)
  try {
    await cp(sampleSourceDir, staging, { recursive: true })
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    return {
      kind: 'error',
      message: msg(
        `サンプルのブログをコピーできませんでした（${String((error as NodeJS.ErrnoException).code ?? error)}）。データフォルダの空きと権限を確かめてください。`,
        `The sample blog could not be copied (${String((error as NodeJS.ErrnoException).code ?? error)}). Check the data folder’s free space and permissions.`,
      ),
    }
  }
  // The origin's path is absolute, so the repository can be made in staging and moved into place.
  const made = await makeGitRepo(git, staging, origin, timeoutMs)
  if (!made.ok) {
    await rm(join(staging, '.git'), { recursive: true, force: true })
    await rm(origin, { recursive: true, force: true })
  }
  await rename(staging, root)
  const written = await writeFileAtomic(markerPath, JSON.stringify({ version: 1, git: made.ok }))
  if (written.kind === 'error') return { kind: 'error', message: written.message }
  return made.ok
    ? { kind: 'ok', root, git: true, message: null }
    : { kind: 'ok', root, git: false, message: made.message }
}
