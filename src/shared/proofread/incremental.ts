import type { ProofFinding } from '../ipc/proofread'
import { isExcluded, type TextRange } from './mask'

/**
 * Incremental proofreading, as pure functions over a masked post (see `mask.ts`).
 *
 * The post is cut into chunks at blank lines that are followed by a line starting at column 0
 * (so list continuations and indented code stay with their block). Every rule except the
 * document-wide ones looks at one block at a time, so linting each chunk alone gives the findings a
 * full run gives for that chunk; chunks are cached by their text, and only chunks whose text
 * changed are linted again while the writer types. Link and footnote definitions of the whole post
 * are appended to each chunk as stubs, so `[text][id]` and `[^1]` parse as they do in the full post.
 * Document-wide rules (ですます/である) run on the whole text when typing pauses; their findings are
 * kept anchored to their chunk so they stay in place while other paragraphs change.
 */

/** A finding as the engine reports it, with offsets into the text it linted. */
export interface RawFinding {
  ruleId: string
  message: string
  from: number
  to: number
  severity: ProofFinding['severity']
  fix: { from: number; to: number; text: string } | null
}

/** A block of the masked post, linted on its own. */
export interface Chunk {
  /** Offset of the chunk's first character in the post (always a line start). */
  from: number
  text: string
}

/** The chunks of one text and what must be linted to know all their findings. */
export interface LintPlan {
  chunks: Chunk[]
  /** Definition stubs appended to every chunk ('' when the post has none). */
  appendix: string
  /** Chunks whose findings are not cached. */
  missing: Chunk[]
}

const DEFINITION = /^ {0,3}\[(\^?)([^\]\n]+)\]:/

const isBlankLine = (s: string) => s.trim() === ''

/** Cuts a masked post into chunks (see the module comment). */
export function splitChunks(masked: string): Chunk[] {
  const chunks: Chunk[] = []
  let start = -1
  let lastEnd = -1
  let sawBlank = true
  let from = 0
  const close = () => {
    if (start >= 0) chunks.push({ from: start, text: masked.slice(start, lastEnd) })
  }
  while (from <= masked.length) {
    const nl = masked.indexOf('\n', from)
    const to = nl < 0 ? masked.length : nl
    const line = masked.slice(from, to)
    if (isBlankLine(line)) {
      sawBlank = true
    } else {
      const flush = line[0] !== ' ' && line[0] !== '\t'
      if (start < 0 || (sawBlank && flush)) {
        close()
        start = from
      }
      lastEnd = to
      sawBlank = false
    }
    if (nl < 0) break
    from = nl + 1
  }
  close()
  return chunks
}

/** Stubs of every link and footnote definition of the post, to append to each chunk. */
export function definitionAppendix(masked: string): string {
  const stubs: string[] = []
  for (const line of masked.split('\n')) {
    const m = DEFINITION.exec(line)
    if (m) stubs.push(`[${m[1]}${m[2]}]: x`)
  }
  return stubs.length ? `\n\n${stubs.join('\n\n')}\n` : ''
}

/**
 * A line break before every chunk: a chunk that starts with `---` must not read as front matter,
 * which only the post's very first line can open.
 */
const CHUNK_PREFIX = '\n'

/** The text the engine lints for a chunk (findings come back through {@link ChunkCache.set}). */
export function chunkLintText(chunk: Chunk, appendix: string): string {
  return CHUNK_PREFIX + chunk.text + appendix
}

/** Findings of chunks by their lint text; keeps only what the last plans used. */
export class ChunkCache {
  private entries = new Map<string, RawFinding[]>()

  /** Cached findings of a chunk (offsets relative to the chunk), or undefined. */
  get(chunk: Chunk, appendix: string): RawFinding[] | undefined {
    return this.entries.get(chunkLintText(chunk, appendix))
  }

  /**
   * Stores a chunk's findings, as linted from {@link chunkLintText} (kept relative to the chunk;
   * those in the appendix dropped).
   */
  set(chunk: Chunk, appendix: string, findings: readonly RawFinding[]): void {
    this.entries.set(
      chunkLintText(chunk, appendix),
      findings
        .map((f) => shift(f, -CHUNK_PREFIX.length))
        .filter((f) => f.from >= 0 && f.from < chunk.text.length),
    )
  }

  /** Forgets chunks that are not in `plan` (an edited paragraph's old versions). */
  retain(plan: LintPlan): void {
    const keep = new Set(plan.chunks.map((c) => chunkLintText(c, plan.appendix)))
    for (const key of [...this.entries.keys()]) if (!keep.has(key)) this.entries.delete(key)
  }

