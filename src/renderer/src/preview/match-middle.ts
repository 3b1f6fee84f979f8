/** The keyed match of a block patch's changed middle (see `BlockPatcher.patch`). */

/**
 * For each new block of a patch's changed middle (`next[from, newEnd)`), the old block it keeps in
 * place (`old[from, oldEnd)`), or -1. With as many blocks as before (typing, a big post filling in):
 * block for block where the key is the same. Otherwise (a paste or its undo: blocks added, and
 * blocks far below changed, such as the headings whose ids a pasted heading renumbered) the most
 * blocks that keep their order: equal keys matched in order, then the longest increasing run of
 * their old indices. Before, such a middle was taken out and put back whole: at 200k characters a
 * paste re-inserted about a thousand blocks and laid them out again.
 */
export function matchMiddle(
  old: readonly { key: string }[],
  next: readonly { key: string }[],
  from: number,
  oldEnd: number,
  newEnd: number,
  /** A key no block is matched by (blocks shown as pending). */
  unmatched: string,
): Int32Array {
  const n = newEnd - from
  const match = new Int32Array(Math.max(0, n)).fill(-1)
  if (oldEnd - from === n) {
    for (let j = 0; j < n; j++) if (old[from + j]!.key === next[from + j]!.key) match[j] = from + j
    return match
  }
  const byKey = new Map<string, { at: number[]; used: number }>()
  for (let i = from; i < oldEnd; i++) {
    const key = old[i]!.key
    if (key === unmatched) continue
    const entry = byKey.get(key)
    if (entry) entry.at.push(i)
    else byKey.set(key, { at: [i], used: 0 })
  }
  for (let j = 0; j < n; j++) {
    const entry = byKey.get(next[from + j]!.key)
    if (entry && entry.used < entry.at.length) match[j] = entry.at[entry.used++]!
  }
  // The longest increasing run of old indices (patience sorting): tails[l] is the match ending the
  // best run of length l + 1 so far, previous[j] the one before j in its run.
  const tails: number[] = []
  const previous = new Int32Array(Math.max(0, n)).fill(-1)
  for (let j = 0; j < n; j++) {
    const v = match[j]!
    if (v < 0) continue
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (match[tails[mid]!]! < v) lo = mid + 1
      else hi = mid
    }
    previous[j] = lo > 0 ? tails[lo - 1]! : -1
    tails[lo] = j
  }
  const inRun = new Uint8Array(Math.max(0, n))
  for (let j = tails.length > 0 ? tails[tails.length - 1]! : -1; j >= 0; j = previous[j]!)
    inRun[j] = 1
  for (let j = 0; j < n; j++) if (!inRun[j]) match[j] = -1
  return match
}
