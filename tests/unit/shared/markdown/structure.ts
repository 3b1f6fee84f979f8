import { parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'

function textOf(node: ChildNode): string {
  if (node.type === 'text') return node.data
  if ('children' in node) return node.children.map(textOf).join('')
  return ''
}

function walk(node: ChildNode, out: string[]): void {
  if (node.type === 'text') {
    const text = node.data.replace(/[\s\u00a0]+/g, ' ').trim()
    if (text) out.push(JSON.stringify(text))
    return
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return
  const el = node as Element
  const id = el.attribs.id ? `#${el.attribs.id}` : ''
  out.push(`<${el.name}${id}>`)
  if (el.name === 'pre') {
    // Code blocks: compare the code, not the highlighter's markup (Rouge vs highlight.js).
    const code = textOf(el)
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
    if (code) out.push(JSON.stringify(code))
  } else {
    for (const child of el.children) walk(child, out)
  }
  out.push(`</${el.name}>`)
}

/**
 * A whitespace-insensitive outline of HTML for comparing two renderers: element names, ids and
 * text, one item a line. Attributes other than id, comments and highlighter markup are ignored;
 * adjacent text nodes are not merged on purpose (they come from the same source either way).
 */
export function structureOf(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true })
  const out: string[] = []
  for (const child of doc.children) walk(child, out)
  // Join text split only by ignored nodes (comments) so it compares equal.
  return out.join('\n').replace(/"\n"/g, ' ')
}
