import { stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { resolveInRepo } from '../fs/paths'

/** Types the preview may load from the repository: images and common static media. Nothing that runs. */
export const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
}

/**
 * Types of the app's own built files (`portal://app/…`): the renderer's page, scripts, styles and
 * fonts. Only for the app's folder; a repository is served with {@link ASSET_TYPES}.
 */
export const APP_FILE_TYPES: Readonly<Record<string, string>> = {
  ...ASSET_TYPES,
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
}

/** Options for {@link resolveAssetRequest}. */
export interface AssetOptions {
  /** Extension → MIME type of what may be served. Default {@link ASSET_TYPES}. */
  types?: Readonly<Record<string, string>>
}

/** What to answer for an asset request. */
export type AssetResolution =
  { kind: 'file'; absPath: string; mime: string } | { kind: 'refused'; status: 403 | 404 }

/**
 * Resolves a URL path (percent-encoded, relative to the repository root) to a file the preview may
 * load. Only existing files inside the repository (real path checked, so symlinks cannot lead out),
 * of an allowed type, not hidden: anything leaving the repository is 403 (P3, D11), missing is 404.
 */
export async function resolveAssetRequest(
  repoRoot: string,
  urlPathname: string,
  options: AssetOptions = {},
): Promise<AssetResolution> {
  if (!repoRoot) return { kind: 'refused', status: 404 }
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPathname.replace(/^\/+/, ''))
  } catch {
    return { kind: 'refused', status: 403 }
  }
  // Hidden files and folders (.env, .github …) are never assets, by name or by where a link leads.
  const resolved = await resolveInRepo(repoRoot, decoded, { refuseHidden: true })
  if (resolved.kind === 'refused') return { kind: 'refused', status: 403 }
  const mime = (options.types ?? ASSET_TYPES)[extname(resolved.realPath).toLowerCase()]
  if (!mime) return { kind: 'refused', status: 403 }
  if (!resolved.exists) return { kind: 'refused', status: 404 }
  const info = await stat(resolved.realPath).catch(() => null)
  if (!info?.isFile()) return { kind: 'refused', status: 404 }
  return { kind: 'file', absPath: resolved.realPath, mime }
}
