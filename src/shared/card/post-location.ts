import { fillPattern, patternMatcher, postKeyFor, type PostKey, type Profile } from '../profile'
import { msg, type LocalizedText } from '../localized'

/**
 * The key (date parts and slug) a post file's path encodes under the profile's `postPath`.
 * `relPath` is repository-relative with `/`; a path that does not follow the pattern is tried by
 * its file name alone (a post kept elsewhere, or a file outside any repository), else null.
 */
export function postKeyFromPath(profile: Profile, relPath: string): PostKey | null {
  const full = patternMatcher(profile.postPath)(relPath)
  if (full) return full
  const patternName = profile.postPath.split('/').pop()!
  const fileName = relPath.split('/').pop()!
  return patternName.includes('{slug}') ? patternMatcher(patternName)(fileName) : null
}

/** The post's asset folder under the profile's `assetPath`, or null when the path is not a post path. */
export function assetDirOfPath(profile: Profile, relPath: string): string | null {
  const key = patternMatcher(profile.postPath)(relPath)
  return key ? fillPattern(profile.assetPath, key) : null
}

/**
 * The published URL of a post: the profile's `postUrl` filled from the front-matter date (its
 * calendar day as written) and the slug, resolved against `siteUrl`. Null when the date is not ISO.
 */
export function postUrl(profile: Profile, date: string, slug: string): string | null {
  const key = postKeyFor(date, slug)
  if (!key) return null
  try {
    return new URL(fillPattern(profile.postUrl, key), profile.siteUrl).href
  } catch {
    return null
  }
}

/** Normalises a `/`-separated relative path; null when it leaves its root or is empty. */
export function normalizeRelative(path: string): string | null {
  const out: string[] = []
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length === 0) return null
      out.pop()
      continue
    }
    out.push(part)
  }
  return out.length === 0 ? null : out.join('/')
}

/** Folder part of a `/`-separated path (`a/b/c.md` → `a/b`, `c.md` → ``). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

/**
 * Where a post's relative files live: its asset folder, else the post's own folder — the same rule
 * the article preview uses for images.
 */
export function joinPostAsset(
  postPath: string,
  assetDir: string | null,
  name: string,
): string | null {
  const base = assetDir ?? dirOf(postPath)
  return normalizeRelative(base === '' ? name : `${base}/${name}`)
}

/** What a front-matter `eyecatch` value names, or why it is not used (RELIABILITY.md P2). */
export type EyecatchRef =
  | { kind: 'none' }
  | { kind: 'file'; name: string }
  | { kind: 'url'; url: string }
  | { kind: 'invalid'; message: LocalizedText }

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/**
 * Checks a front-matter `eyecatch` value: a file name (or sub-path) inside the post's asset folder,
 * or an `http(s)` URL. Absolute paths, `..`, backslashes and other schemes (`file:`…) are refused
 * and never read.
 */
export function checkEyecatchValue(value: unknown): EyecatchRef {
  if (value === undefined || value === null || value === '') return { kind: 'none' }
  if (typeof value !== 'string') {
    return {
      kind: 'invalid',
      message: msg(
        'eyecatch には画像のファイル名を文字列で書いてください。',
        'Write the eyecatch as a file name (a string).',
      ),
    }
  }
  const v = value.trim().replace(/^(?:\.\/)+/, '')
  if (/^https?:\/\/[^/]/i.test(v)) return { kind: 'url', url: v }
  const outside: EyecatchRef = {
    kind: 'invalid',
    message: msg(
      `eyecatch「${v}」は記事の画像フォルダの外を指しているため読み込みません。フォルダ内のファイル名だけを書いてください（例: eyecatch.png）。`,
      `The eyecatch "${v}" points outside the post's image folder, so it is not read. Write just a file name in that folder (e.g. eyecatch.png).`,
    ),
  }
  if (v === '' || SCHEME.test(v) || v.startsWith('/') || v.startsWith('~')) return outside
  if (v.includes('\\') || v.includes('\0')) return outside
  if (v.split('/').some((p) => p === '..' || p === '')) return outside
  return { kind: 'file', name: v }
}
