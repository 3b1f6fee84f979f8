/**
 * A long list block sanitized item by item. The table of contents of a long post is one block of
 * hundreds of items (about 48,000 characters at 200k), and typing in any heading changes it: it
 * was sanitized whole again on every keystroke (17-51 ms a keystroke at 200k). Its items are kept
 * sanitized one by one, so a keystroke sanitizes the one item that changed; the block patcher then
 * replaces that item in the list shown (`BlockPatcher`'s list plans) instead of copying and
 * swapping the whole list, and a new list is assembled from the items' clones.
 *
 * Only a list whose items are provably parsed the same on their own as inside it is split: each
 * top-level item a well-formed `<li>…</li>` of the tags below, nothing between items but white
 * space, no comment and no `<` that does not start a tag. Anything else is sanitized whole.
 */

/** Lists shorter than this are sanitized whole (splitting them saves nothing). */
export const SPLIT_FROM_CHARS = 4000

/** A list block cut at its top-level items. */
export interface ListPieces {
  /** The list's start tag with its attributes, e.g. `<ol id="markdown-toc" data-line="9">`. */
  open: string
  /** The list's tag name (`ul` or `ol`). */
  name: string
  /** The white space before each item, and (last) before the closing tag. */
  gaps: string[]
  items: string[]
  /** White space after the closing tag. */
  tail: string
}

/** Tags an item may hold: what kramdown writes into a list of links (a table of contents). */
const ITEM_TAGS = new Set(
  'a abbr b br code del em i img ins kbd li mark ol s samp small span strong sub sup u ul var'.split(
    ' ',
  ),
)
const VOID_TAGS = new Set(['br', 'img'])
const OPEN_LIST = /^<(ul|ol)\b[^<>]*>/
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>/g
const SPACE = /^\s*$/

/** Splits a long list block at its top-level items, or null (see the module comment). */
export function splitList(html: string): ListPieces | null {
  if (html.length < SPLIT_FROM_CHARS) return null
  const start = OPEN_LIST.exec(html)
  if (!start || start[0].endsWith('/>')) return null
  const name = start[1]!.toLowerCase()
  const close = `</${name}>`
  const end = html.lastIndexOf(close)
  if (end < 0) return null
  const tail = html.slice(end + close.length)
  if (!SPACE.test(tail)) return null
  const inner = html.slice(start[0].length, end)
  const gaps: string[] = []
  const items: string[] = []
  const open: string[] = []
  let tags = 0
  let itemStart = -1
  let last = 0
  for (const m of inner.matchAll(TAG)) {
    tags++
    const tag = m[2]!.toLowerCase()
    if (!ITEM_TAGS.has(tag) || m[0].endsWith('/>')) return null
    const at = m.index
    if (open.length === 0) {
      // Between items: only white space, and the next thing is an item's start tag.
      if (m[1] === '/' || tag !== 'li') return null
      const gap = inner.slice(last, at)
      if (!SPACE.test(gap)) return null
      gaps.push(gap)
      itemStart = at
    }
    if (VOID_TAGS.has(tag)) continue
    if (m[1] === '/') {
      if (open.pop() !== tag) return null
      if (open.length === 0) {
        last = at + m[0].length
        items.push(inner.slice(itemStart, last))
      }
    } else open.push(tag)
  }
  if (open.length > 0 || items.length === 0) return null
  const rest = inner.slice(last)
  if (!SPACE.test(rest)) return null
  gaps.push(rest)
  let lts = 0
  for (let i = inner.indexOf('<'); i >= 0; i = inner.indexOf('<', i + 1)) lts++
  if (lts !== tags) return null
  return { open: start[0], name, gaps, items, tail }
}

/** Sanitized items kept (least recently used dropped first): several long tables of contents. */
const CACHED_ITEMS = 4000
/** Lists cut at their items kept: the one shown and the one an edit makes of it. */
const CACHED_SPLITS = 4

/** A long list's items, sanitized one by one and kept (see the module comment). */
export interface ListItems {
  /** {@link splitList}, remembered for the last few long lists (each is 48 KB to scan at 200k). */
  split(html: string): ListPieces | null
  /** An item sanitized, from the cache when seen before: clone it, never insert it. */
  item(html: string): DocumentFragment
  /**
   * Sanitizes the items among `htmls` not seen before in one run of the sanitizer, for
   * {@link ListItems.item} to find. A new list, or a paste that renumbers the ids of dozens of later
   * headings, brings that many new items: one sanitizer run each (a new document, the
   * configuration read again) took most of the paste's patch.
   */
  prepare(htmls: readonly string[]): void
}

