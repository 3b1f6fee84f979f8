import { APP_SCHEME } from '../schemes'
import type { Config, DOMPurify, UponSanitizeAttributeHookEvent } from 'dompurify'
import { embedHost, embedPlaceholder } from './embeds'

// The preview runs no scripts and loads no third-party frames (ARCHITECTURE.md, "Preview safety").
// This is the second wall after the sandboxed frame and its CSP: RELIABILITY.md S1–S9.

/**
 * DOMPurify configuration for the article preview. Links may only be http(s), mailto, fragments or
 * relative; frames, plugins, forms, styles sheets, `<meta>`/`<base>` and `target` are removed.
 * Use it with the hooks from {@link installPreviewHooks}.
 */
export const PREVIEW_SANITIZE_CONFIG: Config = {
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: [
    'script',
    'style',
    'link',
    'meta',
    'base',
    'form',
    'iframe',
    'frame',
    'frameset',
    'embed',
    'object',
    'applet',
    'param',
    'foreignobject',
    'noscript',
    'noembed',
    'noframes',
    'template',
    'portal',
    'webview',
  ],
  FORBID_ATTR: [
    'target',
    'formaction',
    'action',
    'ping',
    'srcset',
    'imagesrcset',
    'background',
    'autofocus',
  ],
  // HTML comments stay, as kramdown keeps them (issue 11). SAFE_FOR_XML (DOMPurify's default, never
  // turned off here) still removes every comment holding markup (`<img`, `</p>`) or a sequence that
  // ends a comment early when the output is parsed again (`--!>`, a leading `>`): the mXSS vectors.
  ADD_TAGS: ['#comment'],
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  KEEP_CONTENT: true,
  // A post starting with a <script> embed: without this the parser puts it in <head>, where it
  // vanished before the hooks could leave its placeholder.
  FORCE_BODY: true,
}

/**
 * Image sources the preview may load: the web, the app's asset protocol (`APP_SCHEME`), blobs and
 * inline image data. Anything else (a relative path that
 * was not resolved) becomes a placeholder (RELIABILITY.md P3).
 */
const SHOWABLE_IMAGE = new RegExp(
  `^(?:https?:|${APP_SCHEME}:|blob:|data:image/(?:png|jpe?g|gif|webp|avif|svg\\+xml)[;,])`,
  'i',
)
/** Elements whose `id`/`name` can shadow `document` properties; other ids are kept as written. */
const CLOBBERING_TAGS = new Set(['img', 'form', 'embed', 'iframe', 'object'])
/**
 * CSS that can load or run something. Checked on text with no escapes (an escape drops the whole
 * value first: `\75 rl(` and `u\rl(` are `url(` to a CSS parser but not to a pattern).
 */
