import type { MarkdownIt } from 'markdown-it'
import { commonEnd, commonStart } from '../text-diff'
import { findCuts } from './chunks'
import {
  countLines,
  incomingOf,
  indexOfSorted,
  place,
  PlacedBlock,
  shiftLineAttrs,
  tocKeyOf,
  type Piece,
  type Rendered,
} from './incremental-pieces'
import type { HeadingEntry } from './headings'
import {
  addPieceRules,
  OTHER_ENTRIES,
  OWN_ENTRIES,
  pieceDefinitions,
  PRIOR_IDS,
  TOC_ABOVE,
  TOC_MARKER,
  USED_SLUGS,
} from './incremental-rules'
import { createKramdownMarkdown } from './parser'
import { renderBlocks } from './render-post'
import { DEFAULT_MARKDOWN_SETTINGS } from './settings'
import type { AttributeList, Heading, PipelineEnv, RenderedBlock, RenderOptions } from './types'

/** Options of an {@link IncrementalRenderer}: fixed for its life (make a new one to change them). */
export interface IncrementalOptions extends RenderOptions {
  /** Builds the markdown-it instance (the pipeline with the repository's markdown options). */
  createMarkdown?: () => MarkdownIt
}

/** Limits of one {@link IncrementalRenderer.render} call. */
export interface RenderBudget {
  /** Stop parsing after this long (ms); the rest shows `pendingHtml` (the first few edited pieces always render). */
  budgetMs?: number
  /** HTML shown for a run of pieces not rendered yet (one block per run). */
  pendingHtml?: string
  /**
   * Pieces starting this many characters or more into the body render only once edited; the others
   * stay pending (a huge post's preview shows its start and what the writer touches).
   */
  reachChars?: number
}

/** What a render did, for tests and measurements. */
export interface IncrementalStats {
  /** 'full': the body was parsed whole (see `reason`); 'pieces': only changed pieces were. */
  mode: 'full' | 'pieces'
  reason: string | null
  pieces: number
  parsed: number
  /** Pieces left for a later render (over the time budget). */
  pending: number
  /** Pieces beyond `reachChars`, shown as pending until edited. */
  unreached: number
}

/** The incremental render of a body: like `renderBody`'s result, plus what it cost. */
export interface IncrementalResult {
  readonly html: string
  headings: Heading[]
  blocks: RenderedBlock[]
  /** False while some pieces show `pendingHtml` (render again to continue). */
  complete: boolean
  stats: IncrementalStats
}

/** Edited pieces rendered whatever the budget (typing touches one or two). */
const EDITED_FIRST = 4

