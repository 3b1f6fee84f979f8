import type { EditorView } from '@codemirror/view'
import {
  lineForOffset,
  offsetForLine,
  ScrollLock,
  withBounds,
  type Anchor,
  type ScrollSide,
} from './scroll-sync'

/** The preview as scroll sync sees it. */
export interface SyncedPreview {
  articleElement: HTMLElement | null
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

/** Reads the top-level `data-line` blocks of the preview article with their document offsets. */
export function readAnchors(article: HTMLElement, scrollTop: number): Anchor[] {
  const anchors: Anchor[] = []
  for (const el of Array.from(article.children)) {
    const raw = (el as HTMLElement).dataset?.line
    if (raw === undefined) continue
    const line = Number(raw)
    if (!Number.isFinite(line)) continue
    anchors.push({ line, top: el.getBoundingClientRect().top + scrollTop })
  }
  return anchors
}

/**
 * Keeps editor and preview showing the same source line, both ways, without feedback loops:
 * the side the writer scrolled leads; the follower's echo scroll events are ignored.
 */
export class ScrollSyncController {
  private readonly lock = new ScrollLock()
  private leader: ScrollSide = 'editor'
  private anchors: Anchor[] | null = null
  private frame = 0
  private pendingSide: ScrollSide | null = null

  constructor(
    private readonly view: EditorView,
    private readonly preview: SyncedPreview,
  ) {}

  /** The editor scrolled. */
  editorScrolled(): void {
    this.request('editor', this.view.scrollDOM.scrollTop)
  }

  /** The preview scrolled. */
  previewScrolled(): void {
    this.request('preview', this.preview.scrollTop)
  }

  /** The preview content changed: anchors moved; re-align it to the editor if the editor leads. */
  previewPatched(): void {
    this.anchors = null
    if (this.leader === 'editor') this.follow('editor')
  }

  /** The layout changed (pane resized): anchors moved. */
  invalidate(): void {
    this.anchors = null
  }

  private request(side: ScrollSide, position: number): void {
    if (this.lock.isEcho(side, performance.now(), position)) return
    this.leader = side
    this.pendingSide = side
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      const s = this.pendingSide
      this.pendingSide = null
      if (s) this.follow(s)
    })
  }

  private currentAnchors(): Anchor[] | null {
    const article = this.preview.articleElement
    if (!article) return null
    if (!this.anchors) {
      const raw = readAnchors(article, this.preview.scrollTop)
      this.anchors = withBounds(raw, this.view.state.doc.lines, this.preview.scrollHeight)
    }
    return this.anchors
  }

  private follow(leader: ScrollSide): void {
    const anchors = this.currentAnchors()
    if (!anchors) return
    const now = performance.now()
    if (leader === 'editor') {
      const target = Math.round(offsetForLine(anchors, editorTopLine(this.view)))
      if (Math.abs(target - this.preview.scrollTop) < 1) return
      this.preview.scrollTop = target
      this.lock.lock('preview', now, this.preview.scrollTop)
    } else {
      const line = lineForOffset(anchors, this.preview.scrollTop)
      if (Math.abs(line - editorTopLine(this.view)) < 0.01) return
      scrollEditorToLine(this.view, line)
      this.lock.lock('editor', now, this.view.scrollDOM.scrollTop)
    }
  }
}
