import { diffArrays } from 'diff'

/**
 * Text and list differences, written once for the app on the `diff` library: the metadata round
 * trip (list items kept by value, the smallest text change), the editor (replacing its text with a
 * change CodeMirror can map selections through) and the conflict dialog's line comparison. The only
 * own code is the single-replacement trim and its CRLF handling.
 */

/** One text change, in offsets of the text it applies to (CodeMirror's `ChangeSpec` shape). */
export interface TextChange {
  from: number
  to: number
  insert: string
}

/**
 * The one replacement turning `a` into `b` that keeps their common start and end: what an editor
 * applies so the cursor and the undo history around an outside change stay put. Null when equal.
 */
export function singleReplacement(a: string, b: string): TextChange | null {
  if (a === b) return null
  const start = commonStart(a, b)
  const end = commonEnd(a, b, Math.min(a.length, b.length) - start)
  return { from: start, to: a.length - end, insert: b.slice(start, b.length - end) }
}

/** Characters compared natively at a time when looking for what an edit changed. */
const COMPARE_STEP = 4096

/**
 * The length of the common start of `a` and `b`. Whole 4 KiB slices are compared natively first:
 * a character loop over a 10 MB post took ~30 ms per keystroke, this ~2 ms.
 */
export function commonStart(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let i = 0
  while (i + COMPARE_STEP <= max && a.slice(i, i + COMPARE_STEP) === b.slice(i, i + COMPARE_STEP))
    i += COMPARE_STEP
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

/** The length of the common end of `a` and `b`, at most `max` (like {@link commonStart}). */
export function commonEnd(a: string, b: string, max: number): number {
  let i = 0
  while (
    i + COMPARE_STEP <= max &&
    a.slice(a.length - i - COMPARE_STEP, a.length - i) ===
      b.slice(b.length - i - COMPARE_STEP, b.length - i)
  )
    i += COMPARE_STEP
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++
  return i
}

/**
 * Items of `a` kept in `b`, as matched index pairs in order (a longest common subsequence, by
 * `diff`). A null item of `a` never matches.
 */
export function matchedItems(
  a: readonly (string | null)[],
  b: readonly string[],
): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  let i = 0
  let j = 0
  const parts = diffArrays<string | null>(a as (string | null)[], b as string[], {
    comparator: (x, y) => x !== null && x === y,
  })
  for (const part of parts) {
    if (part.added) j += part.count
    else if (part.removed) i += part.count
    else for (let k = 0; k < part.count; k++) pairs.push([i++, j++])
  }
  return pairs
}

/** One step of a line comparison: a line kept, removed from the left, or added on the right. */
export type LineOp = '=' | '-' | '+'

/** The steps turning lines `a` into lines `b` (a shortest edit script, by `diff`). */
export function lineOps(a: readonly string[], b: readonly string[]): LineOp[] {
  const ops: LineOp[] = []
  for (const part of diffArrays(a as string[], b as string[])) {
    const op: LineOp = part.added ? '+' : part.removed ? '-' : '='
    for (let k = 0; k < part.count; k++) ops.push(op)
  }
  return ops
}

/**
 * The smallest change turning `a` into `b`, kept to whole lines' worth of line breaks: the
 * inserted text uses `eol` throughout.
 */
export function smallestChange(a: string, b: string, eol: string): TextChange | null {
  const single = singleReplacement(a, b)
  if (!single) return null
  let { from, to, insert } = single
  if (eol === '\r\n' && /\n/.test(insert)) {
    // Widen to whole lines so no CRLF is split, then write every line break as CRLF.
    const lineStart = a.lastIndexOf('\n', from - 1) + 1
    const nl = a.indexOf('\n', to)
    const lineEnd = nl < 0 ? a.length : nl + 1
    insert = (a.slice(lineStart, from) + insert + a.slice(to, lineEnd)).replace(/\r?\n/g, '\r\n')
    from = lineStart
    to = lineEnd
    // Trim again what the widening made common.
    const trimmed = singleReplacement(a.slice(from, to), insert) ?? { from: 0, to: 0, insert: '' }
    insert = trimmed.insert
    to = from + trimmed.to
    from += trimmed.from
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
