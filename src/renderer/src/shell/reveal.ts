/**
 * Scrolls `scroller`, and only it, by as little as brings `child` entirely into its view (like
 * `scrollIntoView({ block: 'nearest' })`; a child taller than the view shows its top). Unlike
 * `scrollIntoView`, no other scroller moves, and the keyboard's Tab starting point stays where it
 * was: some Chromium versions move it to the revealed element, so that a writer's first Tab after
 * the post list revealed the open post skipped the toolbar, the search box and the list.
 */
export function revealWithin(scroller: Element, child: Element): void {
  const view = scroller.getBoundingClientRect()
  const top = view.top + scroller.clientTop
  const bottom = top + scroller.clientHeight
  const box = child.getBoundingClientRect()
  if (box.top < top) scroller.scrollTop -= top - box.top
  else if (box.bottom > bottom) scroller.scrollTop += Math.min(box.bottom - bottom, box.top - top)
}
