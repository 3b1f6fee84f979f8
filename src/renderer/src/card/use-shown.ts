import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Whether an element is on screen (not in a hidden tab, not collapsed away), watched with an
 * IntersectionObserver. Views pass it to `useDraftCard` so hidden tabs skip live updates.
 * Returns a ref callback for the element and the current answer.
 */
export function useShown<T extends Element>(): [(el: T | null) => void, boolean] {
  const [shown, setShown] = useState(false)
  const observer = useRef<IntersectionObserver | null>(null)
  const ref = useCallback((el: T | null) => {
    observer.current?.disconnect()
    observer.current = null
    if (!el) return
    const o = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1]
      if (last) setShown(last.isIntersecting)
    })
    o.observe(el)
    observer.current = o
  }, [])
  useEffect(() => () => observer.current?.disconnect(), [])
  return [ref, shown]
}
