/**
 * The pieces an {@link IncrementalRenderer} keeps between renders, and what it derives from them
 * without parsing: blocks placed at their lines, heading-id counts and the table of contents' key.
 */
import type { HeadingEntry } from './headings'
import type { PieceDefinitions } from './incremental-rules'
import type { Heading, RenderedBlock } from './types'

export interface Rendered {
  /** Blocks with their line relative to the piece and `data-line`s relative to that line. */
  blocks: Array<{ rel: number; key: string }>
  headings: Heading[]
  entries: HeadingEntry[]
  slugs: string[]
  /** Prior id counts of `slugs`, definitions and TOC inputs it was rendered with. */
  incoming: string
  defsKey: string
  tocKey: string | null
  /** The piece has a `{:toc}` list; `belowToc`: it was rendered as a plain list (a TOC is above). */
  tocMarker: boolean
  belowToc: boolean
  /** {@link entries} as a key, made when first compared (see {@link tocKeyOf}). */
  entriesKey?: string
}

export interface Piece {
  text: string
  lines: number
  defs: PieceDefinitions | null
  /** Made by an edit (the first few render whatever the budget). */
  edited: boolean
  /** What in the piece makes the whole body render at once (a footnote…), or null. */
  wholeBody: string | null
  out: Rendered | null
  /** The piece's blocks and headings at their lines, as last assembled (reused while both are the same). */
  placed: Placed | null
}

/** A piece's rendered output placed at a line: the objects a render result holds. */
export interface Placed {
  out: Rendered
  line: number
  blocks: RenderedBlock[]
  headings: Heading[]
}

const LINE_ATTR = / data-line="(\d+)"/g

export function shiftLineAttrs(html: string, delta: number): string {
  if (delta === 0 || !html.includes(' data-line="')) return html
  return html.replace(LINE_ATTR, (_m, n: string) => ` data-line="${Number(n) + delta}"`)
}

export function countLines(text: string): number {
  let n = 0
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++
  return n
}

/** A block whose absolute HTML is built only when read (the preview reads `key`). */
export class PlacedBlock implements RenderedBlock {
  private shifted: string | null = null

  constructor(
    readonly key: string,
    readonly line: number,
  ) {}

  get html(): string {
    return (this.shifted ??= shiftLineAttrs(this.key, this.line))
  }
}

/**
 * `out` at `line`: the objects placed last time while neither changed. A keystroke re-places only
 * the pieces it touched (and, after a newline, those below it): making a block object for each of a
 * long post's thousands of blocks was half of what a keystroke allocated.
 */
export function place(p: Piece, out: Rendered, line: number): Placed {
  const last = p.placed
  if (last && last.out === out && last.line === line) return last
  return (p.placed = {
    out,
    line,
    blocks: out.blocks.map((b) => new PlacedBlock(b.key, line + b.rel)),
    headings: out.headings.map((h) => ({ ...h, line: h.line + line })),
  })
}

/** The index of `value` in the ascending `sorted`, looking from `from` on; -1 when absent. */
export function indexOfSorted(sorted: readonly number[], value: number, from: number): number {
  let lo = from
  let hi = sorted.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const v = sorted[mid]!
    if (v === value) return mid
    if (v < value) lo = mid + 1
    else hi = mid - 1
  }
  return -1
}

/** How many of each of `slugs` the pieces above used (most pieces have none: no array is made). */
export function incomingOf(slugs: readonly string[], prior: ReadonlyMap<string, number>): string {
  if (slugs.length === 0) return ''
  return slugs.map((k) => prior.get(k) ?? -1).join()
}

/**
 * What the table of contents in piece `index` is made from: the heading entries of the pieces
 * before and after it. Each piece's part is made once per render of that piece, so a keystroke
 * joins a few hundred strings instead of keying every heading again.
 */
export function tocKeyOf(pieces: readonly Piece[], index: number): string {
  const parts = (from: number, to: number) => {
    const keys: string[] = []
    for (let i = from; i < to; i++) {
      const out = pieces[i]!.out
      if (out && out.entries.length > 0) keys.push((out.entriesKey ??= entriesKey(out.entries)))
    }
    return keys.join('\u0000')
  }
  return `${parts(0, index)}\u0003${parts(index + 1, pieces.length)}`
}

function entriesKey(entries: readonly HeadingEntry[]): string {
  return entries
    .map((h) => `${h.level}\u0001${h.id}\u0001${h.children.map((c) => c.content).join('\u0002')}`)
    .join('\u0000')
}
