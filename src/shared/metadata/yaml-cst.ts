import { CST, Document, isMap, isScalar, isSeq, Parser, type Scalar } from 'yaml'
import type { LocalizedText } from '../localized'
import { matchedItems } from '../text-diff'
import { METADATA_MESSAGES as M } from './messages'

/**
 * Edits one field of front-matter YAML through the `yaml` library's CST (concrete syntax tree),
 * which prints every untouched token back byte for byte: key order, comments, quoting style,
 * unknown keys and line breaks survive. New keys and values are written by the library itself, in
 * the layout of their neighbours. The round trip (`round-trip.ts`) checks every result.
 */

/** A value the form writes: text (also dates), yes/no, a list of text, or null to remove the key. */
export type FieldValue = string | boolean | readonly string[] | null

/** Options of a field edit (`applyFieldEdit`). */
export interface FieldEditOptions {
  /**
   * Key order of the schema: a key that is not in the front matter yet goes after the last
   * present key that comes before it in this order (else at the end).
   */
  order?: readonly string[]
}

type Item = CST.BlockMap['items'][number]
type SeqItem = CST.BlockSequence['items'][number]
type ScalarType = Scalar.Type

const SCALAR_TOKENS = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar',
])

/** The scalar style of a CST token, as the Document API names it. */
function scalarTypeOf(token: CST.Token | undefined | null): ScalarType | undefined {
  switch (token?.type) {
    case 'scalar':
      return 'PLAIN'
    case 'single-quoted-scalar':
      return 'QUOTE_SINGLE'
    case 'double-quoted-scalar':
      return 'QUOTE_DOUBLE'
    case 'block-scalar': {
      const header = token.props[0]
      return header?.type === 'block-scalar-header' && header.source.startsWith('>')
        ? 'BLOCK_FOLDED'
        : 'BLOCK_LITERAL'
    }
    default:
      return undefined
  }
}

/** The string a scalar token holds (before schema typing), or null for anything else. */
function tokenText(token: CST.Token | undefined | null): string | null {
  if (!token || !CST.isScalar(token)) return null
  try {
    return CST.resolveAsScalar(token, true, () => {})?.value ?? null
  } catch {
    return null
  }
}

/** How the existing YAML lays things out, so new lines look like their neighbours. */
export interface Layout {
  eol: string
  /** Block sequences indented under their key (`  - a`) rather than level with it (`- a`). */
  indentSeq: boolean
  /** Spaces inside flow brackets: `[ a, b ]` rather than `[a, b]`. */
  flowPadding: boolean
}

