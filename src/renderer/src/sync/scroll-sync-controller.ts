import type { EditorView } from '@codemirror/view'
import {
  lineForOffset,
  offsetForLine,
  ScrollLock,
  withBounds,
  type Anchor,
  type ScrollSide,
} from './scroll-sync'

/**
 * How far (lines) the editor's echo may land from the line it was scrolled to: it measures the
 * lines it was scrolled to only afterwards, and its correction was seen to leave the top line 1.5
 * lines off. Less than a wheel step (≈ 100 px, 2.5 lines of a long post).
 */
const ECHO_LINES = 2

/** The preview's top-level blocks in source order, with the source line each starts at. */
export interface LinedBlocks {
  readonly elements: ArrayLike<Element>
  /** The 0-based source line block `i` starts at, or NaN when it has none. */
  line(i: number): number
}

/** The preview as scroll sync sees it. */
export interface SyncedPreview {
  /** The article's top-level blocks and their lines, or null when nothing is shown. */
  blocks(): LinedBlocks | null
  scrollTop: number
  readonly scrollHeight: number
}

/** The fractional 0-based source line at the top of the editor's viewport. */
export function editorTopLine(view: EditorView): number {
  const scroller = view.scrollDOM
  const docTop = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop
  const h = scroller.scrollTop - docTop
  if (h <= 0) return 0
  const block = view.lineBlockAtHeight(h)
  const line = view.state.doc.lineAt(block.from).number - 1
  const frac = block.height > 0 ? (h - block.top) / block.height : 0
  return line + Math.min(1, Math.max(0, frac))
}

/** Scrolls the editor so a fractional 0-based source line sits at the top. */
export function scrollEditorToLine(view: EditorView, line: number): void {
  const doc = view.state.doc
  const n = Math.min(doc.lines - 1, Math.max(0, Math.floor(line)))
  const block = view.lineBlockAt(doc.line(n + 1).from)
  const scroller = view.scrollDOM
  const docTop = view.documentTop - scroller.getBoundingClientRect().top + scroller.scrollTop
  scroller.scrollTop = docTop + block.top + (line - n) * block.height
}

/**
 * The index of a block that carries a line, at `i` or the nearest to it within `lo`..`hi`
 * (searching outwards); -1 if none there.
 */
function nearestLined(blocks: LinedBlocks, i: number, lo: number, hi: number): number {
  for (let d = 0; i - d >= lo || i + d <= hi; d++) {
    if (i - d >= lo && Number.isFinite(blocks.line(i - d))) return i - d
    if (i + d <= hi && Number.isFinite(blocks.line(i + d))) return i + d
  }
  return -1
}

/**
 * Binary search over the article's top-level blocks (in source order) for the last one whose key
 * is at most `target`; blocks without a line are skipped. Reads O(log n) blocks, never all of them.
 */
