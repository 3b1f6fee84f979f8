/**
 * Filling a block's element again in place (typing in it) instead of replacing it, for the block
 * patcher (block-patcher.ts).
 */

/**
 * Puts the `next` template's content into the element among `nodes` (a live block, made from the
 * `shown` template) when both templates are one element with the same name and attributes, their
 * other nodes equal (typing in a paragraph): false, and nothing done, otherwise. The element keeps
 * what the writer did to it in the preview (a `<details>` they opened closed again on every
 * keystroke typed in it) and what the layout window and the patcher set on it (its class, its kept
 * size); inside it, the nodes that did not change stay too (a code block's `<pre>` keeps its
 * horizontal scroll, an image is not made again).
 */
export function refill(
  nodes: readonly Node[],
  shown: { fragment: DocumentFragment } | undefined,
  next: DocumentFragment,
  doc: Document,
): boolean {
  if (!shown) return false
  const from = shown.fragment.childNodes
  const to = next.childNodes
  if (from.length !== to.length || to.length !== nodes.length) return false
  let at = -1
  for (let i = 0; i < to.length; i++) {
    const a = from[i]!
    const b = to[i]!
    if (a.nodeType !== b.nodeType) return false
    if (a.nodeType === 1) {
      if (at >= 0 || !sameElement(a as Element, b as Element)) return false
      at = i
    } else if (a.nodeType !== 3 || a.nodeValue !== b.nodeValue) return false
  }
  const element = nodes[at] as Element | undefined
  if (!element || element.nodeType !== 1) return false
  refillChildren(element, to[at] as Element, doc)
  return true
}

/**
 * Makes `live`'s content equal `next`'s (a template's element of the same name and attributes),
 * keeping the nodes that match: text nodes take the new text, elements of the same name and
 * attributes are filled the same way, others are replaced. Children in another number are all
 * replaced.
 */
function refillChildren(live: Element, next: Element, doc: Document): void {
  const have = live.childNodes
  const want = next.childNodes
  if (have.length !== want.length) {
    live.replaceChildren(...Array.from(doc.importNode(next, true).childNodes))
    return
  }
  for (let i = 0; i < want.length; i++) {
    const a = have[i]!
    const b = want[i]!
    if (a.nodeType === 3 && b.nodeType === 3) {
      if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue
    } else if (a.nodeType === 1 && b.nodeType === 1 && sameElement(a as Element, b as Element))
      refillChildren(a as Element, b as Element, doc)
    else if (!a.isEqualNode(b)) live.replaceChild(doc.importNode(b, true), a)
  }
}

/** Whether two elements have the same name and the same attributes (their content aside). */
function sameElement(a: Element, b: Element): boolean {
  if (a.namespaceURI !== b.namespaceURI || a.localName !== b.localName) return false
  const attributes = a.attributes
  if (attributes.length !== b.attributes.length) return false
  for (let i = 0; i < attributes.length; i++) {
    const attribute = attributes[i]!
    if (b.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value)
      return false
  }
  return true
}
