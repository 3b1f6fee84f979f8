import { readFile, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { assetDirOfPath, postKeyFromPath } from '../shared/card'
import { msg, type LocalizedText } from '../shared/localized'
import {
  DEFAULT_PROFILE,
  fillPattern,
  PROFILE_FILE,
  type Profile,
  type ProfileError,
} from '../shared/profile'
import { resolveInRepo } from '../main/services/fs/paths'
import { decodeText } from '../main/services/posts/post-bytes'
import { readMarkdownSettings } from '../main/services/repo/markdown-settings'
import { readRepoProfile } from '../main/services/repo/repo'
import { MIDDLEMAN_CONFIG_FILE, type MarkdownSettingsInForce } from '../shared/markdown'
import { exists } from '../main/services/fs/file-facts'

/** A post file read for a command, with the repository and profile it belongs to. */
export interface PostContext {
  /** Absolute path of the file. */
  absPath: string
  /** The repository root, or null for a file outside any repository (defaults apply). */
  root: string | null
  /** Folder that `relPath` and the asset paths are relative to: the root, or the file's folder. */
  base: string
  /** `/`-separated path of the post under `base`. */
  relPath: string
  profile: Profile
  profileError: ProfileError | null
  /** The post's asset folder under `base`, or null (relative files are then next to the post). */
  assetDir: string | null
  /** The text as the editor sees it: `\n` line endings, no BOM. */
  text: string
  /** The kramdown options the repository renders with, and their sources. */
  markdown: MarkdownSettingsInForce
}

/** What marks a repository's root folder. */
const ROOT_MARKERS = ['.git', PROFILE_FILE, MIDDLEMAN_CONFIG_FILE]

/**
 * Finds the repository a path belongs to: the nearest folder up from it holding `.git`,
 * `.portal-writer.yml` or a Middleman `config.rb` (a blog folder that is not a clone), or null.
 */
export async function findRepoRoot(start: string): Promise<string | null> {
  let dir = resolve(start)
  for (;;) {
    for (const marker of ROOT_MARKERS) if (await exists(join(dir, marker))) return dir
    const parent = dirname(dir)
    if (parent === dir) return null
    dir = parent
  }
}

/** A repository's profile (defaults when it has none), as the app reads it. */
export async function profileFor(
  root: string | null,
): Promise<{ profile: Profile; profileError: ProfileError | null }> {
  if (root === null) return { profile: DEFAULT_PROFILE, profileError: null }
  return readRepoProfile(root)
}

/** `/`-separated form of a relative path. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/')
}

/**
 * The asset folder of a post outside any repository: the same-named folder next to the file when
 * its name follows the profile (middleman-blog's convention), else none.
 */
function looseAssetDir(profile: Profile, relPath: string): string | null {
  const key = postKeyFromPath(profile, relPath)
  return key ? fillPattern(profile.assetPath.split('/').pop()!, key) : null
}

/** Result of reading a post for a command. */
export type PostLoad = { kind: 'ok'; post: PostContext } | { kind: 'error'; message: LocalizedText }

/**
 * Reads a post file and works out its repository, profile and asset folder. Refuses a post that
 * is a symbolic link leaving its repository (D11) and bytes that are not UTF-8 (D9).
 */
export async function loadPost(file: string, cwd: string): Promise<PostLoad> {
  const absPath = resolve(cwd, file)
  const info = await stat(absPath).catch(() => null)
  if (!info) {
    return {
      kind: 'error',
      message: msg(`「${file}」が見つかりません。`, `"${file}" was not found.`),
    }
  }
  if (!info.isFile()) {
    return {
      kind: 'error',
      message: msg(`「${file}」はファイルではありません。`, `"${file}" is not a file.`),
    }
  }
  const root = await findRepoRoot(dirname(absPath))
  const { profile, profileError } = await profileFor(root)
  let relPath: string
  let readPath = absPath
  let assetDir: string | null
  if (root) {
    relPath = toPosix(relative(root, absPath))
    const resolved = await resolveInRepo(root, relPath)
    if (resolved.kind === 'refused') return { kind: 'error', message: resolved.reason }
    readPath = resolved.realPath
    assetDir = assetDirOfPath(profile, relPath)
  } else {
    relPath = basename(absPath)
    assetDir = looseAssetDir(profile, relPath)
  }
  let bytes: Buffer
  try {
    bytes = await readFile(readPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'UNKNOWN'
    return {
      kind: 'error',
      message: msg(
        `「${file}」を読めませんでした（${code}）。`,
        `"${file}" could not be read (${code}).`,
      ),
    }
  }
  const decoded = decodeText(bytes)
  if (!decoded.validUtf8) {
    return {
      kind: 'error',
      message: msg(
        `「${file}」は UTF-8 として正しくないバイトを含みます。UTF-8 で保存し直してください。`,
        `"${file}" contains bytes that are not valid UTF-8. Save it as UTF-8.`,
      ),
    }
  }
  return {
    kind: 'ok',
    post: {
      absPath,
      root,
      base: root ?? dirname(absPath),
      relPath,
      profile,
      profileError,
      assetDir,
      text: decoded.text,
      markdown: await readMarkdownSettings(root, profile),
    },
  }
}
