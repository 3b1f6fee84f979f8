/**
 * What the preview shows for an embed it cannot run (a script or a frame): the service's name,
 * and a link to the slide, video or code when the markup has one.
 */

/** Hosts of well-known embed services, and how a writer knows them. */
const SERVICES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|\.)speakerdeck\.com$/, 'Speaker Deck'],
  [/(?:^|\.)docswell\.com$/, 'Docswell'],
  [/(?:^|\.)slideshare\.net$/, 'SlideShare'],
  [/(?:^|\.)youtube(?:-nocookie)?\.com$|^youtu\.be$/, 'YouTube'],
  [/(?:^|\.)vimeo\.com$/, 'Vimeo'],
  [/^gist\.github\.com$/, 'GitHub Gist'],
  [/(?:^|\.)codepen\.io$/, 'CodePen'],
  [/(?:^|\.)codesandbox\.io$/, 'CodeSandbox'],
  [/(?:^|\.)(?:twitter|x)\.com$/, 'X (Twitter)'],
  [/(?:^|\.)instagram\.com$/, 'Instagram'],
  [/(?:^|\.)figma\.com$/, 'Figma'],
  [/^docs\.google\.com$/, 'Google Docs'],
  [/(?:^|\.)connpass\.com$/, 'connpass'],
  [/(?:^|\.)spotify\.com$/, 'Spotify'],
  [/(?:^|\.)hatena(?:blog)?\.(?:com|ne\.jp)$/, 'Hatena'],
]

/**
 * Scripts that only dress up markup shown anyway (a tweet's blockquote, a CodePen's fallback
 * paragraph): that markup stays in the preview, so they get no box of their own.
 */
const ENHANCERS =
  /^(?:platform\.twitter\.com|www\.instagram\.com|cpwebassets\.codepen\.io|public\.codepenassets\.com|b\.st-hatena\.com)$/

/** The host named by an embed's src (`//www.youtube.com/embed/…` → `www.youtube.com`), or ''. */
export function embedHost(src: string | null): string {
  const m = /^\s*(?:https?:)?\/\/(?:[^@/?#\s]*@)?([^/?#:\s]+)/i.exec(src ?? '')
  return m ? m[1]!.toLowerCase() : ''
}

/** The service's name for a host, or the host itself when it is not a known one. */
export function embedService(host: string): string {
  return SERVICES.find(([pattern]) => pattern.test(host))?.[1] ?? host
}

/** An absolute http(s) URL (protocol-relative ones made https), or null. */
function webUrl(value: string | null): string | null {
  const v = value?.trim() ?? ''
  if (/^\/\//.test(v)) return `https:${v}`
  return /^https?:\/\/[^\s"'<>]+$/i.test(v) ? v : null
}

/** An element's attributes as the placeholder needs them. */
export interface EmbedElement {
  tag: 'script' | 'iframe' | 'frame'
  attr(name: string): string | null
}

/** What to show in place of an embed; null when nothing should be shown (an enhancer script). */
export interface EmbedPlaceholder {
  host: string
  service: string
  /** The slide, video or code itself, when the markup says where it is. */
  link: string | null
}

/** The placeholder of a script or frame the preview removes. */
export function embedPlaceholder(element: EmbedElement): EmbedPlaceholder | null {
  const src = element.attr('src')
  const host = embedHost(src)
  if (element.tag === 'script') {
    // An inline script shows nothing to a reader either; an enhancer's markup stays visible.
    if (!host || ENHANCERS.test(host)) return null
  }
  const service = host ? embedService(host) : ''
  let link: string | null
  if (element.tag === 'script') {
    const id = element.attr('data-id')
    if (service === 'Speaker Deck' && id && /^[\w-]+$/.test(id))
      link = `https://speakerdeck.com/player/${id}`
    else if (service === 'GitHub Gist') link = webUrl(src?.replace(/\.js(?:\?.*)?$/, '') ?? null)
    else
      link = webUrl(
        element.attr('data-src') ?? element.attr('data-url') ?? element.attr('data-href'),
      )
  } else {
    link = webUrl(src)
    const video = link && /\/embed\/([\w-]+)/.exec(link)
    if (service === 'YouTube' && video) link = `https://www.youtube.com/watch?v=${video[1]}`
  }
  return { host, service, link }
}
