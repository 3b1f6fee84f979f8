import { lstat, realpath } from 'node:fs/promises'
import { dirname, join, posix, relative, sep } from 'node:path'
import { msg, type LocalizedText } from '../../../shared/localized'
import { codeOf } from './file-facts'

/** A repository-relative path after the lexical checks: `/`-separated, normalized, never escaping. */
export type RelativePathCheck =
  { kind: 'ok'; relPath: string } | { kind: 'refused'; reason: LocalizedText }

/** A path resolved inside a repository, symlinks followed and checked (RELIABILITY.md D11, P2, P3). */
export type ResolvedRepoPath =
  | {
      kind: 'ok'
      /** Normalized repository-relative path with `/` separators. */
      relPath: string
      /** `<real root>/<relPath>`: the path as the writer named it. */
      absPath: string
      /** Where the bytes really are (symlinks resolved); read and write this one. */
      realPath: string
      /** `realPath` relative to the real root, `/`-separated: where a link really leads. */
      realRelPath: string
      /** Whether something exists at the path now. */
      exists: boolean
    }
  | { kind: 'refused'; reason: LocalizedText }

const REASONS = {
  empty: msg('パスが空です。', 'The path is empty.'),
  nul: msg(
    'パスに使えない文字（NUL）が含まれています。',
    'The path contains a character that is not allowed (NUL).',
  ),
  absolute: msg(
    'リポジトリの外を指すパス（絶対パスや file: などの URL）は使えません。リポジトリ内の相対パスにしてください。',
    'Paths outside the repository (absolute paths or URLs such as file:) are not allowed. Use a path relative to the repository.',
  ),
  backslash: msg(
    'パスの区切りには「/」を使ってください（「\\」は使えません）。',
    'Separate folders with "/" ("\\" is not allowed).',
  ),
  escape: msg(
    '「..」でリポジトリの外に出るパスは使えません。リポジトリの中のファイルを指定してください。',
    'Paths that leave the repository with ".." are not allowed. Point at a file inside the repository.',
  ),
  git: msg(
    '.git フォルダの中のファイルは開けません（git の管理情報です）。',
    'Files inside the .git folder cannot be opened (they are git’s own records).',
  ),
  symlinkOutside: msg(
    'このファイルはリポジトリの外を指すシンボリックリンクなので、安全のため開きません。リンクではなく実物のファイルをリポジトリに置いてください。',
    'This file is a symbolic link to a place outside the repository, so it is not opened, for safety. Put the real file in the repository instead of a link.',
  ),
  dangling: msg(
    'リンク先が存在しないシンボリックリンクです。リンクを直すか、実物のファイルを置いてください。',
    'This symbolic link points at nothing. Fix the link or put the real file there.',
  ),
  gitLink: msg(
    'このパスはシンボリックリンクを通じて .git フォルダ（git の管理情報）を指しているため、安全のため開きも書きもしません。',
    'This path leads into the .git folder (git’s own records) through a symbolic link, so it is neither opened nor written, for safety.',
  ),
  hidden: msg(
    'このパスは隠しフォルダや隠しファイル（名前が「.」で始まるもの）を指しているため使えません。',
    'This path points at a hidden file or folder (its name starts with "."), so it is not used.',
  ),
  rootMissing: msg(
    'リポジトリのフォルダが見つかりません。開き直してください。',
    'The repository folder cannot be found. Open it again.',
  ),
} as const

/** Messages for refused paths, for callers that need to name a reason themselves. */
export const PATH_REASONS: Readonly<Record<keyof typeof REASONS, LocalizedText>> = REASONS

/**
 * Checks a repository-relative path without touching the disk: refuses empty paths, NUL, absolute
 * paths, drive letters and URLs (`file:` …), backslashes, `..` that leaves the repository and
 * anything inside `.git`. Returns the normalized `/`-separated path.
 */
export function checkRelativePath(input: string): RelativePathCheck {
  if (input.includes('\0')) return { kind: 'refused', reason: REASONS.nul }
  if (input.trim() === '') return { kind: 'refused', reason: REASONS.empty }
  // A scheme (`file:`, `https:`) or a Windows drive letter (`C:`) both start like this.
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(input) || input.startsWith('/') || input.startsWith('~')) {
    return { kind: 'refused', reason: REASONS.absolute }
  }
  if (input.includes('\\')) return { kind: 'refused', reason: REASONS.backslash }
  const normalized = posix.normalize(input).replace(/\/+$/, '')
  if (normalized === '..' || normalized.startsWith('../'))
    return { kind: 'refused', reason: REASONS.escape }
  if (normalized === '.' || normalized === '') return { kind: 'refused', reason: REASONS.empty }
  if (hasGitSegment(normalized)) {
    return { kind: 'refused', reason: REASONS.git }
  }
  return { kind: 'ok', relPath: normalized }
}

