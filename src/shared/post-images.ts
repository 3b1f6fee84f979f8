import { joinPostAsset } from './card/post-location'
import { msg, type LocalizedText } from './localized'

/** What an image src in a post refers to, by the preview's rules (RELIABILITY.md P3). */
export type ImageSrc =
  | { kind: 'remote'; url: string }
  | { kind: 'local'; relPath: string }
  | { kind: 'refused'; reason: RefusedImage; message: LocalizedText }

/** Why an image src is not shown: a foreign scheme, a site-root path, outside the repository… */
export type RefusedImage = 'empty' | 'scheme' | 'root' | 'outside' | 'unreadable'

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Classifies an image src like the article preview does: http(s) and inline `data:image/…` pass,
 * other schemes are refused, relative paths are joined with the asset folder (else the post's
 * folder), site-root paths (`/images/a.png`) with the site's source folder (`sourceDir`, the
 * profile's; refused without one), and refused when they leave the repository.
 */
export function classifyImageSrc(
  src: string,
  postPath: string,
  assetDir: string | null,
  sourceDir?: string | null,
): ImageSrc {
  const raw = src.trim()
  const refused = (reason: RefusedImage, ja: string, en: string): ImageSrc => ({
    kind: 'refused',
    reason,
    message: msg(ja, en),
  })
  if (raw === '') return refused('empty', '画像の src が空です。', 'An image has an empty src.')
  const scheme = SCHEME.exec(raw)
  if (scheme) {
    const name = scheme[1]!.toLowerCase()
    if (name === 'https' || name === 'http') return { kind: 'remote', url: raw }
    if (name === 'data' && /^data:image\/(png|jpe?g|gif|webp|avif);/i.test(raw))
      return { kind: 'remote', url: raw }
    return refused(
      'scheme',
      `画像「${raw.slice(0, 60)}」は ${name}: で始まるため表示されません。記事フォルダ内の相対パスか https の URL にしてください。`,
      `The image "${raw.slice(0, 60)}" uses ${name}:, so it is not shown. Use a path relative to the post's folder or an https URL.`,
    )
  }
  const siteRoot = raw.startsWith('/') && !raw.startsWith('//') && typeof sourceDir === 'string'
  if (!siteRoot && (raw.startsWith('/') || raw.startsWith('\\'))) {
    return refused(
      'root',
      `画像「${raw}」はサイトのルートからのパスなので、プレビューでは表示されません。記事フォルダからの相対パスにしてください。`,
      `The image "${raw}" is a path from the site root, which the preview does not show. Use a path relative to the post's folder.`,
    )
  }
  let decoded: string
  try {
    decoded = decodeURIComponent(raw.replace(/[?#].*$/, ''))
  } catch {
    return refused(
      'unreadable',
      `画像のパス「${raw}」を読めません。`,
      `The image path "${raw}" cannot be read.`,
    )
  }
  const joined =
    decoded.includes('\0') || decoded.includes('\\')
      ? null
      : siteRoot
        ? joinSiteRoot(sourceDir!, decoded)
        : joinPostAsset(postPath, assetDir, decoded)
  if (joined === null) {
    return refused(
      'outside',
      `画像「${raw}」はリポジトリの外を指しているため表示しません。記事の画像フォルダに置いてください。`,
      `The image "${raw}" points outside the repository, so it is not shown. Put it in the post's image folder.`,
    )
  }
  return { kind: 'local', relPath: joined }
}

/** A site-root path (`/images/a.png`) as a repository path under the source folder, or null. */
function joinSiteRoot(sourceDir: string, path: string): string | null {
  const parts: string[] = []
  const top = sourceDir.split('/').filter((p) => p !== '' && p !== '.').length
  for (const part of `${sourceDir}/${path}`.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      // The site root is the top: nothing above the source folder is part of the site.
      if (parts.length <= top) return null
      parts.pop()
    } else parts.push(part)
  }
  // A file below the source folder, never the folder itself.
  return parts.length > top ? parts.join('/') : null
}