  /** Number of cached chunks. */
  get size(): number {
    return this.entries.size
  }
}

/**
 * What to lint for a masked text: its chunks, and the uncached ones, nearest to `cursor` first
 * (the paragraph being written gets its findings first).
 */
export function planLint(masked: string, cache: ChunkCache, cursor = 0): LintPlan {
  const chunks = splitChunks(masked)
  const appendix = definitionAppendix(masked)
  const distance = (c: Chunk) =>
    cursor < c.from
      ? c.from - cursor
      : cursor > c.from + c.text.length
        ? cursor - c.from - c.text.length
        : 0
  const missing = chunks
    .filter((c) => cache.get(c, appendix) === undefined)
    .sort((a, b) => distance(a) - distance(b))
  return { chunks, appendix, missing }
}

/** A document-wide finding kept relative to the chunk it fell in. */
export interface AnchoredFinding {
  chunkText: string
  /** Which of the chunks with this text (a post may repeat a paragraph). */
  occurrence: number
  finding: RawFinding
}

/** Each chunk's occurrence number among the chunks with the same text. */
function occurrences(chunks: readonly Chunk[]): number[] {
  const seen = new Map<string, number>()
  return chunks.map((c) => {
    const n = seen.get(c.text) ?? 0
    seen.set(c.text, n + 1)
    return n
  })
}

/** Anchors document-wide findings (offsets into the whole text) to the plan's chunks. */
export function anchorFindings(plan: LintPlan, findings: readonly RawFinding[]): AnchoredFinding[] {
  const out: AnchoredFinding[] = []
  const nth = occurrences(plan.chunks)
  for (const f of findings) {
    const i = plan.chunks.findIndex((c) => f.from >= c.from && f.from < c.from + c.text.length)
    if (i < 0) continue
    const chunk = plan.chunks[i]!
    out.push({ chunkText: chunk.text, occurrence: nth[i]!, finding: shift(f, -chunk.from) })
  }
  return out
}

function shift(f: RawFinding, by: number): RawFinding {
  return {
    ...f,
    from: f.from + by,
    to: f.to + by,
    fix: f.fix ? { ...f.fix, from: f.fix.from + by, to: f.fix.to + by } : null,
  }
}

/** Offsets of every line start of a text. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Options of {@link finalizeFindings}. */
export interface FinalizeOptions {
  /** Inline ranges where findings must not start. */
  excluded?: readonly TextRange[]
  /** Rule ids turned off. */
  disabled?: ReadonlySet<string>
}

/**
 * Findings with offsets into `text` → what the editor and `check` show: excluded ranges and
 * disabled rules dropped, lines and columns added, in text order.
 */
export function finalizeFindings(
  text: string,
  findings: readonly RawFinding[],
  options: FinalizeOptions = {},
): ProofFinding[] {
  const starts = lineStarts(text)
  const out: ProofFinding[] = []
  for (const f of findings) {
    if (options.disabled?.has(f.ruleId)) continue
    if (options.excluded && isExcluded(options.excluded, f.from)) continue
    const from = Math.min(Math.max(0, f.from), text.length)
    const to = Math.min(Math.max(from, f.to), text.length)
    const line = lineOf(starts, from)
    out.push({
      ruleId: f.ruleId,
      message: f.message,
      from,
      to,
      line: line + 1,
      column: from - starts[line]! + 1,
      severity: f.severity,
      fix: f.fix,
    })
  }
  return out.sort(
    (a, b) =>
      a.from - b.from ||
      a.to - b.to ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.message.localeCompare(b.message),
  )
}

/**
 * Every finding the cache and the anchored document-wide findings know for a plan, with offsets
 * into the whole text (chunks not linted yet contribute nothing).
 */
export function assembleFindings(
  plan: LintPlan,
  cache: ChunkCache,
  anchored: readonly AnchoredFinding[] = [],
): RawFinding[] {
  const out: RawFinding[] = []
  const nth = occurrences(plan.chunks)
  const byText = new Map<string, Chunk>()
  plan.chunks.forEach((c, i) => {
    byText.set(`${nth[i]}:${c.text}`, c)
    for (const f of cache.get(c, plan.appendix) ?? []) out.push(shift(f, c.from))
  })
  for (const a of anchored) {
    const chunk = byText.get(`${a.occurrence}:${a.chunkText}`)
    if (chunk) out.push(shift(a.finding, chunk.from))
  }
  return out
}