function lastAtMost(blocks: LinedBlocks, key: (i: number) => number, target: number): number {
  let lo = 0
  let hi = blocks.elements.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = nearestLined(blocks, (lo + hi) >> 1, lo, hi)
    if (mid < 0) break
    if (key(mid) <= target) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** The anchor of the lined block at or after index `i` in direction `step`, or null. */
function anchorFrom(
  blocks: LinedBlocks,
  i: number,
  step: 1 | -1,
  scrollTop: number,
): Anchor | null {
  for (let j = i; j >= 0 && j < blocks.elements.length; j += step) {
    const line = blocks.line(j)
    if (Number.isFinite(line))
      return { line, top: blocks.elements[j]!.getBoundingClientRect().top + scrollTop }
  }
  return null
}

/**
 * The anchors needed to map one position: the two top-level lined blocks around a source
 * line (`by: 'line'`) or around a preview offset (`by: 'offset'`), found by binary search. Reading
 * every block's position instead forced a layout of the whole article and thousands of reads in
 * each keystroke's task (≈ 50 ms at 200k characters).
 */
export function readAnchorsAround(
  blocks: LinedBlocks,
  scrollTop: number,
  by: 'line' | 'offset',
  value: number,
): Anchor[] {
  const top = (i: number) => blocks.elements[i]!.getBoundingClientRect().top + scrollTop
  const i = lastAtMost(blocks, by === 'line' ? (j) => blocks.line(j) : top, value)
  const before = i >= 0 ? anchorFrom(blocks, i, -1, scrollTop) : null
  const after = anchorFrom(blocks, i + 1, 1, scrollTop)
  return [before, after].filter((a): a is Anchor => a !== null)
}

/**
 * Keeps editor and preview showing the same source line, both ways, without feedback loops:
 * the side the writer scrolled leads; the follower's echo scroll events are ignored.
 */
export class ScrollSyncController {
  private readonly lock = new ScrollLock()
  private leader: ScrollSide = 'editor'
  private frame = 0
  private pendingSide: ScrollSide | null = null

  constructor(
    private readonly view: EditorView,
    private readonly preview: SyncedPreview,
  ) {}

  /**
   * The editor scrolled. Its position is its top line, not pixels: scrolled to lines whose heights
   * were estimates, the editor measures them afterwards and moves by the difference to keep them
   * at the top (199 px at the end of a 200k post), and that move is still the echo of our scroll.
   */
  editorScrolled(): void {
    this.request('editor', editorTopLine(this.view))
  }

  /**
   * The preview scrolled. Only the writer's own scrolling makes it lead; a move its content made
   * (another post's article coming in, blocks above growing) is corrected back to the editor.
   */
  previewScrolled(byWriter: boolean): void {
    if (!byWriter) {
      // Aligned again from the editor in the next frame (nothing moves when it still is).
      if (this.leader === 'editor') this.schedule('editor')
      return
    }
    this.request('preview', this.preview.scrollTop)
  }

  /**
   * The preview's content or the panes' sizes changed: re-align the preview to the editor in the
   * next frame if the editor leads. Not in the keystroke's task: reading positions there forces a
   * layout the frame does anyway. Positions are read when needed, so nothing is cached to drop.
   */
  realign(): void {
    if (this.leader === 'editor') this.schedule('editor')
  }

  private request(side: ScrollSide, position: number): void {
    if (this.lock.isEcho(side, performance.now(), position)) return
    this.leader = side
    this.schedule(side)
  }

  private schedule(side: ScrollSide): void {
    this.pendingSide = side
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      const s = this.pendingSide
      this.pendingSide = null
      if (s) this.follow(s)
    })
  }

  /** The anchors around a line or an offset, with the document's start and end as bounds. */
  private anchorsAround(by: 'line' | 'offset', value: number): Anchor[] | null {
    const blocks = this.preview.blocks()
    if (!blocks) return null
    const raw = readAnchorsAround(blocks, this.preview.scrollTop, by, value)
    return withBounds(raw, this.view.state.doc.lines, this.preview.scrollHeight)
  }

  private follow(leader: ScrollSide): void {
    const now = performance.now()
    if (leader === 'editor') {
      const top = editorTopLine(this.view)
      const anchors = this.anchorsAround('line', top)
      if (!anchors) return
      const target = Math.round(offsetForLine(anchors, top))
      if (Math.abs(target - this.preview.scrollTop) < 1) return
      this.preview.scrollTop = target
      this.lock.lock('preview', now, this.preview.scrollTop)
    } else {
      const anchors = this.anchorsAround('offset', this.preview.scrollTop)
      if (!anchors) return
      const line = lineForOffset(anchors, this.preview.scrollTop)
      if (Math.abs(line - editorTopLine(this.view)) < 0.01) return
      scrollEditorToLine(this.view, line)
      this.lock.lock('editor', now, editorTopLine(this.view), ECHO_LINES)
    }
  }
}
