/**
 * kramdown's view of raw HTML (kramdown/parser/html.rb): which tags it recognises, which are
 * block or span elements, and how far a raw block reaches. Where kramdown does not recognise a
 * tag (for example an unquoted attribute value holding `(`), the blog shows it as text, and so
 * must the preview.
 */

const NAME = String.raw`[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?`
// Ruby's \p{Word}: letters, marks, decimal digits, connector punctuation.
const WORD_VALUE = String.raw`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]+`
const ATTRIBUTES = String.raw`(?:\s+${NAME}(?:\s*=\s*(?:${WORD_VALUE}|"[^"]*"|'[^']*'))?)*`

/** An opening tag as kramdown's HTML_TAG_RE matches it (sticky: set lastIndex first). */
export const OPEN_TAG = new RegExp(String.raw`<(${NAME})\s*(${ATTRIBUTES})\s*(\/)?>`, 'uy')
/** A closing tag (sticky). */
export const CLOSE_TAG = new RegExp(String.raw`<\/(${NAME})\s*>`, 'y')
/** An HTML comment (sticky). */
export const COMMENT = /<!--[\s\S]*?-->/y
/** A processing instruction (sticky). */
const INSTRUCTION = /<\?[\s\S]*?\?>/y
/** Where something tag-like may start. */
const RAW_START = new RegExp(String.raw`<(?:${NAME}|\/|!--|\?)`, 'g')
/** `<name` at a line start, for the paragraph-ending check. */
export const TAG_NAME_START = new RegExp(String.raw`^<(${NAME})`)
/** `</name>` at a line start. */
export const CLOSE_TAG_LINE = new RegExp(String.raw`^<\/(${NAME})\s*>`)

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(' '))
}

/** Elements kramdown treats as span-level (they start a paragraph, not an HTML block). */
export const SPAN_ELEMENTS = set(
  'a abbr acronym b big bdo br button cite code del dfn em i img input ins kbd label mark option q rb rbc rp rt rtc ruby samp select small span strong sub sup tt u var',
)
/** Elements kramdown refuses inside a paragraph (shown as text there). */
export const BLOCK_ELEMENTS = set(
  'address article aside applet body blockquote caption col colgroup dd div dl dt fieldset figcaption footer form h1 h2 h3 h4 h5 h6 header hgroup hr html head iframe legend menu li main map nav ol optgroup p pre section summary table tbody td th thead tfoot tr ul',
)
/** Elements without content. */
export const VOID_ELEMENTS = set(
  'area base br col command embed hr img input keygen link meta param source track wbr',
)
/** Span elements whose content kramdown parses as Markdown; any other content is kept raw. */
export const SPAN_CONTENT_ELEMENTS = set(
  'a abbr acronym b bdo big button cite caption del dfn dt em h1 h2 h3 h4 h5 h6 i ins label legend optgroup p q rb rbc rp rt rtc ruby select small span strong sub sup th tt',
)
/** Elements whose content `markdown="1"` parses as blocks. */
export const BLOCK_CONTENT_ELEMENTS = set(
  'address applet article aside blockquote body dd details div dl fieldset figure figcaption footer form header hgroup iframe li main map menu nav noscript object section summary td',
)
const RAW_CONTENT = set('script style math option textarea pre code kbd samp var')
const KNOWN = new Set([
  ...SPAN_ELEMENTS,
  ...BLOCK_ELEMENTS,
  ...VOID_ELEMENTS,
  ...SPAN_CONTENT_ELEMENTS,
  ...BLOCK_CONTENT_ELEMENTS,
  ...RAW_CONTENT,
])

/** kramdown lower-cases the names of elements it knows; others keep their case. */
export function normalizeTagName(name: string): string {
  const lower = name.toLowerCase()
  return KNOWN.has(lower) ? lower : name
}

/** Finds the end of `</name>` (case-insensitive) from `from`, or -1. */
export function findCloseTag(text: string, from: number, name: string): number {
  const re = new RegExp(String.raw`<\/${name.replace(/[.\-:]/g, '\\$&')}\s*>`, 'gi')
  re.lastIndex = from
  const m = re.exec(text)
  return m ? m.index + m[0].length : -1
}

/** Where a raw HTML element ends, and the closing tags inside it that close nothing. */
export interface RawHtmlExtent {
  /** Just after the element's closing tag; `text.length` when it never closes. */
  end: number
  /** Offsets of closing tags that match no open element: kramdown shows them as text. */
  strays: number[]
}

/**
 * Where a raw HTML element that started before `from` ends: just after its matching closing tag,
 * with nested elements matched the way kramdown's parse_raw_html does (a closing tag that does not
 * match the innermost open element is text). An element that never closes runs to the end of the
 * document, as in kramdown.
 */
export function findRawHtmlEnd(text: string, from: number, rootName: string): RawHtmlExtent {
  const stack = [rootName]
  const strays: number[] = []
  let i = from
  for (;;) {
    RAW_START.lastIndex = i
    const m = RAW_START.exec(text)
    if (!m) return { end: text.length, strays }
    const j = m.index
    i = j + 1
    COMMENT.lastIndex = j
    if (COMMENT.test(text)) {
      i = COMMENT.lastIndex
      continue
    }
    INSTRUCTION.lastIndex = j
    if (INSTRUCTION.test(text)) {
      i = INSTRUCTION.lastIndex
      continue
    }
    OPEN_TAG.lastIndex = j
    const open = OPEN_TAG.exec(text)
    if (open) {
      i = OPEN_TAG.lastIndex
      const name = normalizeTagName(open[1]!)
      if (open[3] || VOID_ELEMENTS.has(name)) continue
      if (name === 'script' || name === 'style') {
        const end = findCloseTag(text, i, name)
        if (end < 0) return { end: text.length, strays }
        i = end
        continue
      }
      stack.push(name)
      continue
    }
    CLOSE_TAG.lastIndex = j
    const close = CLOSE_TAG.exec(text)
    if (close) {
      i = CLOSE_TAG.lastIndex
      if (normalizeTagName(close[1]!) === stack[stack.length - 1]) {
        stack.pop()
        if (stack.length === 0) return { end: i, strays }
      } else {
        strays.push(j)
      }
    }
  }
}