const FULL_PARSE = /\[\^|^\*\[|\{::options/m

function result(
  blocks: RenderedBlock[],
  headings: Heading[],
  complete: boolean,
  stats: IncrementalStats,
): IncrementalResult {
  let html: string | null = null
  return {
    blocks,
    headings,
    complete,
    stats,
    get html() {
      return (html ??= blocks.map((b) => b.html).join(''))
    },
  }
}

/**
 * Renders a post body again after each edit, re-parsing only the pieces the edit touched. The body
 * is cut where kramdown's parse cannot reach across (see `findCuts`); each piece keeps its blocks,
 * with `data-line` relative to the piece, so pieces below an edit are only renumbered. Document-wide
 * parts come from per-piece summaries: link references and attribute list definitions are handed to
 * every piece, heading ids continue the numbering of the pieces above, and the table of contents
 * gets every piece's headings (later `{:toc}` lists stay plain lists). Footnotes, abbreviations and `{::options}` render the whole body.
 * The result equals `renderBody`'s (a property test checks it after random edits).
 */
export class IncrementalRenderer {
  private readonly md: MarkdownIt
  private body = ''
  private pieces: Piece[] | null = null

  constructor(private readonly options: IncrementalOptions = {}) {
    this.md = addPieceRules((options.createMarkdown ?? createKramdownMarkdown)())
  }

  /** Forgets every piece (the next render parses all). */
  reset(): void {
    this.pieces = null
    this.body = ''
  }

  /** Renders `body`, whose first line is line `lineOffset` of its file. */
  render(input: string, lineOffset: number, budget: RenderBudget = {}): IncrementalResult {
    const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input
    const pieces = this.update(body)
    // Each piece knows whether it needs the whole body (checking the body took ~50 ms at 10 MB).
    // The pieces stay: they are still the body's cuts when the footnote goes away again.
    for (const p of pieces)
      if (p.wholeBody) return this.renderWhole(body, lineOffset, `document-wide ${p.wholeBody}`)
    // Definitions of every piece, in document order (the first link reference wins).
    const refs: Record<string, unknown> = {}
    const alds = new Map<string, AttributeList>()
    let anyDefs = false
    for (const p of pieces) {
      if (!p.defs) continue
      anyDefs = true
      for (const [k, v] of Object.entries(p.defs.refs)) if (!(k in refs)) refs[k] = v
      for (const [k, v] of p.defs.alds) {
        if (alds.has(k)) {
          this.reset()
          return this.renderWhole(body, lineOffset, 'attribute list defined twice')
        }
        alds.set(k, v)
      }
    }
    const defsKey = anyDefs ? JSON.stringify([refs, [...alds]]) : ''
    const started = budget.budgetMs === undefined ? 0 : performance.now()
    const stats: IncrementalStats = {
      mode: 'pieces',
      reason: null,
      pieces: pieces.length,
      parsed: 0,
      pending: 0,
      unreached: 0,
    }
    const prior = new Map<string, number>()
    let toc: Piece | null = null
    let editedParsed = 0
    let offset = 0
    for (const p of pieces) {
      const beyondReach = budget.reachChars !== undefined && offset >= budget.reachChars
      offset += p.text.length
      const incoming = p.out ? incomingOf(p.out.slugs, prior) : ''
      const fresh =
        p.out &&
        p.out.incoming === incoming &&
        p.out.defsKey === defsKey &&
        (!p.out.tocMarker || p.out.belowToc === (toc !== null))
      if (!fresh) {
        // Every render makes progress, and the pieces typed in render even when a big post is still
        // filling in; a big paste shows its first pieces now and the rest as pending.
        const mustRender = p.edited && editedParsed < EDITED_FIRST
        if (beyondReach && !mustRender) {
          p.out = null
          stats.unreached++
          continue
        }
        const overBudget =
          !mustRender &&
          stats.parsed > 0 &&
          budget.budgetMs !== undefined &&
          performance.now() - started > budget.budgetMs
        if (overBudget) {
          p.out = null
          stats.pending++
          continue
        }
        p.out = this.parse(p, { refs, alds, defsKey, prior, others: null, belowToc: toc !== null })
        if (p.edited) editedParsed++
        p.edited = false
        stats.parsed++
      }
      for (const k of p.out!.slugs) prior.set(k, (prior.get(k) ?? -1) + 1)
      if (p.out!.tocKey !== null) toc = p
    }
    if (toc) this.refreshToc(pieces, toc, { refs, alds, defsKey }, stats)
    return this.assemble(pieces, lineOffset, budget, stats)
  }

  /** The pieces of `body`, re-cutting only around what changed since the last render. */
  private update(body: string): Piece[] {
    const old = this.pieces
    const previous = this.body
    this.body = body
    const make = (text: string, edited: boolean): Piece => ({
      text,
      lines: countLines(text),
      defs: pieceDefinitions(this.md, text, this.options.markdown ?? DEFAULT_MARKDOWN_SETTINGS),
      edited,
      wholeBody: FULL_PARSE.exec(text)?.[0] ?? null,
      out: null,
      placed: null,
    })
    if (!old || old.length === 0) {
      const cuts = findCuts(body)
      cuts.push(body.length)
      this.pieces = cuts.slice(0, -1).map((c, i) => make(body.slice(c, cuts[i + 1]), false))
      return this.pieces
    }
    if (previous === body) return old
    const max = Math.min(previous.length, body.length)
    const head = commonStart(previous, body)
    const tail = commonEnd(previous, body, max - head)
    // Old piece starts; the piece before the one holding the edit is cut again too (its end may move).
    const starts = new Array<number>(old.length)
    let at = 0
    for (let i = 0; i < old.length; i++) {
      starts[i] = at
      at += old[i]!.text.length
    }
    let first = 0
    while (first + 1 < old.length && starts[first + 1]! <= head) first++
    first = Math.max(0, first - 1)
    const delta = body.length - previous.length
    const editEnd = body.length - tail
    let resume = old.length
    const cuts = findCuts(body, starts[first]!, (cut) => {
      if (cut < editEnd || cut === starts[first]) return false
      // An old piece starting here (before the edit moved it) resumes the old pieces.
      const i = indexOfSorted(starts, cut - delta, first + 1)
      if (i < 0) return false
      resume = i
      return true
    })
    if (resume === old.length) cuts.push(body.length)
    else cuts.pop()
    const end = resume === old.length ? body.length : starts[resume]! + delta
    const middle: Piece[] = []
    for (let i = 0; i < cuts.length; i++) {
      const text = body.slice(cuts[i]!, cuts[i + 1] ?? end)
      if (text !== '') middle.push(make(text, true))
    }
    this.pieces = [...old.slice(0, first), ...middle, ...old.slice(resume)]
    return this.pieces
  }

  /** Parses one piece with what the rest of the document defines. */
  private parse(
    piece: Piece,
    ctx: {
      refs: Record<string, unknown>
      alds: Map<string, AttributeList>
      defsKey: string
      prior: Map<string, number>
      others: { before: HeadingEntry[]; after: HeadingEntry[] } | null
      /** The key of `others` (see {@link tocKeyOf}). */
      tocKey?: string
      belowToc: boolean
    },
  ): Rendered {
    const alds = new Map(ctx.alds)
    // The piece adds its own definitions again while parsing.
    if (piece.defs) for (const name of piece.defs.alds.keys()) alds.delete(name)
    const env: PipelineEnv = {
      lineOffset: 0,
      resolveImage: this.options.resolveImage,
      markdown: this.options.markdown ?? DEFAULT_MARKDOWN_SETTINGS,
      alds,
      headings: [],
      references: { ...ctx.refs },
      [PRIOR_IDS]: ctx.prior,
      [TOC_ABOVE]: ctx.belowToc,
      ...(ctx.others ? { [OTHER_ENTRIES]: ctx.others } : {}),
    }
    const tokens = this.md.parse(piece.text, env)
    const blocks = renderBlocks(this.md, tokens, env).map((b) => ({
      rel: b.line,
      key: shiftLineAttrs(b.html, -b.line),
    }))
    const slugs = (env[USED_SLUGS] as string[] | undefined) ?? []
    const hasToc = tokens.some((t) => t.type === 'kramdown_toc')
    return {
      blocks,
      headings: env.headings,
      entries: (env[OWN_ENTRIES] as HeadingEntry[] | undefined) ?? [],
      slugs,
      incoming: incomingOf(slugs, ctx.prior),
      defsKey: ctx.defsKey,
      tocKey: hasToc ? (ctx.tocKey ?? '') : null,
      tocMarker: env[TOC_MARKER] === true,
      belowToc: ctx.belowToc,
    }
  }

  /** Renders the piece holding the table of contents again when any other piece's headings changed. */
  private refreshToc(
    pieces: Piece[],
    toc: Piece,
    ctx: { refs: Record<string, unknown>; alds: Map<string, AttributeList>; defsKey: string },
    stats: IncrementalStats,
  ): void {
    const index = pieces.indexOf(toc)
    const tocKey = tocKeyOf(pieces, index)
    if (toc.out!.tocKey === tocKey) return
    const entriesOf = (list: Piece[]) => list.flatMap((p) => p.out?.entries ?? [])
    const others = {
      before: entriesOf(pieces.slice(0, index)),
      after: entriesOf(pieces.slice(index + 1)),
    }
    const prior = new Map<string, number>()
    for (const p of pieces.slice(0, index))
      for (const k of p.out?.slugs ?? []) prior.set(k, (prior.get(k) ?? -1) + 1)
    toc.out = this.parse(toc, { ...ctx, prior, others, tocKey, belowToc: false })
    stats.parsed++
  }

  /** Blocks and headings of all pieces, at their lines now. */
  private assemble(
    pieces: Piece[],
    lineOffset: number,
    budget: RenderBudget,
    stats: IncrementalStats,
  ): IncrementalResult {
    // Sized at once: grown block by block, a long post's list was copied a dozen times a keystroke.
    let most = 0
    let headingCount = 0
    for (const p of pieces) {
      most += p.out ? p.out.blocks.length : 1
      headingCount += p.out ? p.out.headings.length : 0
    }
    const blocks = new Array<RenderedBlock>(most)
    const headings = new Array<Heading>(headingCount)
    let n = 0
    let h = 0
    let line = lineOffset
    let pendingRun = false
    for (const p of pieces) {
      const out = p.out
      if (!out) {
        if (!pendingRun) blocks[n++] = new PlacedBlock(budget.pendingHtml ?? '', line)
        pendingRun = true
      } else {
        pendingRun = false
        const placed = place(p, out, line)
        for (const b of placed.blocks) blocks[n++] = b
        for (const heading of placed.headings) headings[h++] = heading
      }
      line += p.lines
    }
    blocks.length = n
    return result(blocks, headings, stats.pending === 0, stats)
  }

  /** The whole body in one parse (the pieces are forgotten). */
  private renderWhole(body: string, lineOffset: number, reason: string): IncrementalResult {
    const env: PipelineEnv = {
      lineOffset,
      resolveImage: this.options.resolveImage,
      markdown: this.options.markdown ?? DEFAULT_MARKDOWN_SETTINGS,
      alds: new Map(),
      headings: [],
    }
    const blocks = renderBlocks(this.md, this.md.parse(body, env), env)
    return result(blocks, env.headings, true, {
      mode: 'full',
      reason,
      pieces: 1,
      parsed: 1,
      pending: 0,
      unreached: 0,
    })
  }
}
