import { useRef, type KeyboardEvent } from 'react'

/** The tab a key moves to in a list of `count` tabs (APG tabs: arrows wrap, Home, End); -1 for other keys. */
export function nextTabIndex(key: string, index: number, count: number): number {
  switch (key) {
    case 'ArrowRight':
      return (index + 1) % count
    case 'ArrowLeft':
      return (index - 1 + count) % count
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return -1
  }
}

/**
 * The keyboard of an ARIA tab list with a roving tabindex: Left/Right (wrapping), Home and End
 * select a tab and move the focus to it. Put `onKeyDown` on the `role="tablist"` element and
 * `tabRef(id)` on each tab.
 */
export function useTabKeys<T extends string>(
  ids: readonly T[],
  active: T,
  select: (id: T) => void,
): {
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void
  tabRef: (id: T) => (el: HTMLButtonElement | null) => void
} {
  const buttons = useRef(new Map<T, HTMLButtonElement>())
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const next = nextTabIndex(e.key, ids.indexOf(active), ids.length)
    if (next < 0) return
    e.preventDefault()
    const id = ids[next]!
    select(id)
    buttons.current.get(id)?.focus()
  }
  const tabRef = (id: T) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(id, el)
    else buttons.current.delete(id)
  }
  return { onKeyDown, tabRef }
}