/** Whether a `/`-separated relative path has a `.git` segment (any case: `.GIT` is the same folder on macOS and Windows). */
export function hasGitSegment(relPath: string): boolean {
  return relPath.split('/').some((part) => part.toLowerCase() === '.git')
}

/** Whether a `/`-separated relative path has a hidden segment (`.env`, `.github/…`). */
export function hasHiddenSegment(relPath: string): boolean {
  return relPath.split('/').some((part) => part.startsWith('.'))
}

/** Options for {@link resolveInRepo}. */
export interface ResolveOptions {
  /** Refuse hidden files and folders, by the name given and by where it really leads. */
  refuseHidden?: boolean
}

/**
 * The one check of where a path really is: `realPath` (symlinks resolved) must be inside
 * `realRoot`, not the root itself, and not inside `.git` (nor hidden, when asked). Every service
 * reaches it through {@link resolveInRepo}, so a link can never lead where a name could not (D11).
 */
export function checkRealLocation(
  realRoot: string,
  realPath: string,
  options: ResolveOptions = {},
): LocalizedText | null {
  if (realPath === realRoot || !isInside(realRoot, realPath)) return REASONS.symlinkOutside
  const realRel = relPosix(realRoot, realPath)
  if (hasGitSegment(realRel)) return REASONS.gitLink
  if (options.refuseHidden && hasHiddenSegment(realRel)) return REASONS.hidden
  return null
}

function relPosix(from: string, to: string): string {
  return relative(from, to).split(sep).join('/')
}

/** Whether `child` is `parent` itself or inside it (both absolute, already real paths). */
export function isInside(parent: string, child: string): boolean {
  if (child === parent) return true
  const rel = relative(parent, child)
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel)
}

/**
 * Resolves a repository-relative path to a real location inside the repository.
 * Follows symlinks: a link whose target leaves the repository, or points at nothing, is refused.
 * A path that does not exist yet is checked through its nearest existing folder.
 */
export async function resolveInRepo(
  root: string,
  input: string,
  options: ResolveOptions = {},
): Promise<ResolvedRepoPath> {
  const checked = checkRelativePath(input)
  if (checked.kind === 'refused') return checked
  if (options.refuseHidden && hasHiddenSegment(checked.relPath))
    return { kind: 'refused', reason: REASONS.hidden }
  let realRoot: string
  try {
    realRoot = await realpath(root)
  } catch {
    return { kind: 'refused', reason: REASONS.rootMissing }
  }
  const absPath = join(realRoot, ...checked.relPath.split('/'))
  try {
    const realPath = await realpath(absPath)
    const refused = checkRealLocation(realRoot, realPath, options)
    if (refused) return { kind: 'refused', reason: refused }
    const realRelPath = relPosix(realRoot, realPath)
    return { kind: 'ok', relPath: checked.relPath, absPath, realPath, realRelPath, exists: true }
  } catch {
    // Missing, or a dangling link, or a parent that is not a folder: look closer.
  }
  const linkStat = await lstat(absPath).catch(() => null)
  if (linkStat?.isSymbolicLink()) return { kind: 'refused', reason: REASONS.dangling }
  // Nothing there yet: its nearest existing ancestor decides where it would be written.
  let ancestor = dirname(absPath)
  const rest: string[] = [absPath.slice(ancestor.length + 1)]
  for (;;) {
    try {
      const realAncestor = await realpath(ancestor)
      if (!isInside(realRoot, realAncestor))
        return { kind: 'refused', reason: REASONS.symlinkOutside }
      const refused =
        realAncestor === realRoot ? null : checkRealLocation(realRoot, realAncestor, options)
      if (refused) return { kind: 'refused', reason: refused }
      const realPath = join(realAncestor, ...rest)
      const realRelPath = relPosix(realRoot, realPath)
      return { kind: 'ok', relPath: checked.relPath, absPath, realPath, realRelPath, exists: false }
    } catch (error) {
      if (codeOf(error) !== 'ENOENT' && codeOf(error) !== 'ENOTDIR') {
        const realRelPath = checked.relPath
        return {
          kind: 'ok',
          relPath: checked.relPath,
          absPath,
          realPath: absPath,
          realRelPath,
          exists: false,
        }
      }
      // A dangling link in the middle would send a later write wherever it comes to point.
      if ((await lstat(ancestor).catch(() => null))?.isSymbolicLink()) {
        return { kind: 'refused', reason: REASONS.dangling }
      }
      const parent = dirname(ancestor)
      if (ancestor === realRoot || parent === ancestor)
        return { kind: 'refused', reason: REASONS.rootMissing }
      rest.unshift(ancestor.slice(parent.length + 1))
      ancestor = parent
    }
  }
}