/** The item cache and the remembered splits of {@link ListItems}, over a block sanitizer. */
export function listItems(sanitize: (html: string) => DocumentFragment): ListItems {
  const cache = new Map<string, DocumentFragment>()
  const splits = new Map<string, ListPieces | null>()
  const keep = (html: string, fragment: DocumentFragment) => {
    if (cache.size >= CACHED_ITEMS) cache.delete(cache.keys().next().value!)
    cache.set(html, fragment)
  }
  return {
    split(html) {
      if (html.length < SPLIT_FROM_CHARS) return null
      if (splits.has(html)) return splits.get(html)!
      const pieces = splitList(html)
      if (splits.size >= CACHED_SPLITS) splits.delete(splits.keys().next().value!)
      splits.set(html, pieces)
      return pieces
    },
    item(html) {
      let fragment = cache.get(html)
      if (fragment) {
        cache.delete(html)
      } else fragment = sanitize(html)
      keep(html, fragment)
      return fragment
    },
    prepare(htmls) {
      const missing = [...new Set(htmls.filter((html) => !cache.has(html)))]
      if (missing.length < 2) return
      // Items of a split list are well-formed <li>…</li> of a few tags: in a row in a list they
      // parse as each does alone (tested against sanitizing each), one <li> each. Anything else
      // is left to item(), one by one.
      const fragment = sanitize(`<ul>${missing.join('')}</ul>`)
      const list = fragment.firstChild
      if (fragment.childNodes.length !== 1 || !list || (list as Element).localName !== 'ul') return
      const lis = Array.from(list.childNodes)
      if (lis.length !== missing.length) return
      if (lis.some((li) => li.nodeType !== 1 || (li as Element).localName !== 'li')) return
      const doc = fragment.ownerDocument
      lis.forEach((li, i) => {
        const one = doc.createDocumentFragment()
        one.appendChild(li)
        keep(missing[i]!, one)
      })
    },
  }
}

/**
 * Wraps a block sanitizer: a long list block (see {@link splitList}) is sanitized as its empty
 * list plus each item, items seen before cloned from a cache. The result equals sanitizing the
 * block whole (tested), and every node still comes out of the sanitizer.
 */
export function itemwiseLists(
  sanitize: (html: string) => DocumentFragment,
  items: ListItems = listItems(sanitize),
): (html: string) => DocumentFragment {
  return (html) => {
    const pieces = items.split(html)
    if (!pieces) return sanitize(html)
    const fragment = sanitize(`${pieces.open}</${pieces.name}>${pieces.tail}`)
    const list = fragment.firstChild
    const doc = fragment.ownerDocument
    if (!list || list.nodeType !== 1 || (list as Element).localName !== pieces.name)
      return sanitize(html)
    items.prepare(pieces.items)
    pieces.items.forEach((html, i) => {
      if (pieces.gaps[i]) list.appendChild(doc.createTextNode(pieces.gaps[i]!))
      list.appendChild(doc.importNode(items.item(html), true))
    })
    const after = pieces.gaps[pieces.items.length]
    if (after) list.appendChild(doc.createTextNode(after))
    return fragment
  }
}

/** A long list shown that an edit changed in some items: patched in place (see {@link planListPatch}). */
export interface ListPlan {
  list: Element
  /** For each item shown, its nodes: the white space before it (when any) and its `<li>`. */
  units: Node[][]
  /** The white space before the list's end tag, when any. */
  lastGap: Node | null
  from: ListPieces
  to: ListPieces
}

/**
 * How to patch the long list shown as `nodes` (its block's key `shown`) into `key` in place: both are lists the item-wise
 * sanitizer splits, with the same start tag and end, and the list shown has the nodes it makes
 * (white space, then one `<li>` per item). Null otherwise (the block is replaced whole).
 */
export function planListPatch(
  items: ListItems,
  nodes: readonly Node[],
  shown: string,
  key: string,
): ListPlan | null {
  if (shown === key) return null
  const to = items.split(key)
  const from = to ? items.split(shown) : null
  if (!to || !from || from.open !== to.open || from.tail !== to.tail) return null
  if (from.gaps[from.items.length] !== to.gaps[to.items.length]) return null
  const list = nodes[0]
  if (!list || list.nodeType !== 1 || (list as Element).localName !== from.name) return null
  const children = list.childNodes
  const units: Node[][] = []
  let k = 0
  for (let i = 0; i < from.items.length; i++) {
    const unit: Node[] = []
    if (from.gaps[i]) {
      const gap = children[k++]
      if (gap?.nodeType !== 3) return null
      unit.push(gap)
    }
    const li = children[k++]
    if (li?.nodeType !== 1 || (li as Element).localName !== 'li') return null
    unit.push(li)
    units.push(unit)
  }
  let lastGap: Node | null = null
  if (from.gaps[from.items.length]) {
    lastGap = children[k++] ?? null
    if (lastGap?.nodeType !== 3) return null
  }
  if (k !== children.length) return null
  return { list: list as Element, units, lastGap, from, to }
}

/** Replaces the list's changed items (their white space with them), keeping the others' nodes. */
export function patchList(plan: ListPlan, items: ListItems, doc: Document): void {
  const { list, units, from, to } = plan
  const a = from.items.map((item, i) => from.gaps[i] + item)
  const b = to.items.map((item, i) => to.gaps[i] + item)
  let p = 0
  while (p < a.length && p < b.length && a[p] === b[p]) p++
  let s = 0
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++
  const at = s > 0 ? units[a.length - s]![0]! : plan.lastGap
  for (let i = p; i < a.length - s; i++) for (const n of units[i]!) list.removeChild(n)
  items.prepare(to.items.slice(p, b.length - s))
  for (let j = p; j < b.length - s; j++) {
    if (to.gaps[j]) list.insertBefore(doc.createTextNode(to.gaps[j]!), at)
    const copy = doc.importNode(items.item(to.items[j]!), true)
    // Lines live here, not in the DOM (as for whole blocks).
    for (const el of copy.querySelectorAll('[data-line]')) el.removeAttribute('data-line')
    list.insertBefore(copy, at)
  }
}
