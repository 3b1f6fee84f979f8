/** Sizes of the three panes (post list, editor, preview), clamped and remembered. */

/** Pane sizes: the list in px, the editor's share of the rest (0..1). */
export interface PaneSizes {
  listWidth: number
  editorShare: number
}

/** Sizes on first start. */
export const DEFAULT_PANE_SIZES: PaneSizes = { listWidth: 280, editorShare: 0.5 }

/** Smallest and largest widths a pane may take (px). */
export const PANE_LIMITS = { listMin: 180, listMax: 520, editorMin: 280, previewMin: 280 } as const

/** Width of one drag handle (px). */
export const HANDLE_WIDTH = 6

/** Clamps sizes so every pane stays usable in a window of `total` px. */
export function clampPaneSizes(sizes: PaneSizes, total: number): PaneSizes {
  const maxList = Math.max(
    PANE_LIMITS.listMin,
    Math.min(
      PANE_LIMITS.listMax,
      total - 2 * HANDLE_WIDTH - PANE_LIMITS.editorMin - PANE_LIMITS.previewMin,
    ),
  )
  const listWidth = Math.round(Math.min(maxList, Math.max(PANE_LIMITS.listMin, sizes.listWidth)))
  const rest = Math.max(1, total - listWidth - 2 * HANDLE_WIDTH)
  const minShare = Math.min(0.5, PANE_LIMITS.editorMin / rest)
  const maxShare = Math.max(0.5, 1 - PANE_LIMITS.previewMin / rest)
  const share = Number.isFinite(sizes.editorShare)
    ? sizes.editorShare
    : DEFAULT_PANE_SIZES.editorShare
  return { listWidth, editorShare: Math.min(maxShare, Math.max(minShare, share)) }
}

/** Moves the handle `which` by `delta` px (drag or arrow key) and clamps the result. */
export function movePaneHandle(
  sizes: PaneSizes,
  which: 'list' | 'editor',
  delta: number,
  total: number,
): PaneSizes {
  if (which === 'list')
    return clampPaneSizes({ ...sizes, listWidth: sizes.listWidth + delta }, total)
  const rest = Math.max(1, total - sizes.listWidth - 2 * HANDLE_WIDTH)
  return clampPaneSizes({ ...sizes, editorShare: sizes.editorShare + delta / rest }, total)
}

/** Reads remembered sizes from storage text; defaults when absent or malformed. */
export function parsePaneSizes(text: string | null): PaneSizes {
  if (!text) return DEFAULT_PANE_SIZES
  try {
    const v = JSON.parse(text) as Partial<PaneSizes>
    if (
      typeof v.listWidth === 'number' &&
      typeof v.editorShare === 'number' &&
      Number.isFinite(v.listWidth) &&
      Number.isFinite(v.editorShare)
    ) {
      return { listWidth: v.listWidth, editorShare: v.editorShare }
    }
  } catch {
    // Malformed storage: fall back to the defaults.
  }
  return DEFAULT_PANE_SIZES
}
