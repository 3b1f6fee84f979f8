import {
  clampPaneSizes,
  HANDLE_WIDTH,
  movePaneHandle,
  parsePaneSizes,
  type PaneSizes,
} from './pane-sizes'

const STORAGE_KEY = 'portal-writer.panes'

type Which = 'list' | 'editor'

/**
 * Drives the pane handles of a `.panes` grid without React: pointer drags (captured, so the
 * preview frame never swallows them), arrow keys (Shift for bigger steps), Home/End. Applies sizes
 * as CSS variables and remembers them in localStorage.
 */
export class PaneResizer {
  private sizes: PaneSizes
  private readonly observer: ResizeObserver
  private readonly cleanups: Array<() => void> = []

  constructor(
    private readonly root: HTMLElement,
    private readonly onResize: () => void,
  ) {
    this.sizes = PaneResizer.load()
    this.observer = new ResizeObserver(() => this.apply(this.sizes))
    this.observer.observe(root)
    for (const handle of Array.from(root.querySelectorAll<HTMLElement>('[data-handle]'))) {
      const which = handle.dataset.handle === 'list' ? 'list' : 'editor'
      const down = (e: PointerEvent) => this.onPointerDown(handle, which, e)
      const key = (e: KeyboardEvent) => this.onKeyDown(which, e)
      handle.addEventListener('pointerdown', down)
      handle.addEventListener('keydown', key)
      this.cleanups.push(() => {
        handle.removeEventListener('pointerdown', down)
        handle.removeEventListener('keydown', key)
      })
    }
    this.apply(this.sizes)
  }

  /** Unbinds everything. */
  dispose(): void {
    this.observer.disconnect()
    for (const c of this.cleanups.splice(0)) c()
  }

  private static load(): PaneSizes {
    try {
      return parsePaneSizes(localStorage.getItem(STORAGE_KEY))
    } catch {
      return parsePaneSizes(null)
    }
  }

  private remember(): void {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(this.sizes))
    } catch {
      // Sizes are a convenience; nothing to do when storage is unavailable.
    }
  }

  private apply(next: PaneSizes): void {
    const total = this.root.clientWidth
    if (total <= 0) return
    const s = clampPaneSizes(next, total)
    this.sizes = s
    const rest = Math.max(0, total - s.listWidth - 2 * HANDLE_WIDTH)
    this.root.style.setProperty('--list-width', `${s.listWidth}px`)
    this.root.style.setProperty('--editor-width', `${Math.round(rest * s.editorShare)}px`)
    this.root
      .querySelector('[data-handle=list]')
      ?.setAttribute('aria-valuenow', String(s.listWidth))
    this.root
      .querySelector('[data-handle=editor]')
      ?.setAttribute('aria-valuenow', String(Math.round(s.editorShare * 100)))
    this.onResize()
  }

  private onPointerDown(handle: HTMLElement, which: Which, e: PointerEvent): void {
    if (e.button !== 0) return
    e.preventDefault()
    handle.setPointerCapture(e.pointerId)
    handle.focus()
    const startX = e.clientX
    const start = this.sizes
    const total = this.root.clientWidth
    this.root.classList.add('is-resizing')
    const move = (ev: PointerEvent) =>
      this.apply(movePaneHandle(start, which, ev.clientX - startX, total))
    const up = () => {
      handle.removeEventListener('pointermove', move)
      handle.removeEventListener('pointerup', up)
      handle.removeEventListener('pointercancel', up)
      this.root.classList.remove('is-resizing')
      this.remember()
    }
    handle.addEventListener('pointermove', move)
    handle.addEventListener('pointerup', up)
    handle.addEventListener('pointercancel', up)
  }

  private onKeyDown(which: Which, e: KeyboardEvent): void {
    const total = this.root.clientWidth
    const step = e.shiftKey ? 64 : 16
    const deltas: Record<string, number> = {
      ArrowLeft: -step,
      ArrowRight: step,
      Home: -total,
      End: total,
    }
    const delta = deltas[e.key]
    if (delta === undefined) return
    e.preventDefault()
    this.apply(movePaneHandle(this.sizes, which, delta, total))
    this.remember()
  }
}
