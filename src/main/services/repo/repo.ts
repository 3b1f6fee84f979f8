import { readFile, realpath, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import type { RepoInfo } from '../../../shared/ipc/contract'
import { msg, type LocalizedText } from '../../../shared/localized'
import {
  DEFAULT_PROFILE,
  parseProfile,
  patternRoot,
  PROFILE_FILE,
  type Profile,
  type ProfileError,
} from '../../../shared/profile'
import { cleanRepoTempFiles } from '../fs/temp-files'
import { readMarkdownSettings } from './markdown-settings'
import { resolveInRepo } from '../fs/paths'
import { scanPostFiles } from '../posts/post-list'
import type { SettingsStore } from './settings'
import { codeOf } from '../fs/file-facts'

/** Result of opening a repository. */
export type OpenRepoResult =
  { kind: 'ok'; repo: RepoInfo } | { kind: 'error'; message: LocalizedText }

/** A repository's profile: the file's settings over the defaults, or the defaults and the error. */
export interface RepoProfile {
  profile: Profile
  profileError: ProfileError | null
}

/** Reads `.portal-writer.yml` at the repository root; missing means the defaults, invalid means defaults plus the error. */
export async function readRepoProfile(root: string): Promise<RepoProfile> {
  const resolved = await resolveInRepo(root, PROFILE_FILE)
  if (resolved.kind === 'refused') {
    return { profile: DEFAULT_PROFILE, profileError: { line: 1, message: resolved.reason } }
  }
  let text: string
  try {
    text = await readFile(resolved.realPath, 'utf8')
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { profile: DEFAULT_PROFILE, profileError: null }
    return {
      profile: DEFAULT_PROFILE,
      profileError: {
        line: 1,
        message: msg(
          `${PROFILE_FILE} を読めませんでした（${codeOf(error)}）。標準の設定を使います。`,
          `${PROFILE_FILE} could not be read (${codeOf(error)}). Using the default settings.`,
        ),
      },
    }
  }
  const parsed = parseProfile(text)
  return parsed.kind === 'ok'
    ? { profile: parsed.profile, profileError: null }
    : { profile: DEFAULT_PROFILE, profileError: parsed.error }
}

function openErrorMessage(code: string, path: string): LocalizedText {
  switch (code) {
    case 'ENOENT':
      return msg(
        `フォルダ「${path}」が見つかりません。場所を確かめて、もう一度開いてください。`,
        `The folder "${path}" was not found. Check where it is and open it again.`,
      )
    case 'ENOTDIR':
      return msg(
        `「${path}」はフォルダではありません。ブログのリポジトリのフォルダを選んでください。`,
        `"${path}" is not a folder. Choose the folder of your blog’s repository.`,
      )
    case 'EACCES':
    case 'EPERM':
      return msg(
        `フォルダ「${path}」を開く権限がありません。フォルダの権限を確かめてください。`,
        `You do not have permission to open the folder "${path}". Check its permissions.`,
      )
    default:
      return msg(
        `フォルダ「${path}」を開けませんでした（${code}）。`,
        `The folder "${path}" could not be opened (${code}).`,
      )
  }
}

/**
 * Why a folder does not look like a blog: no post matches the profile's `postPath` and the folder
 * posts would go in is missing. Null for a blog (even one with no posts yet).
 */
async function notABlogWarning(root: string, profile: Profile): Promise<LocalizedText | null> {
  const { files } = await scanPostFiles(root, profile.postPath)
  if (files.length > 0) return null
  const base = patternRoot(profile.postPath)
  const folder = join(root, ...base.split('/').filter(Boolean))
  if (
    base !== '' &&
    (await stat(folder)
      .then((s) => s.isDirectory())
      .catch(() => false))
  )
    return null
  return msg(
    `このフォルダにはブログの記事が見つかりません。記事は postPath「${profile.postPath}」の形で探しました。ブログのリポジトリのフォルダを開いたか確かめてください（別の場所なら .portal-writer.yml の postPath で指定できます）。`,
    `No blog posts were found in this folder. Posts were looked for as postPath "${profile.postPath}". Check that this is your blog's repository (if posts live elsewhere, set postPath in .portal-writer.yml).`,
  )
}

/** Dependencies of {@link RepoService}. */
export interface RepoServiceDeps {
  settings: SettingsStore
  /** Root of the embedded sample blog's copy, so it is marked `isSample`. */
  sampleRoot?: string | null
}

/** The open repository: opening, its profile, and who to tell when it changes. */
export class RepoService {
  private repo: RepoInfo | null = null
  private opening: Promise<unknown> = Promise.resolve()
  private readonly listeners = new Set<(repo: RepoInfo | null) => void | Promise<void>>()

  constructor(private readonly deps: RepoServiceDeps) {}

  /** The repository open now, or null. */
  current(): RepoInfo | null {
    return this.repo
  }

  /** Calls `listener` after each open (awaited by `open`); returns the unsubscribe function. */
  onChange(listener: (repo: RepoInfo | null) => void | Promise<void>): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Opens a folder as the current repository: it must exist and be a folder; reads its profile,
   * cleans stray temp files and remembers it as the last opened (unless `remember: false`, used for
   * the sample fallback so an unplugged drive is not forgotten). Opening the open one again re-reads
   * its profile.
   */
  open(path: string, options: { remember?: boolean } = {}): Promise<OpenRepoResult> {
    // Opens apply in call order: the folder chosen last is the one that stays open.
    const run = this.opening.then(() => this.openNow(path, options))
    this.opening = run.catch(() => undefined)
    return run
  }

  /**
   * Reads the open repository's markdown settings again (its `config.rb` changed while the app
   * runs). Returns the new settings when they differ from the ones in force, else null.
   */
  refreshMarkdown(root: string): Promise<RepoInfo['markdown'] | null> {
    const run = this.opening.then(async () => {
      const repo = this.repo
      if (!repo || repo.root !== root) return null
      const markdown = await readMarkdownSettings(root, repo.profile)
      if (this.repo !== repo || JSON.stringify(markdown) === JSON.stringify(repo.markdown))
        return null
      this.repo = { ...repo, markdown }
      return markdown
    })
    this.opening = run.catch(() => undefined)
    return run
  }

  private async openNow(path: string, options: { remember?: boolean }): Promise<OpenRepoResult> {
    const wanted = resolve(path.trim())
    let root: string
    try {
      const info = await stat(wanted)
      if (!info.isDirectory())
        return { kind: 'error', message: openErrorMessage('ENOTDIR', wanted) }
      root = await realpath(wanted)
    } catch (error) {
      return { kind: 'error', message: openErrorMessage(codeOf(error), wanted) }
    }
    const { profile, profileError } = await readRepoProfile(root)
    await cleanRepoTempFiles(root, profile)
    const sampleRoot = this.deps.sampleRoot
      ? await realpath(this.deps.sampleRoot).catch(() => null)
      : null
    const repo: RepoInfo = {
      root,
      name: basename(root),
      profile,
      profileError,
      isSample: sampleRoot === root,
      markdown: await readMarkdownSettings(root, profile),
      warning: await notABlogWarning(root, profile),
    }
    this.repo = repo
    // The repository is open even when the settings cannot be written; it is just not remembered.
    if (options.remember !== false) await this.deps.settings.update({ lastRepoPath: root })
    await Promise.all([...this.listeners].map((listener) => listener(repo)))
    return { kind: 'ok', repo }
  }
}
