/** Resolution of image sources in a post to URLs the preview may load (RELIABILITY.md P3). */

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Normalises a repository-relative path (`/` separators), resolving `.` and `..`.
 * Returns null when the path would leave the repository root.
 */
export function normalizeRepoPath(path: string): string | null {
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
  return out.join('/')
}

/** The folder part of a repository-relative file path (`a/b/c.md` → `a/b`). */
export function dirnameOf(path: string): string {
  const i = path.lastIndexOf('/')
  return i < 0 ? '' : path.slice(0, i)
}

/** Where a post's relative images are looked up: its asset folder, else the post's own folder. */
export interface ImageContext {
  /** Repository-relative path of the post. */
  postPath: string
  /** The post's asset folder (repository-relative) or null. */
  assetDir: string | null
  /** URL prefix under which repository files are served (`appInfo.assetBase`). */
  assetBase: string
}

/**
 * Resolves an image `src` written in a post to a URL for the preview, or null (placeholder).
 * Web images (`https:`, `http:`) and inline `data:image/…` pass through; relative paths are joined
 * with the asset folder and refused when they normalise outside the repository; every other scheme,
 * protocol-relative and root-absolute paths are refused.
 */
export function resolveImageSrc(src: string, ctx: ImageContext): string | null {
  const raw = src.trim()
  if (raw === '') return null
  const scheme = SCHEME.exec(raw)
  if (scheme) {
    const name = scheme[1]!.toLowerCase()
    if (name === 'https' || name === 'http') return raw
    if (name === 'data' && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(raw)) return raw
    return null
  }
  if (raw.startsWith('/') || raw.startsWith('\\')) return null
  // Query and fragment do not name a file.
  const pathPart = raw.replace(/[?#].*$/, '')
  let decoded: string
  try {
    decoded = decodeURIComponent(pathPart)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const base = ctx.assetDir ?? dirnameOf(ctx.postPath)
  const joined = normalizeRepoPath(base === '' ? decoded : `${base}/${decoded}`)
  if (joined === null || joined === '') return null
  return ctx.assetBase + joined.split('/').map(encodeURIComponent).join('/')
}

/** The origin part of the asset base (`portal://asset/` → `portal://asset`), for the preview's CSP. */
export function assetOriginOf(assetBase: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(assetBase)
  return m ? m[1]! : "'none'"
}
