import { CST, Document, isMap, isScalar, isSeq, LineCounter, Parser, type Scalar } from 'yaml'
import {
  parseFrontMatterYaml,
  parseYamlDocument,
  splitPost,
  type FrontMatterError,
} from '../front-matter'
import type { LocalizedText } from '../localized'
import { METADATA_MESSAGES as M } from './messages'
import { locateFrontMatter, type FrontMatterRegion } from './region'

/**
 * Round-trip editing of a post's front matter. The form and the YAML are two views of one text:
 * {@link readFields} gives the form its values, {@link applyFieldEdit} turns a form edit into the
 * smallest text change. Edits go through the `yaml` library's CST (concrete syntax tree), which
 * prints every untouched token back byte for byte, so key order, comments, quoting style, unknown
 * keys and CRLF line breaks survive. Every edit is re-parsed and checked before it is returned:
 * an edit that would change any other field is refused rather than applied.
 */

/** A value the form writes: text (also dates), yes/no, a list of text, or null to remove the key. */
export type FieldValue = string | boolean | readonly string[] | null

/** One text change, in offsets of the text it applies to (CodeMirror's `ChangeSpec` shape). */
export interface TextChange {
  from: number
  to: number
  insert: string
}

/** Result of {@link applyFieldEdit}: the changes and the text after them, or why nothing changed. */
export type FieldEditResult =
  | { kind: 'ok'; changes: TextChange[]; text: string }
  | { kind: 'error'; message: LocalizedText; line: number | null }

/** Options of {@link applyFieldEdit}. */
export interface FieldEditOptions {
  /**
   * Key order of the schema: a key that is not in the front matter yet goes after the last
   * present key that comes before it in this order (else at the end).
   */
  order?: readonly string[]
}

const KEY = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_-]*$/

type Item = CST.BlockMap['items'][number]
type SeqItem = CST.BlockSequence['items'][number]
type ScalarType = Scalar.Type

const SCALAR_TOKENS = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar',
])

