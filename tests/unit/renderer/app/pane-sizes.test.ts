import { describe, expect, it } from 'vitest'
import {
  clampPaneSizes,
  DEFAULT_PANE_SIZES,
  movePaneHandle,
  PANE_LIMITS,
  parsePaneSizes,
} from '../../../../src/renderer/src/app/pane-sizes'

describe('pane sizes', () => {
  it('keeps the list within its limits', () => {
    expect(clampPaneSizes({ listWidth: 20, editorShare: 0.5 }, 1440).listWidth).toBe(
      PANE_LIMITS.listMin,
    )
    expect(clampPaneSizes({ listWidth: 2000, editorShare: 0.5 }, 1440).listWidth).toBe(
      PANE_LIMITS.listMax,
    )
  })

  it('never squeezes the editor or the preview below their minimum', () => {
    const total = 1440
    const s = movePaneHandle(DEFAULT_PANE_SIZES, 'editor', 5000, total)
    const rest = total - s.listWidth - 12
    expect(rest * (1 - s.editorShare)).toBeGreaterThanOrEqual(PANE_LIMITS.previewMin - 0.5)
    const t = movePaneHandle(DEFAULT_PANE_SIZES, 'editor', -5000, total)
    expect(rest * t.editorShare).toBeGreaterThanOrEqual(PANE_LIMITS.editorMin - 0.5)
  })

  it('moves the list handle by the dragged amount', () => {
    expect(movePaneHandle(DEFAULT_PANE_SIZES, 'list', 40, 1440).listWidth).toBe(
      DEFAULT_PANE_SIZES.listWidth + 40,
    )
  })

  it('reads remembered sizes and ignores garbage', () => {
    expect(parsePaneSizes('{"listWidth":300,"editorShare":0.4}')).toEqual({
      listWidth: 300,
      editorShare: 0.4,
    })
    expect(parsePaneSizes('not json')).toEqual(DEFAULT_PANE_SIZES)
    expect(parsePaneSizes('{"listWidth":"x"}')).toEqual(DEFAULT_PANE_SIZES)
    expect(parsePaneSizes(null)).toEqual(DEFAULT_PANE_SIZES)
  })
})
