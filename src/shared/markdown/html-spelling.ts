import { escapeAttribute, escapeRawText } from './entity-output'

/**
 * Raw HTML written the way kramdown writes it back (its HTML parser reads raw HTML into elements
 * and the converter serialises them): names of HTML elements and their attributes in lower case,
 * every attribute value in double quotes (`hidden` → `hidden=""`), empty elements closed with
 * ` />`, and text escaped (`a > b` → `a &gt; b`, a bare `&` → `&amp;`, entities kept). Script
 * and style content, comments and declarations are kept as typed.
 *
 * The browser makes the same document of the result as of the input: tags are read the way the
 * browser reads them, and a `<` that could start something this reader does not know leaves the
 * rest as typed.
 */

/** kramdown's HTML_ELEMENT: names it lower-cases (with their attributes); others keep their case. */
const HTML_ELEMENTS = new Set(
  `a abbr acronym address applet area article aside b base bdo big blockquote body br button
caption cite code col colgroup command dd del details dfn div dl dt em embed fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd keygen
label legend li link main map mark math menu meta nav noscript object ol optgroup option p param
pre q rb rbc rp rt rtc ruby samp script section select small source span strong style sub summary
sup table tbody td textarea tfoot th thead tr track tt u ul var wbr`.split(/\s+/),
)
/** kramdown's HTML_ELEMENTS_WITHOUT_BODY: written as `<br />`. */
const WITHOUT_BODY = new Set(
  'area base br col command embed hr img input keygen link meta param source track wbr'.split(' '),
)
/** Elements whose content the browser reads as raw text (kept as typed, as kramdown keeps it). */
const RAW_TEXT = new Set(['script', 'style'])

const TAG_NAME = /<(\/?)([A-Za-z][^\s/>]*)/y
const ATTRIBUTE = /[\s/]*([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/y
const TAG_END = /[\s/]*?(\/?)>/y
const COMMENT = /<!--[\s\S]*?-->/y
const DECLARATION = /<[!?][^>]*>/y

interface Tag {
  html: string
  end: number
  name: string
  closing: boolean
}

/** Reads the tag at `at` as the browser would and writes it as kramdown does, or null. */
function readTag(html: string, at: number): Tag | null {
  TAG_NAME.lastIndex = at
  const head = TAG_NAME.exec(html)
  if (!head) return null
  const typed = head[2]!
  const known = HTML_ELEMENTS.has(typed.toLowerCase())
  const name = known ? typed.toLowerCase() : typed
  let pos = TAG_NAME.lastIndex
  if (head[1]) {
    TAG_END.lastIndex = pos
    const end = TAG_END.exec(html)
    if (!end) return null
    return { html: `</${name}>`, end: TAG_END.lastIndex, name, closing: true }
  }
  const attrs = new Map<string, string>()
  for (;;) {
    TAG_END.lastIndex = pos
    const end = TAG_END.exec(html)
    if (end) {
      const list = [...attrs].map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')
      const empty = end[1] === '/' || WITHOUT_BODY.has(name)
      return {
        html: `<${name}${list}${empty ? ' />' : '>'}`,
        end: TAG_END.lastIndex,
        name,
        closing: false,
      }
    }
    ATTRIBUTE.lastIndex = pos
    const attr = ATTRIBUTE.exec(html)
    if (!attr || ATTRIBUTE.lastIndex === pos || /["'<]/.test(attr[1]!)) return null
    const key = known ? attr[1]!.toLowerCase() : attr[1]!
    // kramdown keeps the last of a repeated attribute.
    attrs.set(key, attr[2] ?? attr[3] ?? attr[4] ?? '')
    pos = ATTRIBUTE.lastIndex
  }
}

const memo = new Map<string, string>()
const MEMO_LIMIT = 2000

/** Raw HTML (a block or a tag) spelled as kramdown writes it; see the module comment. */
export function kramdownHtmlSpelling(html: string): string {
  if (!/[<>&]/.test(html)) return html
  const hit = memo.get(html)
  if (hit !== undefined) return hit
  let out = ''
  let pos = 0
  let text = 0
  const flushText = (until: number) => {
    out += escapeRawText(html.slice(text, until))
  }
  while (pos < html.length) {
    const lt = html.indexOf('<', pos)
    if (lt < 0) break
    const next = html[lt + 1] ?? ''
    if (!/[A-Za-z/!?]/.test(next)) {
      pos = lt + 1
      continue
    }
    flushText(lt)
    if (next === '!' || next === '?') {
      // Comments and declarations as typed (an unclosed comment runs to the end).
      const pattern = html.startsWith('<!--', lt) ? COMMENT : DECLARATION
      pattern.lastIndex = lt
      const end = pattern.test(html) ? pattern.lastIndex : html.length
      out += html.slice(lt, end)
      pos = text = end
      continue
    }
    const tag = readTag(html, lt)
    if (!tag) {
      // Something this reader does not know: the rest stays as typed.
      out += html.slice(lt)
      text = html.length
      break
    }
    out += tag.html
    pos = text = tag.end
    if (!tag.closing && RAW_TEXT.has(tag.name.toLowerCase())) {
      const close = new RegExp(`</${tag.name}[\\s/>]`, 'ig')
      close.lastIndex = pos
      const m = close.exec(html)
      const end = m ? m.index : html.length
      out += html.slice(pos, end)
      pos = text = end
    }
  }
  if (text < html.length) flushText(html.length)
  if (memo.size >= MEMO_LIMIT) memo.clear()
  memo.set(html, out)
  return out
}
