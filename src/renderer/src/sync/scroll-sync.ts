/**
 * Scroll synchronisation between editor and preview by source line (pure functions).
 * Anchors are the preview's top-level blocks with the 0-based source line each starts at (kept by
 * the preview's block patcher) and their offset from the top of the preview document.
 */

/** A preview block: its 0-based source line and its top offset in the preview document (px). */
export interface Anchor {
  line: number
  top: number
}

/**
 * Keeps anchors usable for interpolation: sorted by line, strictly increasing line and
 * non-decreasing top. Blocks that break the order (floated, nested oddities) are dropped.
 */
export function normalizeAnchors(raw: readonly Anchor[]): Anchor[] {
  const sorted = [...raw]
    .filter((a) => Number.isFinite(a.line) && Number.isFinite(a.top))
    .sort((a, b) => a.line - b.line)
  const out: Anchor[] = []
  for (const a of sorted) {
    const last = out[out.length - 1]
    if (last && (a.line <= last.line || a.top < last.top)) continue
    out.push(a)
  }
  return out
}

/**
 * Adds a start anchor (line 0 at the very top) and an end anchor (past the last line at the document
 * end) so that every line and every offset maps somewhere.
 */
export function withBounds(
  anchors: readonly Anchor[],
  lineCount: number,
  documentHeight: number,
): Anchor[] {
  // The file's first line always maps to the very top, whatever padding the page has.
  const inner = normalizeAnchors(anchors).filter(
    (a) => a.line > 0 && a.line < lineCount && a.top >= 0,
  )
  const out: Anchor[] = [{ line: 0, top: 0 }, ...inner]
  const last = out[out.length - 1]!
  out.push({ line: Math.max(lineCount, last.line + 1), top: Math.max(documentHeight, last.top) })
  return out
}

/** The preview offset (px) showing a fractional source line, interpolating between anchors. */
export function offsetForLine(anchors: readonly Anchor[], line: number): number {
  if (anchors.length === 0) return 0
  const first = anchors[0]!
  if (line <= first.line) return first.top
  for (let i = 0; i < anchors.length - 1; i++) {
    const a = anchors[i]!
    const b = anchors[i + 1]!
    if (line < b.line) return a.top + ((line - a.line) / (b.line - a.line)) * (b.top - a.top)
  }
  return anchors[anchors.length - 1]!.top
}

/** The fractional source line shown at a preview offset (px), the inverse of {@link offsetForLine}. */
export function lineForOffset(anchors: readonly Anchor[], offset: number): number {
  if (anchors.length === 0) return 0
  const first = anchors[0]!
  if (offset <= first.top) return first.line
  for (let i = 0; i < anchors.length - 1; i++) {
    const a = anchors[i]!
    const b = anchors[i + 1]!
    if (offset < b.top) {
      const span = b.top - a.top
      return span <= 0 ? a.line : a.line + ((offset - a.top) / span) * (b.line - a.line)
    }
  }
  return anchors[anchors.length - 1]!.line
}

/** Which pane scrolled. */
export type ScrollSide = 'editor' | 'preview'

/**
 * Stops the feedback loop: after one side is scrolled programmatically, the scroll event it fires at
 * that very position (its echo) is ignored for a short window, so the follower never drives the
 * leader back. A scroll to any other position is the writer's and is never ignored.
 */
export class ScrollLock {
  private lockedSide: ScrollSide | null = null
  private until = 0
  private position = 0
  private tolerance = 2

  constructor(private readonly windowMs = 250) {}

  /**
   * Records that `side` was scrolled by the program to `position` at `now` (ms); its echo lands
   * within `tolerance` of it (in the position's unit: px by default, lines for the editor).
   */
  lock(side: ScrollSide, now: number, position: number, tolerance = 2): void {
    this.lockedSide = side
    this.until = now + this.windowMs
    this.position = position
    this.tolerance = tolerance
  }

  /** Whether a scroll event from `side` at `position` and time `now` is the echo of our own scroll. */
  isEcho(side: ScrollSide, now: number, position: number): boolean {
    return (
      this.lockedSide === side &&
      now < this.until &&
      Math.abs(position - this.position) < this.tolerance
    )
  }
}
