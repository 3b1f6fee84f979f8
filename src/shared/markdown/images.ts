import { Parser } from 'htmlparser2'
import type { MarkdownIt } from 'markdown-it'
import type { RendererRule } from 'markdown-it'
import { decodeHTML, decodeHTMLAttribute } from 'entities'
import { escapeHtml } from './code-blocks'
import { escapeAttribute } from './entity-output'
import type { PipelineEnv } from './types'

/** How an image source is shown in the preview. */
export type ImageSource = { kind: 'url'; url: string } | { kind: 'missing'; src: string }

/**
 * Decides where an image written as `src` is loaded from: absolute http(s) and inline image data are
 * kept; other schemes are refused; relative paths go through `resolve` (kept as written when there is
 * no resolver, as in the command line).
 */
export function resolveImageSource(
  src: string,
  resolve: ((src: string) => string | null) | undefined,
): ImageSource {
  const trimmed = src.trim()
  if (/^https?:\/\//i.test(trimmed)) return { kind: 'url', url: trimmed }
  if (trimmed.startsWith('//')) return { kind: 'url', url: `https:${trimmed}` }
  if (/^data:image\/(?:gif|png|jpeg|webp);/i.test(trimmed)) return { kind: 'url', url: trimmed }
  if (trimmed === '' || /^[a-z][a-z0-9+.-]*:/i.test(trimmed)) return { kind: 'missing', src }
  if (!resolve) return { kind: 'url', url: trimmed }
  const url = resolve(trimmed)
  return url === null ? { kind: 'missing', src } : { kind: 'url', url }
}

/** The placeholder shown instead of an image that cannot be shown (never the original src). */
export function missingImageHtml(src: string, alt: string): string {
  const title = `画像を表示できません: ${src}`
  return `<span class="pw-missing-image" title="${escapeHtml(title)}">${escapeHtml(alt)}</span>`
}

/** kramdown's backslash escapes (ESCAPED_CHARS), which it removes from an image's alt text. */
const KRAMDOWN_ESCAPES = /\\([\\.*_+`<>()[\]{}#!:|"'$=-])/g

/**
 * An image's alt text as kramdown writes it: the label as typed (markup, entities and all) without
 * backslash escapes, escaped as an attribute value.
 */
export function kramdownAltAttribute(label: string): string {
  return escapeAttribute(label.replace(KRAMDOWN_ESCAPES, '$1'))
}

/** Renders Markdown images through the resolver (RELIABILITY.md P3). */
export function kramdownImages(md: MarkdownIt): void {
  const renderImage: RendererRule = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!
    const alt = kramdownAltAttribute(token.content)
    // As written (kramdown keeps it); the resolver decodes what it needs.
    const written = String(token.attrGet('src') ?? '')
    const source = resolveImageSource(written, (env as PipelineEnv | undefined)?.resolveImage)
    if (source.kind === 'missing') return missingImageHtml(written, decodeHTML(alt))
    return `<img${(token.attrs ?? [])
      .map(([name, value]) =>
        name === 'alt'
          ? ` alt="${alt}"`
          : self.renderAttrs({ attrs: [[name, name === 'src' ? source.url : String(value)]] }),
      )
      .join('')} />`
  }
  md.renderer.rules.image = renderImage
}

/** An attribute name that is safe to write back (no quotes, spaces, `=`, `>`, `/` or controls). */
function isAttributeName(name: string): boolean {
  if (name === '') return false
  for (const c of name) if (c.charCodeAt(0) < 0x20 || /[\s"'>/=]/.test(c)) return false
  return true
}

/**
 * Rewrites the `<img>` tags of a piece of raw HTML so their sources go through the resolver too:
 * relative sources resolved, refused ones replaced by the placeholder, `srcset` dropped.
 */
export function rewriteRawImages(
  html: string,
  resolve: ((src: string) => string | null) | undefined,
): string {
  if (!/<img[\s/>]/i.test(html)) return html
  const edits: Array<{ start: number; end: number; html: string }> = []
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (name !== 'img') return
        // Values as typed (kramdown writes them back so); the resolver gets the decoded source.
        const typed = attribs.src
        if (typed === undefined) return
        const src = decodeHTMLAttribute(typed)
        const source = resolveImageSource(src, resolve)
        let replacement: string
        if (source.kind === 'missing') {
          replacement = missingImageHtml(src, decodeHTMLAttribute(attribs.alt ?? ''))
        } else {
          let tag = '<img'
          for (const [key, value] of Object.entries(attribs)) {
            if (key === 'srcset' || !isAttributeName(key)) continue
            const written =
              key !== 'src'
                ? escapeAttribute(value)
                : source.url === src.trim()
                  ? escapeAttribute(typed)
                  : escapeHtml(source.url)
            tag += ` ${key}="${written}"`
          }
          replacement = `${tag} />`
        }
        edits.push({ start: parser.startIndex, end: parser.endIndex + 1, html: replacement })
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  )
  parser.write(html)
  parser.end()
  let out = ''
  let last = 0
  for (const edit of edits) {
    out += html.slice(last, edit.start) + edit.html
    last = edit.end
  }
  return out + html.slice(last)
}
