import { classifyImageSrc } from '../shared/post-images'

export { classifyImageSrc, type ImageSrc, type RefusedImage } from '../shared/post-images'

/**
 * The `resolveImage` the command line gives the renderer: the preview's rule, with local files
 * named `<assetBase><repository-relative path>` (default: the bare path).
 */
export function cliImageResolver(
  postPath: string,
  assetDir: string | null,
  assetBase = '',
  sourceDir: string | null = null,
): (src: string) => string | null {
  return (src) => {
    const found = classifyImageSrc(src, postPath, assetDir, sourceDir)
    switch (found.kind) {
      case 'remote':
        return found.url
      case 'local':
        return assetBase + found.relPath.split('/').map(encodeURIComponent).join('/')
      case 'refused':
        return null
    }
  }
}
