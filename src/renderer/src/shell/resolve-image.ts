/** Resolution of image sources in a post to URLs the preview may load (RELIABILITY.md P3). */

import { classifyImageSrc } from '../../../shared/post-images'

/** Where a post's relative images are looked up: its asset folder, else the post's own folder. */
export interface ImageContext {
  /** Repository-relative path of the post. */
  postPath: string
  /** The post's asset folder (repository-relative) or null. */
  assetDir: string | null
  /** URL prefix under which repository files are served (`appInfo.assetBase`). */
  assetBase: string
  /** The site's source folder (profile `sourceDir`), for site-root paths; none refuses them. */
  sourceDir?: string | null
}

/**
 * Resolves an image `src` written in a post to a URL for the preview, or null (placeholder), by the
 * one shared rule (`classifyImageSrc`, also used by the CLI's check and render): web and inline
 * `data:image/…` images pass, relative paths are joined with the asset folder and refused when they
 * leave the repository, site-root paths are looked up in the source folder, other schemes are refused.
 */
export function resolveImageSrc(src: string, ctx: ImageContext): string | null {
  const image = classifyImageSrc(src, ctx.postPath, ctx.assetDir, ctx.sourceDir)
  switch (image.kind) {
    case 'remote':
      return image.url
    case 'local':
      return ctx.assetBase + image.relPath.split('/').map(encodeURIComponent).join('/')
    case 'refused':
      return null
  }
}

/** The origin part of the asset base (`portal://asset/` → `portal://asset`), for the preview's CSP. */
export function assetOriginOf(assetBase: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i.exec(assetBase)
  return m ? m[1]! : "'none'"
}
