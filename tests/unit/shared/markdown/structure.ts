import { parseDocument } from 'htmlparser2'
import type { ChildNode, Element } from 'domhandler'

/** The attributes compared between the two renderers (others, such as data-line, are ours only). */
const COMPARED = ['id', 'href', 'src', 'alt', 'title', 'class'] as const

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
  if (node.type === 'comment') {
    out.push(`<!--${node.data.replace(/\s+/g, ' ').trim()}-->`)
    return
  }
  if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return
  const el = node as Element
  const attrs = COMPARED.filter((name) => el.attribs[name] !== undefined)
    .map((name) => {
      const value =
        name === 'class' ? el.attribs[name]!.trim().split(/\s+/).sort().join(' ') : el.attribs[name]
      return ` ${name}=${JSON.stringify(value)}`
    })
    .join('')
  out.push(`<${el.name}${attrs}>`)
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
 * A whitespace-insensitive outline of HTML for comparing two renderers element by element: the tag
 * sequence with each element's id, href, src, alt, title and class, comments, and the text, one
 * item a line. Whitespace between blocks and inside text runs is ignored, entities are decoded,
 * and inside `pre` only the code's text counts (the highlighters mark it up differently).
 */
export function structureOf(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true })
  const out: string[] = []
  for (const child of doc.children) walk(child, out)
  return out.join('\n')
}