function error(message: LocalizedText, line: number | null = null): FieldEditResult {
  return { kind: 'error', message, line }
}

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
interface Layout {
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
function pairText(
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

/** Longest common subsequence of two lists: matched index pairs, in order. */
function commonItems(a: readonly (string | null)[], b: readonly string[]): Array<[number, number]> {
  const n = a.length
  const m = b.length
  const table: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i]![j] =
        a[i] !== null && a[i] === b[j]
          ? table[i + 1]![j + 1]! + 1
          : Math.max(table[i + 1]![j]!, table[i]![j + 1]!)
    }
  }
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] !== null && a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++
    else j++
  }
  return pairs
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
  const matches = commonItems(oldValues, next)
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
function editYaml(
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

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Whether `after` is `before` with only `field` changed to `value` (and key order kept). */
function onlyFieldChanged(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  field: string,
  value: FieldValue,
): boolean {
  if (value === null ? field in after : !same(after[field], value)) return false
  const keysBefore = Object.keys(before).filter((k) => k !== field)
  const keysAfter = Object.keys(after).filter((k) => k !== field)
  if (!same(keysBefore, keysAfter)) return false
  return keysBefore.every((k) => same(before[k], after[k]))
}

/**
 * The smallest change turning `a` into `b`, kept to whole lines' worth of line breaks: the
 * inserted text uses `eol` throughout.
 */
function smallestChange(a: string, b: string, eol: string): TextChange | null {
  if (a === b) return null
  let from = 0
  while (from < a.length && from < b.length && a[from] === b[from]) from++
  let tail = 0
  while (
    tail < a.length - from &&
    tail < b.length - from &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++
  let to = a.length - tail
  let insert = b.slice(from, b.length - tail)
  if (eol === '\r\n' && /\n/.test(insert)) {
    // Widen to whole lines so no CRLF is split, then write every line break as CRLF.
    const lineStart = a.lastIndexOf('\n', from - 1) + 1
    const nl = a.indexOf('\n', to)
    const lineEnd = nl < 0 ? a.length : nl + 1
    insert = (a.slice(lineStart, from) + insert + a.slice(to, lineEnd)).replace(/\r?\n/g, '\r\n')
    from = lineStart
    to = lineEnd
    // Trim again what the widening made common.
    const oldPart = a.slice(from, to)
    let p = 0
    while (p < oldPart.length && p < insert.length && oldPart[p] === insert[p]) p++
    let s = 0
    while (
      s < oldPart.length - p &&
      s < insert.length - p &&
      oldPart[oldPart.length - 1 - s] === insert[insert.length - 1 - s]
    )
      s++
    insert = insert.slice(p, insert.length - s)
    from += p
    to -= s
  }
  return slideToLineStart(a, { from, to, insert })
}

/**
 * Moves a pure insertion or deletion left while the text allows, so that it starts at a line
 * start: `  - new⏎` inserted before `  - old`, rather than `new⏎  - ` inserted after `  - `.
 */
function slideToLineStart(a: string, change: TextChange): TextChange {
  let { from, to, insert } = change
  const deleting = insert === ''
  if (!deleting && from !== to) return change
  let moved = 0
  while (from > 0 && a[from - 1] !== '\n' && moved < 200) {
    const last = deleting ? a[to - 1] : insert[insert.length - 1]
    if (last === undefined || a[from - 1] !== last) break
    if (!deleting) insert = a[from - 1] + insert.slice(0, -1)
    from--
    to--
    moved++
  }
  return from === 0 || a[from - 1] === '\n' ? { from, to, insert } : change
}

function finish(
  text: string,
  offset: number,
  oldPart: string,
  newPart: string,
  eol: string,
): FieldEditResult {
  const change = smallestChange(oldPart, newPart, eol)
  if (!change) return { kind: 'ok', changes: [], text }
  const shifted = { from: change.from + offset, to: change.to + offset, insert: change.insert }
  return {
    kind: 'ok',
    changes: [shifted],
    text: text.slice(0, shifted.from) + shifted.insert + text.slice(shifted.to),
  }
}

/** A front matter for a text that has none, holding one field. */
function createFrontMatter(
  text: string,
  field: string,
  value: Exclude<FieldValue, null>,
): FieldEditResult {
  const bom = text.startsWith('\uFEFF') ? 1 : 0
  const eol = /\r\n/.test(text.slice(0, text.indexOf('\n') + 1)) ? '\r\n' : '\n'
  const rest = text.slice(bom)
  const gap = rest === '' || rest.startsWith('\n') || rest.startsWith('\r\n') ? '' : eol
  const layout: Layout = { eol, indentSeq: true, flowPadding: false }
  const insert = `---${eol}${pairText(field, value, layout, {})}---${eol}${gap}`
  return {
    kind: 'ok',
    changes: [{ from: bom, to: bom, insert }],
    text: text.slice(0, bom) + insert + rest,
  }
}

/** The fence and YAML problems that stop a form edit, with the file line when known. */
function blockingProblem(text: string, region: FrontMatterRegion): FieldEditResult | null {
  if (region.lang !== '' && region.lang !== 'yaml' && region.lang !== 'yml')
    return error(M.codeFrontMatter(region.lang), 1)
  if (!region.closed) return error(M.notClosed, 1)
  // Without its last line break, as `splitPost` reads it, so both name the same line.
  const parsed = parseFrontMatterYaml(
    text.slice(region.yamlFrom, region.yamlTo).replace(/\r?\n$/, ''),
  )
  if (parsed.error) {
    const line = parsed.error.line + region.firstYamlLine - 2
    return error(M.invalidYaml(line, parsed.error.message), line)
  }
  return null
}

/**
 * Sets one front-matter field in a post's text (or removes it with `null`) and returns the
 * smallest change. Only the lines of that field change; everything else is kept byte for byte.
 * A text without front matter gets one. Refused, with the text untouched: `---js` front matter
 * (S11), invalid or unclosed YAML (D1, with its line), alias bombs (S12), and any edit that would
 * change another field.
 */
export function applyFieldEdit(
  fileText: string,
  field: string,
  value: FieldValue,
  options: FieldEditOptions = {},
): FieldEditResult {
  if (!KEY.test(field)) return error(M.badKey(field))
  const region = locateFrontMatter(fileText)
  if (!region) {
    if (value === null) return { kind: 'ok', changes: [], text: fileText }
    return createFrontMatter(fileText, field, value)
  }
  const blocked = blockingProblem(fileText, region)
  if (blocked) return blocked
  const yaml = fileText.slice(region.yamlFrom, region.yamlTo)
  const before = parseFrontMatterYaml(yaml).data
  for (const forceQuote of [false, true]) {
    let edited: ReturnType<typeof editYaml>
    try {
      edited = editYaml(yaml, field, value, region.eol, options, forceQuote)
    } catch {
      continue
    }
    if (edited.kind === 'error') return error(edited.message)
    if (edited.yaml === yaml) return { kind: 'ok', changes: [], text: fileText }
    const after = parseFrontMatterYaml(edited.yaml)
    if (after.error || !onlyFieldChanged(before, after.data, field, value)) continue
    return finish(fileText, region.yamlFrom, yaml, edited.yaml, region.eol)
  }
  return error(M.unsafeEdit(field))
}

/** What the form shows: the front matter's values and where each key and list item is. */
export interface FrontMatterFields {
  hasFrontMatter: boolean
  /** The parsed front matter (`{}` when absent or invalid). */
  data: Record<string, unknown>
  /** Why the front matter cannot be read (D1, S11, S12); the form is then read-only. */
  error: FrontMatterError | null
  /** 1-based file line of each top-level key. */
  keyLines: Record<string, number>
  /** 1-based file lines of the items of each top-level list. */
  itemLines: Record<string, number[]>
  /** 1-based file line of the first YAML line (after the opening fence). */
  firstLine: number
}

/** Reads a post's front matter for the form: values, problems, and the line of every key. */
export function readFields(fileText: string): FrontMatterFields {
  // Only the front matter matters here: a long body is not split into lines for nothing.
  const region = locateFrontMatter(fileText)
  const split = splitPost(region?.closed ? fileText.slice(0, region.end) : fileText)
  const fields: FrontMatterFields = {
    hasFrontMatter: split.hasFrontMatter,
    data: split.data,
    error: split.error,
    keyLines: {},
    itemLines: {},
    firstLine: 2,
  }
  if (!split.hasFrontMatter || split.error) return fields
  const counter = new LineCounter()
  const doc = parseYamlDocument(split.yaml, counter)
  if (!isMap(doc.contents)) return fields
  const lineOf = (offset: number) => counter.linePos(offset).line + 1
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue
    const key = String(pair.key.value)
    fields.keyLines[key] = lineOf(pair.key.range[0])
    if (isSeq(pair.value)) {
      fields.itemLines[key] = pair.value.items.map((it) =>
        isScalar(it) && it.range ? lineOf(it.range[0]) : fields.keyLines[key]!,
      )
    }
  }
  return fields
}

/**
 * Whether changes (from {@link applyFieldEdit}) touch only the YAML of `text` and keep its number
 * of lines: the body and its line numbers are then the same, so the preview's last render (and
 * its `data-line` anchors) can be reused and only the card needs the new front matter.
 */
export function bodyUnaffected(text: string, changes: readonly TextChange[]): boolean {
  const region = locateFrontMatter(text)
  if (!region || !region.closed) return false
  const lines = (s: string) => s.split('\n').length - 1
  return changes.every(
    (c) =>
      c.from >= region.yamlFrom &&
      c.to <= region.yamlTo &&
      lines(text.slice(c.from, c.to)) === lines(c.insert),
  )
}
