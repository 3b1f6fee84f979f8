/** Small images drawn for the card, as `data:` URLs (allowed by the app's CSP; no files to ship). */

function svgUrl(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

/** The Hatena Bookmark mark: a blue rounded square with a white "B!". */
export const HATENA_ICON_URL = svgUrl(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect width="32" height="32" rx="6" fill="#00a4de"/>' +
    '<path fill="#fff" fill-rule="evenodd" d="M7 8H13.5A3.6 3.6 0 0 1 13.5 15.2H14A4.4 4.4 0 0 1 14 24H7Z' +
    'M10 10.6H13.2A1.4 1.4 0 0 1 13.2 13.4H10Z M10 17.4H13.8A2.2 2.2 0 0 1 13.8 21.8H10Z"/>' +
    '<rect x="20.5" y="8" width="3.4" height="10.5" rx="1.2" fill="#fff"/>' +
    '<circle cx="22.2" cy="21.8" r="2" fill="#fff"/>' +
    '</svg>',
)

/** The feed's stand-in when a post has no eyecatch: a square with a picture glyph. */
export const PLACEHOLDER_IMAGE_URL = svgUrl(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">' +
    '<rect width="256" height="256" fill="#e9e9e9"/>' +
    '<rect x="68" y="80" width="120" height="96" rx="8" fill="none" stroke="#b8b8b8" stroke-width="8"/>' +
    '<circle cx="100" cy="110" r="12" fill="#b8b8b8"/>' +
    '<path d="M76 168l36-40 24 24 16-16 28 32z" fill="#b8b8b8"/>' +
    '</svg>',
)
