import type { Token } from 'markdown-it'

// kramdown-parser-gfm drops every character that is not a word character (Ruby's \p{Word}), '-',
// space or tab. For kramdown's ids that is Alphabetic + Mark + Decimal_Number +
// Connector_Punctuation: the zero-width (non-)joiners of emoji sequences are dropped, variation
// selectors (marks) kept (checked over every code point against Debian's kramdown 2.4 on Ruby 3.1;
// letters added to Unicode after Ruby 3.1's tables still differ).
const NON_WORD = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\- \t]/gu

/**
 * The id kramdown's GFM parser gives a heading with this text, before de-duplication:
 * lower-cased, punctuation and symbols dropped, spaces and tabs turned into `-`, Japanese kept.
 */
export function gfmHeadingSlug(text: string): string {
  return text.toLowerCase().replace(NON_WORD, '').replace(/[ \t]/g, '-')
}

/**
 * kramdown's basic (non-GFM) id, used for headings inside `markdown="1"` HTML: leading non-letters
 * dropped, only ASCII letters, digits, spaces and '-' kept, spaces to '-', lower-cased, 'section'
 * when nothing is left.
 */
export function basicHeadingSlug(text: string): string {
  const id = text
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/[^a-zA-Z0-9 -]/g, '')
    .replace(/ /g, '-')
    .toLowerCase()
  return id === '' ? 'section' : id
}

/** Hands out kramdown GFM heading ids for one document: a repeated id gets `-1`, `-2`, … */
export class HeadingIdCounter {
  private readonly seen = new Map<string, number>()

  private readonly basicSeen = new Map<string, number>()

  /**
   * The id for the next heading with this raw text; `prefix` is kramdown's `auto_id_prefix` (an
   * empty slug is no id without a prefix, and the bare prefix with one, as kramdown gives).
   */
  next(text: string, prefix = ''): string {
    const slug = gfmHeadingSlug(text)
    const count = (this.seen.get(slug) ?? -1) + 1
    this.seen.set(slug, count)
    return prefix + (count > 0 ? `${slug}-${count}` : slug)
  }

  /** The id for the next heading inside `markdown="1"` HTML (kramdown's own counter). */
  nextBasic(text: string, prefix = ''): string {
    const slug = basicHeadingSlug(text)
    const count = this.basicSeen.get(slug)
    this.basicSeen.set(slug, (count ?? -1) + 1)
    return prefix + (count === undefined ? slug : `${slug}-${count + 1}`)
  }
}

/**
 * The text kramdown uses for a heading's id and its plain text: text, code and the text inside raw
 * HTML tags; no images, no footnote markers, no tags.
 */
export function inlinePlainText(children: readonly Token[] | null): string {
  if (!children) return ''
  let out = ''
  for (const t of children) {
    switch (t.type) {
      case 'text':
      case 'text_special':
      case 'code_inline':
        out += t.content
        break
      case 'html_inline':
        // kramdown counts the text inside raw HTML elements (not the tags, not comments).
        out += t.content.replace(/<!--[\s\S]*?-->|<[^>]*>/g, '')
        break
      case 'softbreak':
      case 'hardbreak':
        out += '\n'
        break
      default:
        break
    }
  }
  return out
}
