import { isMap, isScalar, isSeq, LineCounter } from 'yaml'
import {
  parseFrontMatterYaml,
  parseYamlDocument,
  splitPost,
  type FrontMatterError,
} from '../front-matter'
import type { LocalizedText } from '../localized'
import { METADATA_MESSAGES as M } from './messages'
import { locateFrontMatter, type FrontMatterRegion } from './region'
import { smallestChange, type TextChange } from '../text-diff'
import { editYaml, pairText, type FieldEditOptions, type FieldValue, type Layout } from './yaml-cst'

export type { TextChange } from '../text-diff'
export type { FieldEditOptions, FieldValue } from './yaml-cst'

/**
 * Round-trip editing of a post's front matter. The form and the YAML are two views of one text:
 * {@link readFields} gives the form its values, {@link applyFieldEdit} turns a form edit into the
 * smallest text change. Edits go through the `yaml` library's CST (concrete syntax tree), which
 * prints every untouched token back byte for byte, so key order, comments, quoting style, unknown
 * keys and CRLF line breaks survive. Every edit is re-parsed and checked before it is returned:
 * an edit that would change any other field is refused rather than applied.
 */

/** Result of {@link applyFieldEdit}: the changes and the text after them, or why nothing changed. */
export type FieldEditResult =
  | { kind: 'ok'; changes: TextChange[]; text: string }
  | { kind: 'error'; message: LocalizedText; line: number | null }

const KEY = /^(?!__proto__$)[A-Za-z_][A-Za-z0-9_-]*$/

function error(message: LocalizedText, line: number | null = null): FieldEditResult {
  return { kind: 'error', message, line }
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
