import { PREVIEW_CSS } from './preview-css'
import { assetOriginOf } from '../shell/resolve-image'

/** Id of the article element the parent patches. */
export const ARTICLE_ID = 'pw-article'

/**
 * The preview frame's own Content-Security-Policy: nothing but images (from the repository's asset
 * origin, data: and the web) and inline styles. No scripts, fonts, frames, forms or connections;
 * `base-uri` and `form-action` do not fall back to `default-src`, so they are stated too.
 */
export function previewCsp(assetBase: string): string {
  return (
    `default-src 'none'; img-src ${assetOriginOf(assetBase)} data: https: http:; ` +
    `style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'`
  )
}

/**
 * The fixed `srcdoc` of the preview frame: a CSP meta, a title (screen readers name the document
 * by it), the article styles and an empty article. The parent fills the article by patching its
 * DOM; this document never changes after load.
 */
export function buildPreviewShell(options: {
  assetBase: string
  lang: string
  title?: string
}): string {
  const csp = previewCsp(options.assetBase).replace(/"/g, '&quot;')
  const lang = /^[a-z]{2}(-[A-Za-z]{2})?$/.test(options.lang) ? options.lang : 'ja'
  return (
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="referrer" content="no-referrer">` +
    `<meta name="text-scale" content="scale">` +
    `<title>${escapeText(options.title ?? '記事のプレビュー')}</title>` +
    `<style>${PREVIEW_CSS}</style></head>` +
    `<body><main class="pw-page"><article id="${ARTICLE_ID}" class="pw-article"></article></main></body></html>`
  )
}

/** Text safe inside an element. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