const UNSAFE_CSS =
  /url\s*\(|image(?:-set)?\s*\(|cross-fade\s*\(|element\s*\(|src\s*\(|expression\s*\(|@import|behavior\s*:|-moz-binding/i
/** SVG presentation attributes that take CSS values (and so could hold a `url(`). */
const CSS_VALUED_ATTRS = new Set([
  'style',
  'fill',
  'stroke',
  'filter',
  'mask',
  'clip-path',
  'marker-start',
  'marker-mid',
  'marker-end',
  'cursor',
  'color-profile',
])
/** A CSS value the preview may keep: no escapes, no comments, nothing that loads. */
function isSafeCss(value: string): boolean {
  if (/[\\]|\/\*/.test(value)) return false
  // `url(#gradient)` points inside the document and loads nothing.
  return !UNSAFE_CSS.test(value.replace(/url\(\s*(['"]?)#[^'")\s]*\1\s*\)/gi, ''))
}
/** Attributes that carry an image the preview shows, by tag: they follow the `<img src>` rule. */
const IMAGE_ATTRS: Readonly<Record<string, readonly string[]>> = {
  img: ['src'],
  video: ['poster'],
  image: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  input: ['src'],
}
/** Attributes holding a URL that something fetches or follows; only links and images may keep one. */
const URL_ATTRS = new Set([
  'src',
  'href',
  'xlink:href',
  'poster',
  'data',
  'action',
  'formaction',
  'cite',
  'longdesc',
  'lowsrc',
  'dynsrc',
  'manifest',
  'codebase',
  'archive',
  'profile',
  'icon',
  'classid',
])

/** The few DOM members the hooks use (shared code has no DOM types in its Node build). */
interface ElementLike {
  nodeType: number
  nodeName: string
  parentNode: {
    insertBefore(node: unknown, before: unknown): unknown
    removeChild(node: unknown): unknown
  } | null
  ownerDocument: { createElement(tag: string): ElementLike } | null
  textContent: string | null
  appendChild(node: unknown): unknown
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
}

export { embedHost }

function insertBefore(
  node: ElementLike,
  tag: string,
  attrs: Record<string, string>,
  text: string,
): ElementLike | null {
  const doc = node.ownerDocument
  const parent = node.parentNode
  if (!doc || !parent) return null
  const box = doc.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) box.setAttribute(name, value)
  const line = node.getAttribute('data-line')
  if (line !== null && /^\d+$/.test(line)) box.setAttribute('data-line', line)
  box.textContent = text
  parent.insertBefore(box, node)
  return box
}

function beforeElement(node: ElementLike): void {
  if (node.nodeType !== 1) return
  const name = node.nodeName.toLowerCase()
  if (name === 'iframe' || name === 'frame' || name === 'script') {
    // The element itself is removed by the config; a box naming the service stays in its place.
    const embed = embedPlaceholder({ tag: name, attr: (a) => node.getAttribute(a) })
    if (!embed) return
    const box = insertBefore(
      node,
      'div',
      { class: 'pw-embed', 'data-host': embed.host, 'data-service': embed.service },
      embed.service
        ? `埋め込み（プレビューでは表示しません）: ${embed.service}`
        : '埋め込み（プレビューでは表示しません）',
    )
    const doc = node.ownerDocument
    if (embed.link && box && doc) {
      const a = doc.createElement('a')
      a.setAttribute('href', embed.link)
      a.setAttribute('class', 'pw-embed-link')
      a.textContent = embed.link
      box.appendChild(a)
    }
  } else if (name === 'img') {
    const src = node.getAttribute('src')
    if (src !== null && !SHOWABLE_IMAGE.test(src.trim())) {
      insertBefore(
        node,
        'span',
        { class: 'pw-missing-image', title: `画像を表示できません: ${src}` },
        node.getAttribute('alt') ?? '',
      )
      node.parentNode?.removeChild(node)
    }
  }
}

function uponAttribute(node: ElementLike, event: UponSanitizeAttributeHookEvent): void {
  const tag = node.nodeName.toLowerCase()
  const name = event.attrName
  const value = event.attrValue
  if (CSS_VALUED_ATTRS.has(name)) {
    if (!isSafeCss(value)) event.keepAttr = false
  } else if (IMAGE_ATTRS[tag]?.includes(name)) {
    // One rule for every image, as for <img>: the web, the repository (the asset protocol is not
    // a link scheme, so the URI pattern would drop it), inline image data. Nothing else.
    if (SHOWABLE_IMAGE.test(value.trim())) event.forceKeepAttr = true
    else event.keepAttr = false
  } else if ((name === 'href' || name === 'xlink:href') && (tag === 'a' || tag === 'area')) {
    // Links are the URI pattern's job; the preview's click handler decides what they do (S9).
  } else if (name === 'href' || name === 'xlink:href') {
    // Other SVG references (<use>, gradients, filters) may only point inside the document.
    if (!value.trim().startsWith('#')) event.keepAttr = false
  } else if (URL_ATTRS.has(name)) {
    // Media, plugin data, citations…: nothing but images loads in the preview (its CSP agrees).
    event.keepAttr = false
  } else if (name === 'id' && !CLOBBERING_TAGS.has(tag) && !/\s/.test(value)) {
    // Heading ids such as "images" or "fonts" must survive for the table of contents.
    event.forceKeepAttr = true
  }
}

/**
 * Installs the preview's DOMPurify hooks (frames → `div.pw-embed` naming the host, unresolvable
 * images → `span.pw-missing-image`, styles that load or hide escapes and every URL that is not a
 * link or an image dropped) on an instance; returns
 * a function that removes exactly these hooks.
 */
export function installPreviewHooks(purify: DOMPurify): () => void {
  const before = (node: unknown) => beforeElement(node as ElementLike)
  const attribute = (node: unknown, event: UponSanitizeAttributeHookEvent) =>
    uponAttribute(node as ElementLike, event)
  purify.addHook('beforeSanitizeElements', before)
  purify.addHook('uponSanitizeAttribute', attribute)
  return () => {
    purify.removeHook('beforeSanitizeElements', before)
    purify.removeHook('uponSanitizeAttribute', attribute)
  }
}

/** Sanitizes rendered HTML for the preview (S1–S9) and returns it as a string. */
export function sanitizePreviewHtml(html: string, purify: DOMPurify): string {
  if (html === '') return ''
  const remove = installPreviewHooks(purify)
  try {
    return String(purify.sanitize(html, PREVIEW_SANITIZE_CONFIG))
  } finally {
    remove()
  }
}

/** Like {@link sanitizePreviewHtml} but returns a DocumentFragment, ready to patch into the preview. */
export function sanitizePreviewFragment(html: string, purify: DOMPurify) {
  const remove = installPreviewHooks(purify)
  try {
    const fragment = purify.sanitize(html, {
      ...PREVIEW_SANITIZE_CONFIG,
      RETURN_DOM_FRAGMENT: true,
    })
    // DOMPurify parses '' as an empty comment, which the preview would keep (comments stay).
    if (html === '') fragment.replaceChildren()
    return fragment
  } finally {
    remove()
  }
}