function layoutOf(map: CST.BlockMap | null, eol: string): Layout {
  const layout: Layout = { eol, indentSeq: true, flowPadding: false }
  for (const item of map?.items ?? []) {
    const v = item.value
    if (v?.type === 'block-seq') layout.indentSeq = v.indent > 0
    if (v?.type === 'flow-collection' && v.items.length > 0) {
      const after = CST.stringify(v.start) + (v.items[0]!.start.map((t) => t.source).join('') ?? '')
      layout.flowPadding = /^\[\s/.test(after)
    }
  }
  return layout
}

/** Styles for the library to write a new value with. */
interface Style {
  /** Scalar style of a text value. */
  scalar?: ScalarType
  /** Scalar style per list item value (kept items keep theirs), and for new items. */
  items?: Map<string, ScalarType>
  newItem?: ScalarType
  /** Write a list in flow style (`[a, b]`). Empty lists are always `[]`. */
  flow?: boolean
}

/** `key: value` written by the `yaml` library in the file's layout. */
export function pairText(
  key: string,
  value: Exclude<FieldValue, null>,
  layout: Layout,
  style: Style,
): string {
  const doc = new Document({ [key]: value })
  const pair = isMap(doc.contents) ? doc.contents.items[0] : undefined
  const node = pair?.value
  if (isScalar(node) && typeof value === 'string' && style.scalar) node.type = style.scalar
  if (isSeq(node)) {
    node.flow = style.flow === true || node.items.length === 0
    for (const item of node.items) {
      if (!isScalar(item)) continue
      const type = style.items?.get(String(item.value)) ?? style.newItem
      if (type && type !== 'BLOCK_FOLDED' && type !== 'BLOCK_LITERAL') item.type = type
    }
  }
  const text = doc.toString({
    lineWidth: 0,
    indentSeq: layout.indentSeq,
    flowCollectionPadding: layout.flowPadding,
  })
  return layout.eol === '\n' ? text : text.replace(/\n/g, layout.eol)
}

/** The CST item of `key: value` as the library writes it. */
function pairItem(
  key: string,
  value: Exclude<FieldValue, null>,
  layout: Layout,
  style: Style,
): Item {
  const text = pairText(key, value, layout, style)
  for (const token of new Parser().parse(text)) {
    if (token.type === 'document' && token.value?.type === 'block-map') return token.value.items[0]!
  }
  throw new Error(`yaml wrote an unexpected pair: ${text}`)
}

const space = (indent: number): CST.SourceToken => ({
  type: 'space',
  offset: -1,
  indent: 0,
  source: ' '.repeat(indent),
})

/**
 * Edits a block sequence item by item: kept items keep their tokens (comments, quoting), removed
 * items go (a comment line above one stays), new items are written by the library like their
 * neighbours.
 */
function editBlockSeq(
  seq: CST.BlockSequence,
  next: readonly string[],
  key: string,
  layout: Layout,
) {
  const oldValues = seq.items.map((it) => tokenText(it.value))
  const matches = matchedItems(oldValues, next)
  const indent = seq.indent
  // Every item in "not first" form: the first item's indentation is in the key's separator.
  const withIndent = (item: SeqItem, index: number): SeqItem =>
    index === 0 && indent > 0 ? { ...item, start: [space(indent), ...item.start] } : item
  // A new item is quoted like the item before it (the first item, at the start).
  let neighbourType = scalarTypeOf(seq.items.find((it) => CST.isScalar(it.value))?.value)
  const newItem = (value: string): SeqItem => {
    const gen = pairItem(
      key,
      [value],
      { ...layout, indentSeq: indent > 0 },
      {
        newItem:
          neighbourType === 'BLOCK_FOLDED' || neighbourType === 'BLOCK_LITERAL'
            ? undefined
            : neighbourType,
      },
    )
    const genSeq = gen.value as CST.BlockSequence
    const item = genSeq.items[0]!
    return indent > 0 ? { ...item, start: [space(indent), ...item.start] } : item
  }
  const out: SeqItem[] = []
  let carried: CST.SourceToken[] = []
  const take = (item: SeqItem) => {
    out.push(carried.length ? { ...item, start: [...carried, ...item.start] } : item)
    carried = []
  }
  const drop = (item: SeqItem) => {
    // Keep comment lines written above a removed item.
    const ind = item.start.findIndex((t) => t.type === 'seq-item-ind')
    const before = item.start.slice(0, ind < 0 ? 0 : ind)
    let lastNewline = -1
    before.forEach((t, k) => {
      if (t.type === 'newline') lastNewline = k
    })
    if (before.some((t) => t.type === 'comment')) carried.push(...before.slice(0, lastNewline + 1))
  }
  let i = 0
  let j = 0
  for (const [mi, mj] of [...matches, [seq.items.length, next.length] as [number, number]]) {
    for (; i < mi; i++) drop(withIndent(seq.items[i]!, i))
    for (; j < mj; j++) take(newItem(next[j]!))
    if (mi < seq.items.length) {
      neighbourType = scalarTypeOf(seq.items[mi]!.value) ?? neighbourType
      take(withIndent(seq.items[mi]!, mi))
      i = mi + 1
      j = mj + 1
    }
  }
  if (carried.length && out.length) {
    const last = out[out.length - 1]!
    const value = last.value
    if (value && 'end' in value && Array.isArray(value.end)) {
      out[out.length - 1] = {
        ...last,
        value: { ...value, end: [...value.end, ...carried] } as CST.Token,
      }
    } else out.push({ start: carried })
  }
  // The first item's indentation comes from the key's separator.
  const first = out[0]
  if (first && indent > 0 && first.start[0]?.type === 'space') {
    out[0] = { ...first, start: first.start.slice(1) }
  }
  seq.items = out
}

/** The item's text value styles, by value, so a rewritten flow list keeps each item's quoting. */
function itemStyles(items: readonly CST.CollectionItem[]): Map<string, ScalarType> {
  const styles = new Map<string, ScalarType>()
  for (const it of items) {
    const text = tokenText(it.value)
    const type = scalarTypeOf(it.value)
    if (text !== null && type) styles.set(text, type)
  }
  return styles
}

/** Spaces, comment and line break written after a value (`title: x # note`), if it has a comment. */
function trailingComment(token: CST.Token | undefined): CST.SourceToken[] {
  if (!token) return []
  let tail: CST.SourceToken[] = []
  if (token.type === 'flow-collection') tail = token.end.slice(1)
  else if ('end' in token && Array.isArray(token.end)) tail = token.end
  return tail.some((t) => t.type === 'comment') ? tail : []
}

/** Replaces an item's separator and value with those the library writes for `value`. */
function replaceWhole(
  item: Item,
  key: string,
  value: Exclude<FieldValue, null>,
  layout: Layout,
  style: Style,
) {
  if (!('sep' in item) || item.key === undefined) return
  const gen = pairItem(key, value, layout, style)
  const comment = trailingComment(item.value)
  item.sep = gen.sep ?? []
  item.value = gen.value
  const next = item.value
  if (comment.length === 0 || !next) return
  if (next.type === 'flow-collection') next.end = [next.end[0]!, ...comment]
  else if (next.type !== 'block-scalar' && 'end' in next && Array.isArray(next.end))
    next.end = comment
}

/** Edits one field in the CST of the front matter YAML; returns the new YAML text. */
export function editYaml(
  yaml: string,
  field: string,
  value: FieldValue,
  eol: string,
  options: FieldEditOptions,
  forceQuote: boolean,
): { kind: 'ok'; yaml: string } | { kind: 'error'; message: LocalizedText } {
  const tokens = [...new Parser().parse(yaml)]
  const print = () => tokens.map((t) => CST.stringify(t)).join('')
  if (print() !== yaml) return { kind: 'error', message: M.unsafeEdit(field) }
  const docs = tokens.filter((t): t is CST.Document => t.type === 'document')
  if (docs.length > 1) return { kind: 'error', message: M.multipleDocuments }
  const root = docs[0]?.value
  const map = root?.type === 'block-map' ? root : null
  if (root && !map) {
    const empty = CST.isScalar(root) && tokenText(root) === ''
    if (!empty) return { kind: 'error', message: M.notMapping }
  }
  if (map && map.indent !== 0) return { kind: 'error', message: M.indented }
  const layout = layoutOf(map, eol)
  const quote: ScalarType | undefined = forceQuote ? 'QUOTE_DOUBLE' : undefined

  const index = map ? map.items.findIndex((it) => tokenText(it.key) === field) : -1
  if (value === null) {
    if (!map || index < 0) return { kind: 'ok', yaml }
    const item = map.items[index]!
    // The pair goes; comment lines written above it stay.
    map.items.splice(index, 1, ...(item.start.length ? [{ start: item.start }] : []))
    return { kind: 'ok', yaml: print() }
  }

  const style: Style = { scalar: quote, newItem: quote }
  if (!map || index < 0) {
    const text = pairText(field, value, layout, style)
    if (!map) {
      // No mapping yet (an empty or comment-only front matter): the pair goes at its end.
      const sep = yaml === '' || yaml.endsWith('\n') ? '' : eol
      return { kind: 'ok', yaml: yaml + sep + text }
    }
    const order = options.order ?? []
    const rank = order.indexOf(field)
    let at = map.items.length
    if (rank >= 0) {
      let after = -1
      map.items.forEach((it, k) => {
        const r = order.indexOf(tokenText(it.key) ?? '')
        if (r >= 0 && r < rank) after = k
      })
      if (after >= 0) at = after + 1
    }
    map.items.splice(at, 0, pairItem(field, value, layout, style))
    return { kind: 'ok', yaml: print() }
  }

  const item = map.items[index]!
  const current = item.value
  if (typeof value === 'string' || typeof value === 'boolean') {
    if (current && SCALAR_TOKENS.has(current.type)) {
      let type: ScalarType | undefined = quote
      const text = typeof value === 'boolean' ? String(value) : value
      if (typeof value === 'boolean') type = 'PLAIN'
      else if (!type && value.includes('\n') && !current.type.startsWith('block'))
        type = 'BLOCK_LITERAL'
      CST.setScalarValue(current, text, { afterKey: true, type })
    } else {
      const multiline = typeof value === 'string' && value.includes('\n')
      replaceWhole(item, field, value, layout, {
        scalar: quote ?? (multiline ? 'BLOCK_LITERAL' : undefined),
      })
    }
    return { kind: 'ok', yaml: print() }
  }

  // A list.
  const list = [...value]
  if (current?.type === 'block-seq' && list.length > 0 && !forceQuote) {
    editBlockSeq(current, list, field, layout)
  } else if (current?.type === 'flow-collection' && current.start.source === '[') {
    replaceWhole(item, field, list, layout, {
      flow: true,
      items: forceQuote ? undefined : itemStyles(current.items),
      newItem: quote ?? scalarTypeOf(current.items.find((it) => CST.isScalar(it.value))?.value),
    })
  } else if (current?.type === 'block-seq') {
    replaceWhole(item, field, list, layout, {
      items: forceQuote ? undefined : itemStyles(current.items),
      newItem: quote,
    })
  } else {
    replaceWhole(item, field, list, layout, { newItem: quote })
  }
  return { kind: 'ok', yaml: print() }
}
