/**
 * Turns a card's eyecatch (a repository-relative path, already checked to stay inside the post's
 * asset folder, or an http(s) URL) into a URL the window may load: repository files come through
 * the app's asset protocol (`appInfo.assetBase`), as the article preview's images do.
 */
export function cardImageResolver(
  assetBase: string | null | undefined,
): (src: string) => string | null {
  return (src) => {
    if (/^https?:\/\//i.test(src)) return src
    if (!assetBase || src === '' || src.startsWith('/') || src.split('/').includes('..'))
      return null
    return assetBase + src.split('/').map(encodeURIComponent).join('/')
  }
}
