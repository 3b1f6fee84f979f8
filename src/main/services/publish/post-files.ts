/** Which files belong to a post (its file and its asset folder), from the profile's patterns. */
import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { splitPost } from '../../../shared/front-matter'
import { branchNameFor } from '../../../shared/publish'
import { fillPattern, patternMatcher, type PostKey, type Profile } from '../../../shared/profile'
import type { LocalizedText } from '../../../shared/localized'
import { resolveInRepo } from '../fs/paths'
import type { StatusEntry } from '../git/status'

/** A post as publishing sees it. Paths are repository-relative with `/`. */
export interface PostFiles {
  path: string
  key: PostKey
  /** The post's asset folder (may not exist yet). */
  assetDir: string
  branch: string
}

/** Files the OS drops into folders; never published, never counted as the writer's changes. */
const OS_JUNK = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\._[^/]*)$/i

/** Whether a path is an OS housekeeping file (`.DS_Store`, `Thumbs.db`…). */
export function isOsJunk(path: string): boolean {
  return OS_JUNK.test(path)
}

/**
 * Whether a file of a post may be published: never OS junk, hidden files (dotfiles — which
 * include every temp file the app writes, `.<name>.pw-tmp-…` and `.portal-writer-….tmp`), editor
 * swap and backup files (`x.swp`, `x~`, `#x#`), or partial downloads.
 */
export function isPublishable(path: string): boolean {
  if (isOsJunk(path)) return false
  const parts = path.split('/')
  if (parts.some((p) => p.startsWith('.'))) return false
  const name = parts[parts.length - 1]!
  return (
    !/(\.sw[a-p]|~|\.tmp|\.temp|\.crdownload|\.part|\.bak)$/i.test(name) && !/^#.*#$/.test(name)
  )
}

/**
 * Resolves a post path to its files and branch, or null when the path does not follow the
 * profile's `postPath` or tries to leave the repository.
 */
export function resolvePost(
  path: string,
  profile: Profile,
  matcher: (relPath: string) => PostKey | null = patternMatcher(profile.postPath),
): PostFiles | null {
  if (!isSafeRelativePath(path)) return null
  const key = matcher(path)
  if (!key) return null
  return {
    path,
    key,
    assetDir: fillPattern(profile.assetPath, key),
    branch: branchNameFor(profile.branchPattern, key),
  }
}

/**
 * Why publishing must not touch this post, or null: its file or asset folder really lives
 * outside the repository or inside `.git` (a link), checked on the real path by the one function
 * every service uses (D11). Publishing reads the post, lists its asset folder and writes what an
 * update brings in, so a link there would be read, listed or written through.
 */
export async function refusedPostPaths(
  root: string,
  post: PostFiles,
): Promise<LocalizedText | null> {
  for (const path of [post.path, post.assetDir]) {
    const resolved = await resolveInRepo(root, path)
    if (resolved.kind === 'refused') return resolved.reason
  }
  return null
}

/** A repository-relative path that stays inside the repository. */
export function isSafeRelativePath(path: string): boolean {
  if (
    path === '' ||
    path.startsWith('/') ||
    path.includes('\\') ||
    /^[a-zA-Z]:/.test(path) ||
    path.includes('\0')
  )
    return false
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

/** Whether a repository-relative path is the post's file or inside its asset folder. */
export function belongsToPost(path: string, post: PostFiles): boolean {
  return path === post.path || path.startsWith(`${post.assetDir}/`) || path === post.assetDir
}

/**
 * Whether a path is some post's file or inside some post's asset folder (by the profile's
 * patterns): a draft of another post, which publishing leaves alone.
 */
export function belongsToAnyPost(path: string, profile: Profile): boolean {
  if (patternMatcher(profile.postPath)(path)) return true
  const asset = patternMatcher(profile.assetPath)
  const parts = path.split('/')
  for (let i = parts.length - 1; i > 0; i--) {
    if (asset(parts.slice(0, i).join('/'))) return true
  }
  return false
}

/** The status entries that concern this post (either side of a rename counts). */
export function postEntries(entries: readonly StatusEntry[], post: PostFiles): StatusEntry[] {
  return entries.filter(
    (e) =>
      e.kind !== 'ignored' &&
      !isOsJunk(e.path) &&
      (belongsToPost(e.path, post) || (e.origPath !== null && belongsToPost(e.origPath, post))),
  )
}

/** Paths to stage for these entries: both sides of renames, no OS junk. */
export function pathsToStage(entries: readonly StatusEntry[]): string[] {
  const paths = new Set<string>()
  for (const e of entries) {
    paths.add(e.path)
    if (e.origPath) paths.add(e.origPath)
  }
  return [...paths].filter((p) => !isOsJunk(p))
}

/**
 * Lists the asset folder's publishable files on disk (recursively, repository-relative; see
 * {@link isPublishable}). Symbolic links are listed but not followed.
 */
export async function listAssetFiles(root: string, assetDir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (rel: string) => {
    let names: string[]
    try {
      names = await readdir(join(root, rel))
    } catch {
      return
    }
    for (const name of names.sort()) {
      const child = `${rel}/${name}`
      const info = await lstat(join(root, child)).catch(() => null)
      if (!info) continue
      if (info.isDirectory()) await walk(child)
      else if (isPublishable(child)) out.push(child)
    }
  }
  await walk(assetDir)
  return out
}

/** Size of a file in bytes, or null when it does not exist. */
export async function fileSize(root: string, path: string): Promise<number | null> {
  try {
    const info = await lstat(join(root, path))
    return info.isFile() || info.isSymbolicLink() ? info.size : null
  } catch {
    return null
  }
}

/** The post's title from its front matter, or its slug. */
export async function readTitle(root: string, post: PostFiles): Promise<string> {
  try {
    const title = splitPost(await readFile(join(root, post.path), 'utf8')).data.title
    return typeof title === 'string' && title.trim() ? title.trim() : post.key.slug
  } catch {
    return post.key.slug
  }
}
