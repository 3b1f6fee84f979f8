import { lineOps, type LineOp } from '../../../shared/text-diff'

/** One row of a side-by-side comparison. */
export interface DiffRow {
  kind: 'same' | 'changed' | 'removed' | 'added'
  /** Line of the left text (mine), or null. */
  left: string | null
  /** Line of the right text (theirs), or null. */
  right: string | null
  leftNo: number | null
  rightNo: number | null
}

/** Above this many line pairs the diff stops matching the middle (keeps the dialog responsive). */
const MAX_CELLS = 4_000_000

/**
 * A line diff for the conflict dialog: common prefix and suffix, then the shared line diff
 * (`diff`) over the middle; runs of removed+added lines pair up as "changed".
 */
export function diffLines(leftText: string, rightText: string): DiffRow[] {
  const a = leftText.split('\n')
  const b = rightText.split('\n')
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const midA = a.slice(start, endA)
  const midB = b.slice(start, endB)
  const ops: LineOp[] =
    midA.length * midB.length <= MAX_CELLS
      ? lineOps(midA, midB)
      : [...midA.map((): LineOp => '-'), ...midB.map((): LineOp => '+')]

  const rows: DiffRow[] = []
  for (let k = 0; k < start; k++)
    rows.push({ kind: 'same', left: a[k]!, right: b[k]!, leftNo: k + 1, rightNo: k + 1 })
  let ia = start
  let ib = start
  let k = 0
  while (k < ops.length) {
    if (ops[k] === '=') {
      rows.push({ kind: 'same', left: a[ia]!, right: b[ib]!, leftNo: ia + 1, rightNo: ib + 1 })
      ia++
      ib++
      k++
      continue
    }
    const removed: number[] = []
    const added: number[] = []
    while (k < ops.length && ops[k] !== '=') {
      if (ops[k] === '-') removed.push(ia++)
      else added.push(ib++)
      k++
    }
    const pairs = Math.max(removed.length, added.length)
    for (let p = 0; p < pairs; p++) {
      const l = removed[p]
      const r = added[p]
      const kind =
        l !== undefined && r !== undefined ? 'changed' : l !== undefined ? 'removed' : 'added'
      rows.push({
        kind,
        left: l === undefined ? null : a[l]!,
        right: r === undefined ? null : b[r]!,
        leftNo: l === undefined ? null : l + 1,
        rightNo: r === undefined ? null : r + 1,
      })
    }
  }
  for (let x = 0; x < a.length - endA; x++) {
    rows.push({
      kind: 'same',
      left: a[endA + x]!,
      right: b[endB + x]!,
      leftNo: endA + x + 1,
      rightNo: endB + x + 1,
    })
  }
  return rows
}

/** A run of unchanged lines hidden in the compare view. */
export interface FoldRow {
  kind: 'fold'
  count: number
}

/**
 * Hides long runs of unchanged lines, keeping `context` lines next to each change, so the compare
 * view opens on what differs.
 */
export function foldUnchanged(rows: readonly DiffRow[], context = 3): Array<DiffRow | FoldRow> {
  const out: Array<DiffRow | FoldRow> = []
  let i = 0
  while (i < rows.length) {
    if (rows[i]!.kind !== 'same') {
      out.push(rows[i]!)
      i++
      continue
    }
    let j = i
    while (j < rows.length && rows[j]!.kind === 'same') j++
    const keepBefore = i === 0 ? 0 : context
    const keepAfter = j === rows.length ? 0 : context
    const hidden = j - i - keepBefore - keepAfter
    if (hidden > 1) {
      out.push(
        ...rows.slice(i, i + keepBefore),
        { kind: 'fold', count: hidden },
        ...rows.slice(j - keepAfter, j),
      )
    } else {
      out.push(...rows.slice(i, j))
    }
    i = j
  }
  return out
}
